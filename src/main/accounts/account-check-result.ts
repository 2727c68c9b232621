import type { AccountView } from '../../shared/account.js'
import type { Side } from '../../shared/mail.js'
import type { TestReport } from '../../shared/report.js'
import { isRejection } from '../credentials/stale-reason.js'

/** A check of a saved account: the test report and the account as it is now. */
export interface CheckResult {
  report: TestReport
  account: AccountView
}

const SIDES: readonly Side[] = ['incoming', 'outgoing']

/** The sides whose server refused the secret itself (not the network, not the settings). */
export function rejectedSides(report: TestReport): Side[] {
  return SIDES.filter((s) => report[s] && !report[s].ok && isRejection(report[s].cause))
}
