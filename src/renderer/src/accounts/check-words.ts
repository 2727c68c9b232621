import { assertNever } from '../../../shared/result.js'
import { announcement, headingText } from '../test-view/announce.js'
import { bothPassed } from '../test-view/test-run.js'
import type { AccountCheckState } from './account-check.js'

type Shown = Exclude<AccountCheckState, { kind: 'idle' } | { kind: 'reset-form' } | { kind: 'signing-in' }>

/** The headline of a check in progress or done, in the words of what the user asked for. */
export function checkHeading(state: Shown): string {
  switch (state.kind) {
    case 'running':
      if (state.run.cancelling) return 'Cancelling the check…'
      if (state.grantId !== undefined) return 'Testing the new sign-in…'
      return state.mode === 'retest' ? 'Re-testing with the saved password…' : 'Testing the new password…'
    case 'finished':
      if (state.mode === 'reset' && state.signIn)
        return state.saved ? 'The new sign-in works and is saved' : 'The new sign-in did not work'
      if (state.mode === 'reset')
        return state.saved ? 'The new password works and is saved' : 'The new password did not work'
      return bothPassed(state.run) ? 'Both servers accept the saved password' : headingText(state.run)
    case 'error':
      return 'The check could not run'
    default:
      return assertNever(state)
  }
}

/** What the card's live region says while a check runs and when it ends. */
export function checkAnnouncement(state: AccountCheckState): string {
  switch (state.kind) {
    case 'idle':
      return state.notice ?? ''
    case 'reset-form':
      return ''
    case 'signing-in':
      return state.cancelling ? 'Cancelling the sign-in…' : 'Waiting for you to sign in in your browser.'
    case 'running':
      return announcement(state.run)
    case 'finished':
      return state.mode === 'reset' && !state.saved
        ? `${checkHeading(state)}. ${state.signIn ? 'Nothing was saved' : 'Your old password is still saved'}; nothing was changed.`
        : `${checkHeading(state)}.`
    case 'error':
      return `The check could not run: ${state.message}`
    default:
      return assertNever(state)
  }
}
