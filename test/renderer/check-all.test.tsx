import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import type { CheckAllResult, CheckAllRow } from '../../src/shared/check-all.js'
import type { Result } from '../../src/shared/result.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account } from './fixtures.js'

const ALICE = account()
const BOB = account({ id: 'acc2', email: 'bob@example.org', providerId: null })
const CAROL = account({ id: 'acc3', email: 'carol@example.org', providerId: null })

const rows: CheckAllRow[] = [
  {
    accountId: 'acc1',
    email: ALICE.email,
    outcome: 'works',
    title: 'Both servers accept the saved password.',
    ms: 310,
  },
  {
    accountId: 'acc2',
    email: BOB.email,
    outcome: 'stale',
    side: 'incoming',
    cause: 'invalid_credentials',
    title: 'The server refused the saved password',
    fix: { kind: 'replace-password', label: 'Enter the new password' },
    ms: 820,
  },
  {
    accountId: 'acc3',
    email: CAROL.email,
    outcome: 'failing',
    side: 'outgoing',
    cause: 'connection_refused',
    title: 'Nothing answers on that port',
    fix: { kind: 'open-url', url: 'https://support.google.com/mail/answer/7126229', label: 'Open the help page' },
    ms: 40,
  },
]

describe('check all', { timeout: 15_000 }, () => {
  it('runs every account in main, each row live, then the results table with causes, fixes and a total', async () => {
    const fake = installFakeMailkey({ accounts: [ALICE, BOB, CAROL] })
    const answer = pending<Result<CheckAllResult>>()
    fake.api.checkAllAccounts.mockReturnValueOnce(answer.promise)
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Check all' }))
    const call = fake.api.checkAllAccounts.mock.calls[0]?.[0]
    expect(call).toMatchObject({ accountIds: ['acc1', 'acc2', 'acc3'] })
    const runId = call?.runId ?? ''
    expect(runId).toMatch(/^[A-Za-z0-9_-]{1,48}$/)

    const panel = screen.getByRole('region', { name: 'Checking 3 accounts…' })
    expect(document.activeElement).toBe(within(panel).getByRole('heading'))
    const table = within(panel).getByRole('table')
    const row = (email: string) => within(table).getByRole('row', { name: new RegExp(email) })
    expect(row(ALICE.email).textContent).toContain('Waiting…')
    act(() =>
      fake.emitCheckAll({
        runId,
        accountId: 'acc1',
        state: 'running',
        side: 'incoming',
        stage: 'auth',
        stageState: 'running',
      }),
    )
    expect(row(ALICE.email).textContent).toContain('Incoming mail: Signing in…')
    act(() => fake.emitCheckAll({ runId, accountId: 'acc1', state: 'finished', row: rows[0] }))
    expect(row(ALICE.email).textContent).toContain('Works')
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Checked 1 of 3 accounts.')).toBe(true)
    // another run's events are not ours
    act(() => fake.emitCheckAll({ runId: 'other', accountId: 'acc2', state: 'finished', row: rows[1] }))
    expect(row(BOB.email).textContent).toContain('Waiting…')

    const result: CheckAllResult = {
      runId,
      rows,
      totals: { works: 1, stale: 1, failing: 1, cancelled: 0 },
      ms: 900,
      sumMs: 1170,
      cancelled: false,
    }
    await act(() => answer.resolve({ ok: true, value: result }))
    const done = screen.getByRole('region', { name: 'Some accounts need attention' })
    expect(row(BOB.email).textContent).toContain('Needs a new password')
    expect(row(BOB.email).textContent).toContain(
      'Incoming mail: The server refused the saved password (invalid_credentials)',
    )
    expect(row(BOB.email).textContent).toContain('Enter the new password')
    expect(row(CAROL.email).textContent).toContain('Outgoing mail: Nothing answers on that port')
    await user.click(within(row(CAROL.email)).getByRole('button', { name: 'Open the help page' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://support.google.com/mail/answer/7126229' })
    expect(done.textContent).toContain(
      '3 accounts: 1 works, 1 stale, 1 failing. Took 0.9 s (one after another: about 1.2 s).',
    )
    // stale flags changed in main: the list is read again
    expect(fake.api.listAccounts.mock.calls.length).toBeGreaterThanOrEqual(2)
  })

  it('Escape cancels a running check', async () => {
    const fake = installFakeMailkey({ accounts: [ALICE, BOB] })
    const answer = pending<Result<CheckAllResult>>()
    fake.api.checkAllAccounts.mockReturnValueOnce(answer.promise)
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Check all' }))
    const runId = fake.api.checkAllAccounts.mock.calls[0]?.[0].runId
    expect(screen.getByRole('button', { name: 'Check all' })).toHaveProperty('disabled', true)
    await user.keyboard('{Escape}')
    expect(fake.api.cancelCheckAll).toHaveBeenCalledWith({ runId })
    expect(screen.getByRole('heading', { name: 'Cancelling the check…' })).toBeTruthy()
    await act(() =>
      answer.resolve({
        ok: true,
        value: {
          runId: runId ?? '',
          rows: rows.slice(0, 2).map((r) => ({ ...r, outcome: 'cancelled' as const, ms: 0 })),
          totals: { works: 0, stale: 0, failing: 0, cancelled: 2 },
          ms: 20,
          sumMs: 0,
          cancelled: true,
        },
      }),
    )
    expect(screen.getByRole('heading', { name: 'Check cancelled' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Check cancelled' }).textContent).toContain('2 not checked')
  })
})
