import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RECHECK_EVERY_MS, type RecheckClock } from '../../src/main/accounts/background-recheck.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { StageEvent } from '../../src/shared/report.js'
import { bedCatalog } from '../bed/catalog.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

/**
 * Issue 13: the quiet re-check of saved accounts, on a fake clock, against the real bed and keychain.
 * Google revokes the app password while the app runs; the re-check finds it within the hour, tells the
 * window once, checks no account twice an hour, never while the keychain is unusable, and never while
 * another check of the account runs.
 */

const problem = await keychainProblem()
const b = bed()
const USER = BED_USERS.recheck
const MIN = 60_000

/** A clock moved by hand; its timers run when it passes their time. */
function fakeClock(start: Date): RecheckClock & { advance(ms: number): void; pending(): number[] } {
  let now = start.getTime()
  let next = 0
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => new Date(now),
    setTimeout: (run, ms) => {
      timers.set(++next, { at: now + ms, run })
      return next
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    advance(ms) {
      now += ms
      for (const [id, t] of [...timers].sort((x, y) => x[1].at - y[1].at)) {
        if (t.at > now) continue
        timers.delete(id)
        t.run()
      }
    },
    pending: () => [...timers.values()].map((t) => t.at - now),
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe.skipIf(problem !== null)(`the background re-check${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-recheck-'))
  const secrets = scratchKeychain()
  const T0 = new Date('2026-11-22T08:00:00Z')
  let services: Services
  let account: AccountView

  beforeEach(async () => {
    await secrets.clear()
    setAppPassword(b.usersFile, USER.address, USER.appPassword)
    rmSync(join(dir, 'settings.json'), { force: true })
    services = createServices({
      store: openSettings(dir).store,
      secrets,
      trust: { ca: b.ca },
      catalog: bedCatalog(b),
      mx: () => Promise.resolve([]),
      openExternal: () => Promise.resolve(),
    })
    account = await services.accounts.save({
      email: USER.address,
      providerId: 'gmail',
      incoming: b.imaps,
      outgoing: b.smtps,
      password: USER.appPassword,
      verifiedAt: T0.toISOString(),
    })
  })
  afterEach(() => setAppPassword(b.usersFile, USER.address, USER.appPassword))
  afterAll(async () => {
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds a revoked app password within the hour, tells the window once, and checks at most hourly', async () => {
    const clock = fakeClock(new Date(T0.getTime() + 10 * MIN))
    const changed: AccountView[] = []
    const recheck = services.recheck({ clock, onChange: (a) => changed.push(a) })

    expect(await recheck.runOnce()).toBe(0) // verified ten minutes ago: not due

    // the user changed their Google password: every app password is revoked
    setAppPassword(b.usersFile, USER.address, 'revokedrevokedxx')
    clock.advance(RECHECK_EVERY_MS)
    expect(await recheck.runOnce()).toBe(1)
    expect(changed).toHaveLength(1)
    expect(changed[0]?.stale).toMatchObject({ side: 'both', cause: 'invalid_credentials' })
    const saved = services.accounts.get(account.id)
    expect(saved.stale?.side).toBe('both')
    expect(saved.lastCheckedAt).toBe(clock.now().toISOString())
    expect(saved.lastVerifiedAt).toBe(T0.toISOString())

    // within the hour: left alone; an hour on, checked again, and nothing new to tell
    clock.advance(59 * MIN)
    expect(await recheck.runOnce()).toBe(0)
    clock.advance(MIN)
    expect(await recheck.runOnce()).toBe(1)
    expect(changed).toHaveLength(1)

    // the new app password is saved elsewhere (the reset): the next check says it works again
    setAppPassword(b.usersFile, USER.address, USER.appPassword)
    clock.advance(RECHECK_EVERY_MS)
    expect(await recheck.runOnce()).toBe(1)
    expect(changed).toHaveLength(2)
    expect(changed[1]?.stale).toBeNull()
    expect(changed[1]?.lastVerifiedAt).toBe(clock.now().toISOString())
  })

  it('never runs while the keychain is unusable, and resumes once it works', async () => {
    const clock = fakeClock(new Date(T0.getTime() + 2 * RECHECK_EVERY_MS))
    const recheck = services.recheck({ clock, onChange: () => undefined })
    const working = services.keychainHealth
    services.keychainHealth = () =>
      Promise.resolve({ ok: false, problem: 'locked', advice: 'Unlock it.', detail: 'collection is locked' })
    expect(await recheck.runOnce()).toBe(0)
    expect(services.accounts.get(account.id).lastCheckedAt).toBeUndefined()
    services.keychainHealth = working
    expect(await recheck.runOnce()).toBe(1)
  })

  it('skips an account another check holds, and a re-test the user asks for waits for the one running', async () => {
    const clock = fakeClock(new Date(T0.getTime() + 2 * RECHECK_EVERY_MS))
    const recheck = services.recheck({ clock, onChange: () => undefined })
    const gate = deferred()
    const held = services.checkLock.run(account.id, () => gate.promise)
    expect(await recheck.runOnce()).toBe(0)

    const events: StageEvent[] = []
    let finished = false
    const manual = services.retest(account.id, 'manual-retest', (e) => events.push(e)).then(() => (finished = true))
    await new Promise((r) => setTimeout(r, 300))
    expect(finished).toBe(false)
    expect(events).toEqual([]) // it has not even started
    gate.resolve()
    await held
    await manual
    expect(finished).toBe(true)
    expect(events.length).toBeGreaterThan(0)
  })

  it('start() waits a moment before its first pass, then looks again every few minutes until stopped', async () => {
    const clock = fakeClock(new Date(T0.getTime() + 2 * RECHECK_EVERY_MS))
    const changed: AccountView[] = []
    const recheck = services.recheck({ clock, onChange: (a) => changed.push(a) })
    setAppPassword(b.usersFile, USER.address, 'revokedrevokedxx')
    recheck.start()
    expect(clock.pending()).toEqual([5_000])
    clock.advance(5_000)
    await expect.poll(() => changed.length, { timeout: 10_000 }).toBe(1)
    await expect.poll(() => clock.pending(), { timeout: 2_000 }).toEqual([5 * MIN])
    recheck.stop()
    expect(clock.pending()).toEqual([])
  })
})
