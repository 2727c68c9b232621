import type { Account, AccountView } from '../../shared/account.js'
import type { KeychainHealth } from '../../shared/keychain.js'
import type { CheckResult } from './account-check-result.js'
import type { AccountsService } from './accounts-service.js'
import type { CheckLock } from './check-lock.js'

/** The clock the re-check runs on; tests hand in a fake one and move it by hand. */
export interface RecheckClock {
  now(): Date
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const SYSTEM_CLOCK: RecheckClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => {
    const t = setTimeout(run, ms)
    // a pending re-check never keeps the process alive (the CLI, a closing app)
    t.unref()
    return t
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** At most one check per account per hour: a saved password is not news more often than that. */
export const RECHECK_EVERY_MS = 60 * 60 * 1000
/** How often the due accounts are looked for; each pass only reads the settings unless one is due. */
const PASS_EVERY_MS = 5 * 60 * 1000
/** The first pass waits for the window to settle: the start of the app is not slowed by it. */
const FIRST_PASS_AFTER_MS = 5_000

export interface RecheckDeps {
  accounts: AccountsService
  checks: CheckLock
  keychainHealth: () => Promise<KeychainHealth>
  /**
   * The re-test use case (retest-account.ts) with the saved secrets, quietly (no progress events), its
   * times taken from `now` (the re-check's clock).
   */
  retest: (accountId: string, testId: string, now: () => Date) => Promise<CheckResult>
}

export interface RecheckOptions {
  /** An account whose standing changed (now stale, working again, verified anew): tell the window. */
  onChange: (account: AccountView) => void
  clock?: RecheckClock
}

/** When the account was last checked: a re-test records it; older settings know only the last success. */
function lastChecked(account: Account): number {
  const at = account.lastCheckedAt ?? account.lastVerifiedAt
  const t = at ? Date.parse(at) : NaN
  return Number.isNaN(t) ? -Infinity : t
}

function standing(a: Account): string {
  return JSON.stringify([a.stale, a.lastVerifiedAt])
}

/**
 * The quiet re-check of saved accounts: while the app runs, each account is re-tested with its saved
 * secrets at most once an hour, one account at a time, so a revoked app password shows on its card
 * before the user meets it in a mail app. It never runs while the keychain is unusable, never runs a
 * second check of an account already being checked (it skips it until the next pass), and tells the
 * window only when an account's standing changed. Stale is decided by the re-test use case itself
 * (a rejection confirmed by a second attempt), so a network blip never marks a password stale.
 */
export class BackgroundRecheck {
  private readonly clock: RecheckClock
  private timer: unknown = null
  private pass: Promise<number> | null = null
  private stopped = true
  private seq = 0
  /** When this process last tried each account, so one that cannot be checked is not tried every pass. */
  private readonly tried = new Map<string, number>()

  constructor(
    private readonly deps: RecheckDeps,
    private readonly options: RecheckOptions,
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule(FIRST_PASS_AFTER_MS)
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /** One pass over the accounts now (a pass already under way is joined); resolves to how many it checked. */
  runOnce(): Promise<number> {
    this.pass ??= this.checkDue().finally(() => {
      this.pass = null
    })
    return this.pass
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      void this.runOnce().finally(() => this.schedule(PASS_EVERY_MS))
    }, ms)
  }

  private due(account: Account): boolean {
    const last = Math.max(lastChecked(account), this.tried.get(account.id) ?? -Infinity)
    return this.clock.now().getTime() - last >= RECHECK_EVERY_MS
  }

  private async checkDue(): Promise<number> {
    const due = this.deps.accounts.listSaved().filter((a) => this.due(a))
    if (due.length === 0) return 0
    // the keychain is asked only when there is something to check
    const health = await this.deps.keychainHealth().catch(() => ({ ok: false }))
    if (!health.ok) return 0
    let checked = 0
    for (const account of due) {
      const testId = `recheck-${account.id}-${++this.seq}`.slice(0, 64)
      const running = this.deps.checks.runIfIdle(account.id, () =>
        this.deps.retest(account.id, testId, () => this.clock.now()),
      )
      if (!running) continue
      this.tried.set(account.id, this.clock.now().getTime())
      checked += 1
      const result = await running.catch(() => null)
      // a missing secret or a removed account: nothing to tell, the card already says it
      if (result && standing(result.account) !== standing(account)) this.options.onChange(result.account)
    }
    return checked
  }
}
