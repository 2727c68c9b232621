import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Fix } from '../../src/shared/diagnosis.js'
import { DiagnosisCard } from '../../src/renderer/src/test-view/DiagnosisCard.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { gmailSetup, outgoingFailed } from './fixtures.js'

const HOSTILE = '535 <b>bold</b> <img src=x onerror="alert(1)"> & <script>alert(2)</script>'

describe('diagnosis card', () => {
  it('shows the plain title, the explanation, the failed stage and the server’s words as text', () => {
    const report = outgoingFailed(undefined, { serverText: HOSTILE }).outgoing!
    const { container } = render(<DiagnosisCard id="d" report={report} onFix={() => undefined} />)
    const card = screen.getByRole('group', { name: 'Google did not accept this password' })
    expect(within(card).getByText('Gmail needs an app password here, not your Google password.')).toBeTruthy()
    expect(card.textContent).toContain('Stopped at: Signing in')
    const said = container.querySelector('pre')!
    expect(said.textContent).toBe(HOSTILE)
    expect(container.querySelector('b, img, script')).toBeNull()
  })

  it('offers an action fix as one button, and advice as text only', async () => {
    const onFix = vi.fn()
    const report = outgoingFailed({
      kind: 'switch-security',
      port: 587,
      security: 'starttls',
      label: 'Use port 587 with STARTTLS',
    }).outgoing!
    const { rerender } = render(<DiagnosisCard id="d" report={report} onFix={onFix} />)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use port 587 with STARTTLS' }))
    expect(onFix).toHaveBeenCalledWith(report.fix)
    const advice = outgoingFailed({ kind: 'retry-later', label: 'Wait a few minutes, then try again' }).outgoing!
    rerender(<DiagnosisCard id="d" report={advice} onFix={onFix} />)
    expect(screen.getByText('Wait a few minutes, then try again').tagName).toBe('P')
    expect(screen.queryAllByRole('button')).toHaveLength(0)
  })

  it('as a screen’s answer: a region under an h2, a link as a button, every other fix as what to do', async () => {
    const onFix = vi.fn()
    const explained = (fix: Fix) => ({
      title: 'Port 587 needs STARTTLS',
      explanation: 'Why.',
      serverText: HOSTILE,
      fix,
    })
    const link: Fix = { kind: 'open-url', url: 'https://example.test/', label: 'Open the page' }
    const { rerender } = render(
      <DiagnosisCard
        id="x"
        report={explained(link)}
        placement="answer"
        wordsLabel="The words you pasted"
        fixMode="advise"
        onFix={onFix}
        fixProblem="It did not open."
      />,
    )
    const region = screen.getByRole('region', { name: 'Port 587 needs STARTTLS' })
    expect(within(region).getByRole('heading', { level: 2 }).tabIndex).toBe(-1)
    expect(within(region).getByText('The words you pasted')).toBeTruthy()
    expect(within(region).getByText('It did not open.')).toBeTruthy()
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Open the page' }))
    expect(onFix).toHaveBeenCalledWith(link)
    for (const fix of [
      { kind: 'switch-security', port: 587, security: 'starttls', label: 'Use port 587 with STARTTLS' },
      { kind: 'contact-admin', label: 'Ask your administrator' },
    ] satisfies Fix[]) {
      rerender(<DiagnosisCard id="x" report={explained(fix)} placement="answer" fixMode="advise" onFix={onFix} />)
      expect(screen.getByText(/What to do:/).textContent).toBe(`What to do: ${fix.label}`)
      expect(screen.queryAllByRole('button')).toHaveLength(0)
    }
  })

  it('as an outcome: toned, with its facts before the server’s words', () => {
    render(
      <DiagnosisCard
        id="o"
        tone="warning"
        report={{ title: 'Not arrived yet', serverText: '250 OK' }}
        onFix={() => undefined}
      >
        <p>Took 2 s.</p>
      </DiagnosisCard>,
    )
    const card = screen.getByRole('group', { name: 'Not arrived yet' })
    expect(card.className).toBe('outcome outcome--warning')
    expect(card.querySelector('p + figure')?.previousElementSibling?.textContent).toBe('Took 2 s.')
  })
})

