import type { Cause, Fix } from './diagnosis.js'
import type { Side, Stage } from './mail.js'
import type { TestReport } from './report.js'

/**
 * Check all (issue 17): every saved account (or some) re-tested with its saved secret, a few at a time.
 * These are the shapes the IPC result, the live events and `mailkey check --json` share.
 */

/**
 * How one account came out: both servers accept its saved secret (`works`); a server refused the
 * saved secret twice in a row (`stale`: the password must be replaced); anything else went wrong
 * (`failing`: network, settings, a missing secret); or the run was cancelled before it finished.
 */
export type CheckAllOutcome = 'works' | 'stale' | 'failing' | 'cancelled'

export interface CheckAllRow {
  accountId: string
  email: string
  outcome: CheckAllOutcome
  /** The side that failed (the incoming one when both did). */
  side?: Side
  cause?: Cause
  /** What went wrong, in plain words; for `works`, what was checked. */
  title: string
  fix?: Fix
  /** The whole test report, when the test ran. */
  report?: TestReport
  /** How long this account's check took, in ms (0 when it never ran). */
  ms: number
}

export interface CheckAllTotals {
  works: number
  stale: number
  failing: number
  cancelled: number
}

export interface CheckAllResult {
  runId: string
  rows: CheckAllRow[]
  totals: CheckAllTotals
  /** Wall time of the whole run, in ms. */
  ms: number
  /** The sum of the rows' own times: what checking them one after another would have taken. */
  sumMs: number
  cancelled: boolean
}

/** A live event of a check-all run: a row waits, runs (with its stages), or is done. */
export type CheckAllEvent =
  | { runId: string; accountId: string; state: 'queued' }
  | {
      runId: string
      accountId: string
      state: 'running'
      side?: Side
      stage?: Stage
      stageState?: 'running' | 'done' | 'failed'
    }
  | { runId: string; accountId: string; state: 'finished'; row: CheckAllRow }

/** The default bounds: 4 accounts at once, at most 2 at a time on one server (Gmail answers "too many connections"). */
export const CHECK_ALL_DEFAULTS = { concurrency: 4, perHost: 2 } as const

export function totalsOf(rows: readonly CheckAllRow[]): CheckAllTotals {
  const totals: CheckAllTotals = { works: 0, stale: 0, failing: 0, cancelled: 0 }
  for (const row of rows) totals[row.outcome]++
  return totals
}
