import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { account } from './fixtures.js'

const ALICE = account()
const BOB = account({
  id: 'acc2',
  email: 'bob@example.org',
  displayName: 'Bob',
  providerId: null,
  lastVerifiedAt: null,
})

describe('accounts screen', () => {
  it('opens on the accounts when there are some, listing servers and verification', async () => {
    installFakeMailkey({ accounts: [ALICE, BOB] })
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'Mail accounts' })).toBeTruthy()
    const alice = screen.getByRole('listitem', { name: 'alice@gmail.com' })
    expect(alice.textContent).toContain('Gmail')
    expect(alice.textContent).toContain('imap.gmail.com port 993, SSL/TLS')
    expect(alice.textContent).toContain('smtp.gmail.com port 465, SSL/TLS')
    expect(
      within(alice)
        .getByText(/Verified/)
        .querySelector('time')
        ?.getAttribute('dateTime'),
    ).toBe(ALICE.lastVerifiedAt)
    const bob = screen.getByRole('listitem', { name: 'Bob' })
    expect(bob.textContent).toContain('bob@example.org')
    expect(bob.textContent).toContain('Other provider')
    expect(within(bob).getByText('Not verified')).toBeTruthy()
  })

  it('removes an account only after confirmation', async () => {
    const fake = installFakeMailkey({ accounts: [ALICE, BOB] })
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Remove alice@gmail.com' }))
    const confirm = screen.getByRole('group', { name: 'Remove alice@gmail.com?' })
    expect(confirm.textContent).toContain('deleted from the keychain')
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep account' }))
    await user.click(within(confirm).getByRole('button', { name: 'Keep account' }))
    expect(fake.api.removeAccount).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: 'Remove alice@gmail.com' }))
    await user.click(screen.getByRole('button', { name: 'Remove account' }))
    expect(fake.api.removeAccount).toHaveBeenCalledWith({ id: 'acc1' })
    expect(await screen.findByText('alice@gmail.com was removed.')).toBeTruthy()
    expect(screen.queryByRole('listitem', { name: 'alice@gmail.com' })).toBeNull()
    expect(screen.getByRole('listitem', { name: 'Bob' })).toBeTruthy()
  })

  it('says so when removing fails, and keeps the account', async () => {
    const fake = installFakeMailkey({ accounts: [ALICE] })
    fake.api.removeAccount.mockResolvedValueOnce({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'The keychain is locked.' },
    })
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Remove alice@gmail.com' }))
    await user.click(screen.getByRole('button', { name: 'Remove account' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The keychain is locked.')
    expect(screen.getByRole('listitem', { name: 'alice@gmail.com' })).toBeTruthy()
  })

  it('opens on the wizard when there is no account, and Add account leads there too', async () => {
    installFakeMailkey({ accounts: [] })
    const { unmount } = render(<App />)
    expect(await screen.findByRole('heading', { name: 'Which address do you want to set up?' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Back to accounts' })).toBeNull()
    unmount()

    installFakeMailkey({ accounts: [ALICE] })
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Add account' }))
    expect(screen.getByRole('heading', { name: 'Which address do you want to set up?' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Back to accounts' }))
    expect(screen.getByRole('heading', { name: 'Mail accounts' })).toBeTruthy()
  })

  it('explains when the accounts cannot be read', async () => {
    const fake = installFakeMailkey()
    fake.api.listAccounts.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INTERNAL', message: 'settings file unreadable' },
    })
    render(<App />)
    expect((await screen.findByRole('alert')).textContent).toContain('settings file unreadable')
  })
})
