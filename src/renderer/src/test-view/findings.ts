import type { Cause } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import type { ProbeReport, TestReport } from '../../../shared/report.js'
import { PROTOCOL_LABEL, SIDE_LABEL } from '../lib/labels.js'
import { SIDES } from './test-run.js'

/** What one or both servers said, verbatim, with whose words they are. */
export interface ServerWords {
  side: Side
  label: string
  text: string
}

/**
 * One thing that went wrong, said once: a failed server's diagnosis, or (when both servers failed the
 * same way) one diagnosis for both, with each server's own words.
 */
export interface Finding {
  /** The servers this explains. */
  sides: Side[]
  /** The diagnosis shown: title, explanation, fix, stage, certificate. */
  report: ProbeReport
  words: ServerWords[]
}

/**
 * Causes about the account's sign-in rather than a server's settings: one password serves both servers,
 * so both sides failing this way is one problem. Ordered most telling first: a server that names the
 * reason ("log in on the web first", "needs an app password") explains why the other merely refused.
 */
const SIGN_IN: readonly Cause[] = ['web_login_required', 'app_password_required', 'invalid_credentials']

/** Causes that a new password can fix, so the test offers the password field in place. */
const NEW_PASSWORD_HELPS: ReadonlySet<Cause> = new Set<Cause>(['invalid_credentials', 'app_password_required'])

function wordsOf(side: Side, report: ProbeReport): ServerWords[] {
  const text = report.serverText?.trim()
  return text ? [{ side, label: `${SIDE_LABEL[side]} (${PROTOCOL_LABEL[report.protocol]}) said`, text }] : []
}

function sameFailure(a: ProbeReport, b: ProbeReport): boolean {
  return a.cause === b.cause && a.title === b.title && JSON.stringify(a.fix) === JSON.stringify(b.fix)
}

function signInRank(r: ProbeReport): number {
  return r.cause ? SIGN_IN.indexOf(r.cause) : -1
}

/**
 * The failures of a test, each said once. Both servers failing the same way, or both refusing the
 * sign-in where one says why (Gmail's IMAP asks for a web login while its SMTP only says "not
 * accepted"), make one finding for both; anything else stays with its own server.
 */
export function findings(report: TestReport): Finding[] {
  const failed = SIDES.flatMap((side) => {
    const r = report[side]
    return r && !r.ok ? [{ side, r }] : []
  })
  const [first, second] = failed
  if (first && second) {
    const bothSignIn = signInRank(first.r) >= 0 && signInRank(second.r) >= 0
    if (sameFailure(first.r, second.r) || bothSignIn) {
      const lead = bothSignIn && signInRank(second.r) < signInRank(first.r) ? second : first
      return [
        {
          sides: [first.side, second.side],
          report: lead.r,
          words: [...wordsOf(first.side, first.r), ...wordsOf(second.side, second.r)],
        },
      ]
    }
  }
  return failed.map(({ side, r }) => ({ sides: [side], report: r, words: wordsOf(side, r) }))
}

/** A new password could fix it: a server refused the one given (not the network, not a setting). */
export function newPasswordHelps(report: TestReport): boolean {
  return SIDES.some((side) => {
    const r = report[side]
    return r !== undefined && !r.ok && r.cause !== undefined && NEW_PASSWORD_HELPS.has(r.cause)
  })
}
