import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { account, BOTH_PASSED } from './fixtures.js'

/** The window around the screens: startup notices, editing a saved account, the done step. */

const RECOVERED = {
  kind: 'settings-recovered' as const,
  message: 'Your settings file was damaged; Mailkey moved it aside as settings.json.bad and started fresh.',
}

describe('startup notices', () => {
  it('are shown once, over whatever screen opens, until dismissed', async () => {
    const fake = installFakeMailkey({ accounts: [account()] })
    fake.api.getNotices.mockResolvedValue({ ok: true, value: { notices: [RECOVERED] } })
    const user = userEvent.setup()
    render(<App />)
    const notices = await screen.findByRole('region', { name: 'Notices' })
    expect(notices.textContent).toContain('moved it aside')
    await user.click(within(notices).getByRole('button', { name: `Dismiss: ${RECOVERED.message}` }))
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Add account' }))
    expect(screen.queryByText(/moved it aside/)).toBeNull()
    expect(fake.api.getNotices).toHaveBeenCalledTimes(1)
  })

  it('nothing is shown when there are none', async () => {
    installFakeMailkey({ accounts: [account()] })
    render(<App />)
    await screen.findByRole('heading', { name: 'Mail accounts' })
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull()
  })
})

describe('editing a saved account', () => {
  it('opens on its servers; a changed server asks for the password again, tests and saves with it and the account id, then says what was verified', async () => {
    const saved = account()
    const fake = installFakeMailkey({ accounts: [saved] })
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Edit alice@gmail.com' }))

    expect(screen.getByRole('heading', { name: 'Edit alice@gmail.com' })).toBeTruthy()
    expect(screen.getByText('Gmail: The settings this account was saved with')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByLabelText('Protocol'))
    const outgoing = screen.getByRole('group', { name: 'Outgoing mail (SMTP)' })
    await user.clear(within(outgoing).getByLabelText('Port'))
    await user.type(within(outgoing).getByLabelText('Port'), '587')
    await user.click(screen.getByRole('button', { name: 'Test both servers' }))

    // issue 12: the saved password goes only to the servers it was saved for; port 587 is another one
    expect(fake.api.testConnection).not.toHaveBeenCalled()
    expect(screen.getByText(/The servers changed, so enter the password again/)).toBeTruthy()
    await user.type(screen.getByLabelText('New app password (optional)'), 'abcdefghijklmnop')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(screen.getByRole('button', { name: 'Test both servers' }))

    const input = fake.api.testConnection.mock.calls[0][0]
    expect(input).toMatchObject({
      password: 'abcdefghijklmnop',
      outgoing: { port: 587, security: 'starttls' },
    })
    await act(() =>
      fake.finishTest({
        ok: true,
        value: { ...BOTH_PASSED, outgoing: { ...BOTH_PASSED.outgoing!, port: 587, security: 'starttls' } },
      }),
    )
    const verified = account({
      outgoing: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
      lastVerifiedAt: '2025-04-01T08:00:00.000Z',
    })
    fake.api.saveAccount.mockResolvedValueOnce({ ok: true, value: verified })
    await user.click(screen.getByRole('button', { name: 'Save account' }))
    const save = fake.api.saveAccount.mock.calls[0][0]
    expect(save).toMatchObject({ accountId: 'acc1', testId: input.testId, outgoing: { port: 587 } })
    expect(save.password).toBe('abcdefghijklmnop')

    const done = await screen.findByRole('heading', { name: 'alice@gmail.com is ready' })
    expect(document.activeElement).toBe(done)
    expect(
      screen
        .getByText(/both servers accepted the password/)
        .querySelector('time')
        ?.getAttribute('dateTime'),
    ).toBe(verified.lastVerifiedAt)
    expect(screen.getByText(/port 587, STARTTLS/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Back to accounts' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Go to your accounts' }))
    const card = screen.getByRole('listitem', { name: 'alice@gmail.com' })
    expect(card.textContent).toContain('smtp.gmail.com port 587, STARTTLS')
    expect(screen.getByText('alice@gmail.com is saved and verified.')).toBeTruthy()
  })

  it('the password step is optional there, and says so', async () => {
    installFakeMailkey({ accounts: [account()] })
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Edit alice@gmail.com' }))
    await user.click(screen.getByRole('button', { name: 'Change the password' }))
    const field = screen.getByLabelText('New app password (optional)')
    expect(document.activeElement).toBe(field)
    expect(screen.getByText(/Leave it empty to keep the saved password/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('heading', { name: 'Test the servers' })).toBeTruthy()
  })
})
