import type { Account } from '../../shared/account.js'
import {
  CHECK_ALL_DEFAULTS,
  totalsOf,
  type CheckAllEvent,
  type CheckAllResult,
  type CheckAllRow,
} from '../../shared/check-all.js'
import type { Group } from '../../shared/group.js'
import type { StageEvent } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import type { CheckResult } from './account-check-result.js'
import { rowFromCheck, rowFromError } from './check-all-row.js'
import { scopeFilter, type CheckScope } from './check-scope.js'
import { runLimited } from './limited-pool.js'

export interface CheckAllDeps {
  /** The saved accounts, in the order the screen lists them. */
  list: () => Account[]
  /** The groups a group scope is looked up in (none: a group scope is an input error). */
  groups?: () => readonly Group[]
  /** One account's re-test (retest-account.ts): it records verified or (confirmed) stale. */
  retest: (id: string, testId: string, emit: (e: StageEvent) => void, timeoutMs?: number) => Promise<CheckResult>
  /** Stops a running re-test by its test id (ConnectionTester.cancel). */
  cancelTest: (testId: string) => boolean
}

export interface CheckAllRequest {
  /** 1-48 letters, digits, - or _; each account's test runs as `<runId>-<n>`. */
  runId: string
  scope?: CheckScope
  /** Accounts checked at once (default 4). */
  concurrency?: number
  /** Accounts checked at once on one server host, incoming or outgoing (default 2). */
  perHost?: number
  timeoutMs?: number
  onEvent?: (event: CheckAllEvent) => void
}

/** The hosts an account's check connects to, as the per-host limit counts them (case and final dot ignored). */
export function hostsOf(account: Account): string[] {
  const key = (host: string): string => host.toLowerCase().replace(/\.$/, '')
  return [key(account.incoming.host), key(account.outgoing.host)]
}

/**
 * Check all: re-tests every account in scope with its saved secret, a few at a time, so twenty
 * accounts take a few tests' time rather than twenty, while no server sees more than `perHost` of
 * them at once (Gmail answers "too many connections", and rate-limits logins, when a client opens many
 * sessions at once). Each account goes through the same re-test as its own Re-test button, so a
 * rejection is called stale only once confirmed. Cancellable by run id.
 */
export class AccountChecks {
  private readonly runs = new Map<string, { abort: AbortController; running: Set<string> }>()

  constructor(private readonly deps: CheckAllDeps) {}

  async checkAll(req: CheckAllRequest): Promise<CheckAllResult> {
    const accounts = this.deps.list().filter(scopeFilter(req.scope ?? { kind: 'all' }, this.deps.groups?.() ?? []))
    if (this.runs.has(req.runId)) throw new AppError('INVALID_INPUT', 'A check with this id is already running.')
    const run = { abort: new AbortController(), running: new Set<string>() }
    this.runs.set(req.runId, run)
    const emit = req.onEvent ?? (() => undefined)
    const rows = new Map<string, CheckAllRow>()
    const t0 = performance.now()
    try {
      for (const a of accounts) emit({ runId: req.runId, accountId: a.id, state: 'queued' })
      const testIds = new Map(accounts.map((a, i) => [a.id, `${req.runId}-${i}`]))
      const checkOne = async (account: Account): Promise<void> => {
        const testId = testIds.get(account.id) ?? req.runId
        run.running.add(testId)
        emit({ runId: req.runId, accountId: account.id, state: 'running' })
        const started = performance.now()
        const onStage = (e: StageEvent): void =>
          emit({
            runId: req.runId,
            accountId: account.id,
            state: 'running',
            side: e.side,
            stage: e.stage,
            stageState: e.state,
          })
        let row: CheckAllRow
        try {
          const result = await this.deps.retest(account.id, testId, onStage, req.timeoutMs)
          row = rowFromCheck(account, result, Math.round(performance.now() - started))
        } catch (e) {
          row = rowFromError(account, e, Math.round(performance.now() - started))
        } finally {
          run.running.delete(testId)
        }
        rows.set(account.id, row)
        emit({ runId: req.runId, accountId: account.id, state: 'finished', row })
      }
      await runLimited(
        accounts,
        hostsOf,
        {
          concurrency: req.concurrency ?? CHECK_ALL_DEFAULTS.concurrency,
          perKey: req.perHost ?? CHECK_ALL_DEFAULTS.perHost,
        },
        checkOne,
        run.abort.signal,
      )
      const all = accounts.map((a) => rows.get(a.id) ?? rowFromError(a, new AppError('CANCELLED', ''), 0))
      for (const row of all.filter((r) => !rows.has(r.accountId)))
        emit({ runId: req.runId, accountId: row.accountId, state: 'finished', row })
      return {
        runId: req.runId,
        rows: all,
        totals: totalsOf(all),
        ms: Math.round(performance.now() - t0),
        sumMs: all.reduce((sum, r) => sum + r.ms, 0),
        cancelled: run.abort.signal.aborted,
      }
    } finally {
      this.runs.delete(req.runId)
    }
  }

  /** Stops a run: nothing new starts and the running checks are cancelled. False when no such run. */
  cancel(runId: string): boolean {
    const run = this.runs.get(runId)
    if (!run) return false
    run.abort.abort()
    for (const testId of run.running) this.deps.cancelTest(testId)
    return true
  }
}