/** A Wizard whose test finishes with the outgoing side failed, offering `fix`. */
async function failedWith(fix: Fix) {
  const fake = installFakeMailkey()
  const tested = {
    incoming: { protocol: 'imap' as const, host: 'imap.gmail.com', port: 993, security: 'tls' as const },
    outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' as const },
  }
  render(
    <Wizard
      onSaved={() => undefined}
      initialState={{ step: 'test', setup: gmailSetup(), run: startRun('t1', tested) }}
    />,
  )
  await act(() => fake.finishTest({ ok: true, value: outgoingFailed(fix) }))
  expect(screen.getByRole('heading', { name: 'Outgoing mail failed the test' })).toBeTruthy()
  return { fake, user: userEvent.setup(), button: screen.getByRole('button', { name: fix.label }) }
}

describe('diagnosis fixes in the wizard', () => {
  it('open-url opens the page in the system browser', async () => {
    const { fake, user, button } = await failedWith({
      kind: 'open-url',
      url: 'https://myaccount.google.com/apppasswords',
      label: 'Open Gmail’s App passwords page',
    })
    await user.click(button)
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://myaccount.google.com/apppasswords' })
  })

  it('switch-security changes that server and tests again at once', async () => {
    const { fake, user, button } = await failedWith({
      kind: 'switch-security',
      port: 587,
      security: 'starttls',
      label: 'Use port 587 with STARTTLS',
    })
    await user.click(button)
    expect(fake.api.testConnection).toHaveBeenCalledTimes(2)
    const again = fake.api.testConnection.mock.calls[1][0]
    expect(again.outgoing).toEqual({ host: 'smtp.gmail.com', port: 587, security: 'starttls' })
    expect(again.incoming).toEqual({ protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' })
    expect(again.testId).not.toBe('t1')
  })

  it('switch-username tests once more with the other sign-in name, only on the click', async () => {
    const { fake, user, button } = await failedWith({
      kind: 'switch-username',
      username: 'alice',
      label: 'Sign in as alice instead',
    })
    expect(fake.api.testConnection).toHaveBeenCalledTimes(1)
    await user.click(button)
    expect(fake.api.testConnection).toHaveBeenCalledTimes(2)
    const again = fake.api.testConnection.mock.calls[1][0]
    expect(again.username).toBe('alice')
    expect(again.outgoing).toEqual({ host: 'smtp.gmail.com', port: 465, security: 'tls' })
    await act(() => fake.finishTest({ ok: true, value: outgoingFailed(undefined) }))
    expect(fake.api.testConnection).toHaveBeenCalledTimes(2)
  })

  it('replace-password goes back to the password with focus in the field', async () => {
    const { user, button } = await failedWith({ kind: 'replace-password', label: 'Enter the new app password' })
    await user.click(button)
    expect(document.activeElement).toBe(screen.getByLabelText('App password'))
  })

  it('check-settings on the host opens the editor on that field', async () => {
    const { user, button } = await failedWith({ kind: 'check-settings', field: 'host', label: 'Check the server name' })
    await user.click(button)
    const outgoing = screen.getByRole('group', { name: 'Outgoing mail (SMTP)' })
    expect(document.activeElement).toBe(within(outgoing).getByLabelText('Server'))
  })

  it('a failed open is explained, not swallowed', async () => {
    const { fake, user, button } = await failedWith({
      kind: 'open-url',
      url: 'https://example.com/',
      label: 'Open help',
    })
    fake.api.openExternal.mockResolvedValueOnce({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Mailkey only opens secure links to known provider help pages.' },
    })
    await user.click(button)
    expect(await screen.findByText(/only opens secure links/)).toBeTruthy()
  })
})
