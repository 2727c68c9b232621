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

/**
 * The sides whose server explicitly refused the secret itself: a permanent refusal in its own words
 * (`credentialsRefused`) diagnosed as a rejection. Not the network, not a dropped connection, not a
 * temporary reply, not the settings (issue 12, fault 4).
 */
export function rejectedSides(report: TestReport): Side[] {
  return SIDES.filter((s) => {
    const r = report[s]
    return r !== undefined && !r.ok && r.credentialsRefused === true && isRejection(r.cause)
  })
}
