import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { account } from './fixtures.js'

/** The accounts screen's keychain section: health, and entries that belong to no account. */

describe('keychain section', () => {
  it('says the keychain works and lists leftover entries by name, removable on request', async () => {
    const fake = installFakeMailkey({ accounts: [account()] })
    fake.api.listOrphans
      .mockResolvedValueOnce({ ok: true, value: { keys: ['old1:incoming', 'old1:outgoing'] } })
      .mockResolvedValueOnce({ ok: true, value: { keys: [] } })
    fake.api.removeOrphans.mockResolvedValueOnce({ ok: true, value: { removed: 2 } })
    const user = userEvent.setup()
    render(<App />)
    const section = await screen.findByRole('region', { name: 'Keychain' })
    expect(await within(section).findByText(/Your system keychain is working/)).toBeTruthy()
    const list = await within(section).findByRole('list', { name: 'Leftover keychain entries' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['old1:incoming', 'old1:outgoing'])
    expect(section.textContent).toContain('2 passwords in the keychain belong to no account')

    await user.click(within(section).getByRole('button', { name: 'Remove leftover entries' }))
    expect(fake.api.removeOrphans).toHaveBeenCalledTimes(1)
    expect(await within(section).findByText('Removed 2 leftover entries from the keychain.')).toBeTruthy()
    expect(await within(section).findByText(/No leftover entries/)).toBeTruthy()
  })

  it('shows the keychain problem with what to do', async () => {
    const fake = installFakeMailkey({ accounts: [account()] })
    fake.api.keychainStatus.mockResolvedValue({
      ok: true,
      value: {
        ok: false,
        problem: 'locked',
        advice: 'Your keychain is locked. Unlock it, then try again.',
        detail: 'locked',
      },
    })
    render(<App />)
    const section = await screen.findByRole('region', { name: 'Keychain' })
    expect((await within(section).findByRole('alert')).textContent).toContain('Your keychain is locked. Unlock it')
  })

  it('lists kept settings backups (their passwords are no leftovers) and dismisses one on request', async () => {
    const fake = installFakeMailkey({ accounts: [account()] })
    const name = 'settings.invalid-json-2026-11-22T10-00-00-000Z.json'
    fake.api.listBackups
      .mockResolvedValueOnce({
        ok: true,
        value: { backups: [{ name, reason: 'invalid-json', at: '2026-11-22T10:00:00.000Z', accounts: 2 }] },
      })
      .mockResolvedValue({ ok: true, value: { backups: [] } })
    fake.api.listOrphans
      .mockResolvedValueOnce({ ok: true, value: { keys: [] } })
      .mockResolvedValue({ ok: true, value: { keys: ['acc9:incoming'] } })
    const user = userEvent.setup()
    render(<App />)
    const section = await screen.findByRole('region', { name: 'Keychain' })
    const kept = await within(section).findByRole('list', { name: 'Kept settings backups' })
    expect(kept.textContent).toContain('because it was damaged; 2 accounts')
    await user.click(within(kept).getByRole('button', { name: `Dismiss ${name}` }))
    expect(fake.api.dismissBackup).toHaveBeenCalledWith({ name })
    expect(await within(section).findByText(/now show as leftover entries/)).toBeTruthy()
    // the orphans list is read again: the backup's passwords may be leftovers now
    expect(await within(section).findByRole('list', { name: 'Leftover keychain entries' })).toBeTruthy()
  })
})
