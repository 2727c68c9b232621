import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../src/shared/diagnosis.js'
import type { Result } from '../../src/shared/result.js'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account } from './fixtures.js'

/** "Explain an error": reached from the accounts and the wizard, pasted text in, the diagnosis out. */

const PASTED = '534-5.7.9 Application-specific password required. <b>bold</b>'
const APP_PASSWORD_NEEDED: Diagnosis = {
  cause: 'app_password_required',
  title: 'Google needs an app password for Mailkey',
  explanation: 'Your Google password only works in the web browser.',
  serverText: PASTED,
  fix: { kind: 'open-url', url: 'https://myaccount.google.com/apppasswords', label: 'Open Gmail’s App passwords page' },
}

async function openFromAccounts() {
  const fake = installFakeMailkey({ accounts: [account()] })
  const user = userEvent.setup()
  render(<App />)
  await user.click(await screen.findByRole('button', { name: 'Explain an error' }))
  const text = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'The error message' })
  return { fake, user, text }
}

describe('explain an error', () => {
  it('opens with focus in the text field, and Explain with nothing pasted says so', async () => {
    const { fake, user, text } = await openFromAccounts()
    expect(screen.getByRole('heading', { name: 'Explain an error' })).toBeTruthy()
    expect(document.activeElement).toBe(text)
    await user.click(screen.getByRole('button', { name: 'Explain' }))
    expect(screen.getByText('Paste the error message.')).toBeTruthy()
    expect(text.getAttribute('aria-invalid')).toBe('true')
    expect(fake.api.explainError).not.toHaveBeenCalled()
  })

  it('sends the text and the chosen protocol, then shows the diagnosis with the pasted words as text', async () => {
    const { fake, user, text } = await openFromAccounts()
    const answer = pending<Result<Diagnosis>>()
    fake.api.explainError.mockReturnValueOnce(answer.promise)
    await user.click(text)
    await user.paste(PASTED)
    await user.selectOptions(screen.getByLabelText('Where did it happen? (optional)'), 'Sending mail (SMTP)')
    await user.click(screen.getByRole('button', { name: 'Explain' }))
    expect(fake.api.explainError).toHaveBeenCalledWith({ text: PASTED, protocol: 'smtp' })
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Explaining…' }).disabled).toBe(true)

    await act(() => answer.resolve({ ok: true, value: APP_PASSWORD_NEEDED }))
    const title = screen.getByRole('heading', { name: 'Google needs an app password for Mailkey' })
    expect(document.activeElement).toBe(title)
    const result = screen.getByRole('region', { name: 'Google needs an app password for Mailkey' })
    expect(within(result).getByText('The words you pasted')).toBeTruthy()
    expect(result.querySelector('pre')?.textContent).toBe(PASTED)
    expect(result.querySelector('b')).toBeNull()
    await user.click(within(result).getByRole('button', { name: 'Open Gmail’s App passwords page' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://myaccount.google.com/apppasswords' })
  })

  it('Ctrl+Enter in the text explains it; without a protocol none is sent', async () => {
    const { fake, user, text } = await openFromAccounts()
    fake.api.explainError.mockResolvedValueOnce({ ok: true, value: APP_PASSWORD_NEEDED })
    await user.click(text)
    await user.paste('535 5.7.8 rejected')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(fake.api.explainError).toHaveBeenCalledWith({ text: '535 5.7.8 rejected' })
    expect(text.value).toBe('535 5.7.8 rejected')
  })

  it('a fix that is a setting elsewhere is given as advice, not a button', async () => {
    const { fake, user, text } = await openFromAccounts()
    fake.api.explainError.mockResolvedValueOnce({
      ok: true,
      value: {
        ...APP_PASSWORD_NEEDED,
        cause: 'tls_mode_mismatch',
        title: 'Port 587 needs STARTTLS',
        fix: { kind: 'switch-security', port: 587, security: 'starttls', label: 'Use port 587 with STARTTLS' },
      },
    })
    await user.click(text)
    await user.paste('wrong version number')
    await user.click(screen.getByRole('button', { name: 'Explain' }))
    const result = await screen.findByRole('region', { name: 'Port 587 needs STARTTLS' })
    expect(within(result).getByText(/What to do:/).textContent).toBe('What to do: Use port 587 with STARTTLS')
    expect(within(result).queryAllByRole('button')).toHaveLength(0)
  })

  it('a failure is shown, not swallowed', async () => {
    const { fake, user, text } = await openFromAccounts()
    fake.api.explainError.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INTERNAL', message: 'diagnosis crashed' },
    })
    await user.click(text)
    await user.paste('x')
    await user.click(screen.getByRole('button', { name: 'Explain' }))
    expect((await screen.findByRole('alert')).textContent).toContain('diagnosis crashed')
  })

  it('comes back to the accounts, and from the wizard back to the wizard as it was left', async () => {
    const { user } = await openFromAccounts()
    await user.click(screen.getByRole('button', { name: 'Back to accounts' }))
    expect(screen.getByRole('heading', { name: 'Mail accounts' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Add account' }))
    await user.type(screen.getByLabelText('Email address'), 'carol@example.org')
    await user.click(screen.getByRole('button', { name: 'Explain an error' }))
    await user.click(screen.getByRole('button', { name: 'Back to the setup' }))
    expect(screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('carol@example.org')
  })
})
