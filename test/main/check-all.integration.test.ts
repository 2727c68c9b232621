import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { CheckAllEvent } from '../../src/shared/check-all.js'
import { startMeter, type ConnectionMeter } from '../bed/connection-meter.js'
import { freePort } from '../bed/process.js'
import { OFFICE_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
/** Each server reply is held back this long at the meters, so the sessions of several accounts overlap. */
const DELAY_MS = 15

/** Two "provider hosts" (127.0.0.1 and 127.0.0.2), each with an IMAP and an SMTP meter in front of the bed. */
interface Host {
  imap: ConnectionMeter
  smtp: ConnectionMeter
}

describe.skipIf(problem !== null)(`check all against the bed${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-check-all-'))
  const secrets = scratchKeychain()
  let s: Services
  let a: Host
  let h: Host
  let imapTogether = 0
  let imapTogetherPeak = 0
  const saved: AccountView[] = []
  const track = (open: number, other: () => number): void => {
    imapTogether = open + other()
    imapTogetherPeak = Math.max(imapTogetherPeak, imapTogether)
  }

  async function save(n: number, host: Host, password: string): Promise<AccountView> {
    const user = OFFICE_USERS[n]
    if (!user) throw new Error(`no office user ${n}`)
    const account = await s.accounts.save({
      email: user.address,
      providerId: 'gmail',
      incoming: { protocol: 'imap', host: host.imap.host, port: host.imap.port, security: 'tls' },
      outgoing: { host: host.smtp.host, port: host.smtp.port, security: 'tls' },
      password,
      verifiedAt: null,
    })
    saved.push(account)
    return account
  }

  beforeAll(async () => {
    s = createServices({
      store: openSettings(dir).store,
      secrets,
      trust: { ca: b.ca },
      openExternal: () => Promise.resolve(),
    })
    const imapA = await startMeter('127.0.0.1', b.ports.imaps, {
      delayMs: DELAY_MS,
      onChange: (open) => track(open, () => h.imap.open),
    })
    const imapB = await startMeter('127.0.0.2', b.ports.imaps, {
      delayMs: DELAY_MS,
      onChange: (open) => track(open, () => a.imap.open),
    })
    a = { imap: imapA, smtp: await startMeter('127.0.0.1', b.ports.smtps, { delayMs: DELAY_MS }) }
    h = { imap: imapB, smtp: await startMeter('127.0.0.2', b.ports.smtps, { delayMs: DELAY_MS }) }
    for (let n = 0; n < 6; n++) await save(n, a, OFFICE_USERS[n]?.appPassword ?? '')
    for (let n = 6; n < 11; n++) await save(n, h, OFFICE_USERS[n]?.appPassword ?? '')
    // Google revoked this one's app password: the saved one is refused
    await save(11, h, 'revokedapppasswd')
    // a server that is gone: nothing listens on its port
    const closed = await freePort()
    const gone = await s.accounts.save({
      email: OFFICE_USERS[12]?.address ?? '',
      providerId: 'gmail',
      incoming: { protocol: 'imap', host: '127.0.0.3', port: closed, security: 'tls' },
      outgoing: { host: '127.0.0.3', port: closed, security: 'tls' },
      password: OFFICE_USERS[12]?.appPassword ?? '',
      verifiedAt: null,
    })
    saved.push(gone)
    // its password was removed from the keychain by hand
    const missing = await save(13, a, OFFICE_USERS[13]?.appPassword ?? '')
    await s.credentials.clearAccount(missing.id)
  })

  afterAll(async () => {
    for (const m of [a?.imap, a?.smtp, h?.imap, h?.smtp]) await m?.close()
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('checks 14 accounts 4 at a time, at most 2 per server as the servers see it, each with its outcome, cause and fix', async () => {
    const events: CheckAllEvent[] = []
    const result = await s.checks.checkAll({ runId: 'office', onEvent: (e) => events.push(e) })

    // the limits, counted by the servers' meters
    for (const m of [a.imap, a.smtp, h.imap, h.smtp]) expect(m.peak, `${m.host}:${m.port}`).toBe(2)
    expect(imapTogetherPeak).toBeGreaterThanOrEqual(3)
    expect(imapTogetherPeak).toBeLessThanOrEqual(4)
    expect(a.imap.open + h.imap.open).toBe(0)

    const byEmail = new Map(result.rows.map((r) => [r.email, r]))
    expect(result.rows.map((r) => r.email)).toEqual(saved.map((x) => x.email))
    expect(result.totals).toEqual({ works: 11, stale: 1, failing: 2, cancelled: 0 })
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      expect(byEmail.get(OFFICE_USERS[n]?.address ?? '')).toMatchObject({ outcome: 'works' })
    }
    expect(byEmail.get(OFFICE_USERS[11]?.address ?? '')).toMatchObject({
      outcome: 'stale',
      side: 'incoming',
      cause: 'invalid_credentials',
      fix: { kind: 'replace-password' },
    })
    expect(byEmail.get(OFFICE_USERS[12]?.address ?? '')).toMatchObject({
      outcome: 'failing',
      cause: 'connection_refused',
      report: { reachability: { summary: expect.any(String) } },
    })
    expect(byEmail.get(OFFICE_USERS[13]?.address ?? '')).toMatchObject({
      outcome: 'failing',
      title: expect.stringContaining('missing from the keychain'),
      fix: { kind: 'replace-password' },
    })
    // several at once: the whole run took less than the accounts' own times added up
    expect(result.ms).toBeLessThan(result.sumMs)

    // recorded as each account's own Re-test records it
    const after = new Map(s.accounts.listSaved().map((x) => [x.email, x]))
    expect(after.get(OFFICE_USERS[0]?.address ?? '')?.lastVerifiedAt).not.toBeNull()
    expect(after.get(OFFICE_USERS[11]?.address ?? '')?.stale).toMatchObject({
      cause: 'invalid_credentials',
      side: 'both',
    })
    expect(after.get(OFFICE_USERS[12]?.address ?? '')?.stale).toBeNull()

    // live: every row goes queued → running → finished, and rows finish while others still start
    for (const account of saved) {
      const states = events.filter((e) => e.accountId === account.id).map((e) => e.state)
      expect(states[0]).toBe('queued')
      expect(states.at(-1)).toBe('finished')
      expect(states.filter((x) => x === 'finished')).toHaveLength(1)
      expect(states).toContain('running')
    }
    const firstFinished = events.findIndex((e) => e.state === 'finished')
    const lastStart = events.findLastIndex((e) => e.state === 'running' && !('stage' in e && e.stage))
    expect(firstFinished).toBeLessThan(lastStart)
    expect(events.some((e) => e.state === 'running' && 'stage' in e && e.stage === 'auth')).toBe(true)
  })

  it('cancelled: no new account starts, the running one stops, the rest are "not checked"', async () => {
    const scope = { kind: 'ids' as const, ids: saved.slice(0, 6).map((x) => x.id) }
    const before = a.imap.total
    const run = s.checks.checkAll({
      runId: 'cancel-me',
      scope,
      concurrency: 1,
      onEvent: (e) => {
        if (e.state === 'finished' && e.row.outcome === 'works') s.checks.cancel('cancel-me')
      },
    })
    const result = await run
    expect(result.cancelled).toBe(true)
    expect(result.totals.works).toBe(1)
    expect(result.totals.cancelled).toBe(5)
    expect(result.rows.slice(1).every((r) => r.outcome === 'cancelled' && r.ms === 0)).toBe(true)
    expect(a.imap.total - before).toBe(1)
    expect(s.checks.cancel('cancel-me')).toBe(false)
  })

  it('refuses a group (groups come later) and a run id already running', async () => {
    await expect(s.checks.checkAll({ runId: 'g', scope: { kind: 'group', name: 'Front desk' } })).rejects.toThrow(
      /no group named "Front desk"/,
    )
    const first = s.checks.checkAll({ runId: 'twice', scope: { kind: 'ids', ids: [saved[0]?.id ?? ''] } })
    await expect(s.checks.checkAll({ runId: 'twice' })).rejects.toThrow(/already running/)
    await first
  })
})
