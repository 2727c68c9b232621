import type { AccountView, RejectionCause, StaleCredential } from '../../../shared/account.js'
import { assertNever } from '../../../shared/result.js'
import type { Side } from '../../../shared/mail.js'

/** Which server refused, as people say it. */
export function staleSideText(side: StaleCredential['side']): string {
  switch (side) {
    case 'incoming':
      return 'the incoming mail server'
    case 'outgoing':
      return 'the outgoing mail server'
    case 'both':
      return 'both mail servers'
    default:
      return assertNever(side)
  }
}

/** What the server(s) did, agreeing with `side` ("both mail servers no longer accept..."). */
export function rejectionText(cause: RejectionCause, side: StaleCredential['side']): string {
  const s = side === 'both' ? '' : 's'
  switch (cause) {
    case 'invalid_credentials':
      return `no longer accept${s} the saved password`
    case 'app_password_required':
      return `now ask${s} for an app password instead of the saved one`
    case 'oauth_token_invalid':
      return `no longer accept${s} the saved sign-in`
    default:
      return assertNever(cause)
  }
}

/** Whether this server is the one (or one of those) that refused the saved secret. */
export function refusedBy(stale: StaleCredential | null, side: Side): boolean {
  return stale !== null && (stale.side === 'both' || stale.side === side)
}

/** One server's standing, from what was saved: refused, proven, or never proven. */
export function serverStatus(account: AccountView, side: Side): { text: string; tone: 'ok' | 'bad' | 'unknown' } {
  if (refusedBy(account.stale, side)) {
    return { text: account.oauth ? 'Refuses the saved sign-in' : 'Refuses the saved password', tone: 'bad' }
  }
  if (account.lastVerifiedAt) return { text: 'Working at the last check', tone: 'ok' }
  return { text: 'Not verified yet', tone: 'unknown' }
}
