import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { AccountView, StaleCredential } from '../../src/shared/account.js'
import type { AccountCheck } from '../../src/shared/ipc/contract.js'
import type { Result } from '../../src/shared/result.js'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account, BOTH_PASSED, outgoingFailed } from './fixtures.js'

/** The accounts screen's stale banner, reset form and re-test, against a fake bridge. */

const STALE_SINCE = '2025-03-02T09:00:00.000Z'
const REASON = 'Google revokes every app password when the Google account password changes.'
const stale: StaleCredential = { since: STALE_SINCE, side: 'both', cause: 'invalid_credentials', reason: REASON }
const STALE = account({ stale })
const REPAIRED = account({ stale: null, lastVerifiedAt: '2025-03-03T12:00:00.000Z' })
const ID = /^[A-Za-z0-9_-]{1,64}$/

async function renderAccounts(accounts: AccountView[]) {
  const fake = installFakeMailkey({ accounts })
  const user = userEvent.setup()
  render(<App />)
  const card = await screen.findByRole('listitem', { name: accounts[0]?.email })
  return { fake, user, card }
}

function stageStates(card: HTMLElement, side: 'Incoming' | 'Outgoing'): (string | null)[] {
  return within(within(card).getByRole('list', { name: `${side} mail test stages` }))
    .getAllByRole('listitem')
    .map((r) => r.getAttribute('data-state'))
}

describe('stale banner', () => {
  it('says what happened, since when, the provider’s reason, and offers the reset', async () => {
    const { card } = await renderAccounts([STALE])
    const banner = within(card).getByRole('region', { name: /^The saved password stopped working/ })
    expect(banner.textContent).toContain('both mail servers no longer accept the saved password')
    expect(banner.textContent).toContain(`Likely reason: ${REASON}`)
    expect(banner.querySelector('time')?.getAttribute('dateTime')).toBe(STALE_SINCE)
    expect(within(banner).getByRole('button', { name: 'Enter the new app password' })).toBeTruthy()
    expect(within(card).getByText('Needs a new password')).toBeTruthy()
    expect(within(card).getAllByText('Refuses the saved password')).toHaveLength(2)
  })

  it('names only the server that refused', async () => {
    const { card } = await renderAccounts([account({ stale: { ...stale, side: 'outgoing' } })])
    const banner = within(card).getByRole('region', { name: /^The saved password stopped working/ })
    expect(banner.textContent).toContain('the outgoing mail server no longer accepts the saved password')
    expect(within(card).getAllByText('Refuses the saved password')).toHaveLength(1)
  })

  it('is absent for a working account', async () => {
    const { card } = await renderAccounts([account()])
    expect(within(card).queryByRole('region', { name: /^The saved password stopped working/ })).toBeNull()
    expect(within(card).getByText(/Saved in your keychain; used for incoming and outgoing mail/)).toBeTruthy()
  })
})

