import type { Account } from '../../shared/account.js'
import type { CheckAllRow } from '../../shared/check-all.js'
import { bothPassed, type ProbeReport } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import { rejectedSides, type CheckResult } from './account-check-result.js'

const SIDES = ['incoming', 'outgoing'] as const

function failedSide(report: CheckResult['report']): { side: 'incoming' | 'outgoing'; probe: ProbeReport } | null {
  for (const side of SIDES) {
    const probe = report[side]
    if (probe && !probe.ok) return { side, probe }
  }
  return null
}

/**
 * One account's line in a check-all, from its re-test: `stale` only when the re-test confirmed the
 * rejection (the account is now marked stale and a server refused the saved secret this time);
 * `failing` for any other failure, with the first failed side's cause and fix.
 */
export function rowFromCheck(account: Account, result: CheckResult, ms: number): CheckAllRow {
  const { report } = result
  const base = { accountId: account.id, email: account.email, report, ms }
  if (bothPassed(report)) return { ...base, outcome: 'works', title: 'Both servers accept the saved password.' }
  const failed = failedSide(report)
  const stale = result.account.stale !== null && rejectedSides(report).length > 0
  return {
    ...base,
    outcome: stale ? 'stale' : 'failing',
    ...(failed ? { side: failed.side } : {}),
    ...(failed?.probe.cause ? { cause: failed.probe.cause } : {}),
    title: failed?.probe.title ?? 'The check did not finish.',
    ...(failed?.probe.fix ? { fix: failed.probe.fix } : {}),
  }
}

/** The line of an account whose check could not run (its secret is gone, the run was cancelled). */
export function rowFromError(account: Account, error: unknown, ms: number): CheckAllRow {
  const base = { accountId: account.id, email: account.email, ms }
  if (error instanceof AppError && error.code === 'CANCELLED') {
    return { ...base, outcome: 'cancelled', title: 'Not checked: the run was cancelled.' }
  }
  if (error instanceof AppError && error.code === 'NOT_FOUND') {
    return {
      ...base,
      outcome: 'failing',
      title: error.message,
      fix: { kind: 'replace-password', label: 'Enter the password again' },
    }
  }
  const title = error instanceof AppError ? error.message : 'The check could not run inside Mailkey.'
  return { ...base, outcome: 'failing', title }
}