describe('reset flow', () => {
  async function openReset() {
    const r = await renderAccounts([STALE])
    await r.user.click(within(r.card).getByRole('button', { name: 'Enter the new app password' }))
    const field = within(r.card).getByLabelText<HTMLInputElement>('New app password')
    return { ...r, field }
  }

  it('asks once in the wizard’s paste field: focus there, spaces removed, masked', async () => {
    const { user, field } = await openReset()
    expect(document.activeElement).toBe(field)
    expect(field.type).toBe('password')
    await user.paste('abcd efgh ijkl mnop')
    expect(field.value).toBe('abcdefghijklmnop')
  })

  it('a malformed paste is explained and nothing is sent', async () => {
    const { fake, user, field, card } = await openReset()
    await user.paste('abcd efgh')
    await user.keyboard('{Enter}')
    expect(within(card).getByText('An app password has 16 letters; this has 8. Copy it again, all of it.')).toBeTruthy()
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(fake.api.resetCredentials).not.toHaveBeenCalled()
  })

  it('Escape closes the form without sending anything', async () => {
    const { fake, user, card } = await openReset()
    await user.keyboard('{Escape}')
    expect(within(card).queryByLabelText('New app password')).toBeNull()
    expect(fake.api.resetCredentials).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(within(card).getByRole('heading', { name: 'alice@gmail.com' }))
  })

  it('tests the new password live; refused, it says the old one is still saved and the banner stays', async () => {
    const { fake, user, field, card } = await openReset()
    const answer = pending<Result<AccountCheck & { saved: boolean }>>()
    fake.api.resetCredentials.mockReturnValueOnce(answer.promise)
    await user.paste('wron gpas swor dxyz')
    await user.keyboard('{Enter}')

    expect(fake.api.resetCredentials).toHaveBeenCalledWith({
      id: 'acc1',
      testId: expect.stringMatching(ID),
      password: 'wrongpasswordxyz',
    })
    expect(field.isConnected).toBe(false)
    const testId = fake.api.resetCredentials.mock.calls[0][0].testId
    expect(within(card).getByRole('heading', { name: 'Testing the new password…' })).toBeTruthy()
    act(() => fake.emit({ testId, side: 'incoming', stage: 'dns', state: 'done', ms: 3 }))
    act(() => fake.emit({ testId, side: 'incoming', stage: 'connect', state: 'running', ms: 0 }))
    expect(stageStates(card, 'Incoming').slice(0, 3)).toEqual(['done', 'running', 'pending'])

    await act(() =>
      answer.resolve({ ok: true, value: { report: outgoingFailed(undefined), account: STALE, saved: false } }),
    )
    const heading = within(card).getByRole('heading', { name: 'The new password did not work' })
    expect(document.activeElement).toBe(heading)
    expect(card.textContent).toContain('Your old password is still saved; nothing was changed.')
    expect(within(card).getByRole('group', { name: 'Google did not accept this password' })).toBeTruthy()
    expect(within(card).getByRole('region', { name: /^The saved password stopped working/ })).toBeTruthy()
    await user.click(within(card).getByRole('button', { name: 'Try another password' }))
    expect(document.activeElement).toBe(within(card).getByLabelText('New app password'))
  })

  it('accepted: the banner goes and the card says verified, with the new time', async () => {
    const { fake, user, card } = await openReset()
    fake.api.resetCredentials.mockResolvedValueOnce({
      ok: true,
      value: { report: BOTH_PASSED, account: REPAIRED, saved: true },
    })
    await user.paste('abcd efgh ijkl mnop')
    await user.keyboard('{Enter}')
    const heading = await within(card).findByRole('heading', { name: 'The new password works and is saved' })
    expect(document.activeElement).toBe(heading)
    expect(within(card).queryByRole('region', { name: /^The saved password stopped working/ })).toBeNull()
    expect(
      within(card)
        .getByText(/^Verified/)
        .querySelector('time')
        ?.getAttribute('dateTime'),
    ).toBe(REPAIRED.lastVerifiedAt)
    expect(stageStates(card, 'Outgoing')).toEqual(Array(6).fill('done'))
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'The new password works and is saved.')).toBe(
      true,
    )
  })

  it('the keychain cannot keep it: the advice shows and the field is off', async () => {
    const fake = installFakeMailkey({ accounts: [STALE] })
    fake.api.keychainStatus.mockResolvedValue({
      ok: true,
      value: {
        ok: false,
        problem: 'locked',
        advice: 'Unlock your keychain, then try again.',
        detail: 'collection is locked',
      },
    })
    const user = userEvent.setup()
    render(<App />)
    const card = await screen.findByRole('listitem', { name: 'alice@gmail.com' })
    await user.click(within(card).getByRole('button', { name: 'Enter the new app password' }))
    expect(within(card).getByRole('alert').textContent).toContain('Unlock your keychain, then try again.')
    expect(within(card).getByLabelText<HTMLInputElement>('New app password').disabled).toBe(true)
    expect(within(card).getByRole<HTMLButtonElement>('button', { name: 'Test and save' }).disabled).toBe(true)
  })
})

describe('re-test', () => {
  it('tests with the saved secret; a confirmed rejection brings the banner', async () => {
    const { fake, user, card } = await renderAccounts([account()])
    fake.api.retestAccount.mockResolvedValueOnce({
      ok: true,
      value: { report: outgoingFailed(undefined), account: STALE },
    })
    await user.click(within(card).getByRole('button', { name: 'Re-test alice@gmail.com' }))
    expect(fake.api.retestAccount).toHaveBeenCalledWith({ id: 'acc1', testId: expect.stringMatching(ID) })
    expect(await within(card).findByRole('region', { name: /^The saved password stopped working/ })).toBeTruthy()
    expect(document.activeElement).toBe(within(card).getByRole('heading', { name: 'Outgoing mail failed the test' }))
  })

  it('both servers pass: said so, and Close puts the card back', async () => {
    const { fake, user, card } = await renderAccounts([STALE])
    fake.api.retestAccount.mockResolvedValueOnce({ ok: true, value: { report: BOTH_PASSED, account: REPAIRED } })
    await user.click(within(card).getByRole('button', { name: 'Re-test alice@gmail.com' }))
    expect(await within(card).findByRole('heading', { name: 'Both servers accept the saved password' })).toBeTruthy()
    expect(within(card).queryByRole('region', { name: /^The saved password stopped working/ })).toBeNull()
    await user.click(within(card).getByRole('button', { name: 'Close' }))
    expect(within(card).queryByRole('heading', { name: 'Both servers accept the saved password' })).toBeNull()
  })

  it('Escape cancels a running re-test, and nothing changes', async () => {
    const { fake, user, card } = await renderAccounts([account()])
    const answer = pending<Result<AccountCheck>>()
    fake.api.retestAccount.mockReturnValueOnce(answer.promise)
    await user.click(within(card).getByRole('button', { name: 'Re-test alice@gmail.com' }))
    const testId = fake.api.retestAccount.mock.calls[0][0].testId
    await user.keyboard('{Escape}')
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId })
    await act(() => answer.resolve({ ok: false, error: { code: 'CANCELLED', message: 'The test was cancelled.' } }))
    expect(card.textContent).toContain('The check was cancelled. Nothing was changed.')
  })
})
