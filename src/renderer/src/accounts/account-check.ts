import type { AppPasswordCheck } from '../../../shared/app-password.js'
import type { OAuthAuthorizeResult } from '../../../shared/ipc/contract.js'
import type { Provider } from '../../../shared/providers.js'
import type { StageEvent, TestReport } from '../../../shared/report.js'
import { assertNever, type Result } from '../../../shared/result.js'
import { checkPassword, normalisePassword } from '../lib/password.js'
import { startRun, withEvent, type FinishedTest, type RunningTest, type TestedServers } from '../test-view/test-run.js'

/** Re-test with the saved secret, or reset: test a new one and keep it only if both servers take it. */
export type CheckMode = 'retest' | 'reset'

/** One saved account's checks, from the accounts screen. */
export type AccountCheckState =
  | { kind: 'idle'; notice: string | null }
  /** Asking once for the new app password; `provider` decides how it is cleaned up and checked. */
  | { kind: 'reset-form'; provider: Provider | null; password: string; showCheck: boolean }
  /** An OAuth account signing in again: waiting for the browser. */
  | { kind: 'signing-in'; flowId: string; cancelling: boolean }
  /**
   * `password`: the new secret for a reset ('' for a re-test), dropped as soon as the check ends;
   * `grantId`: instead, the new sign-in of an OAuth account.
   */
  | { kind: 'running'; mode: CheckMode; run: RunningTest; password: string; grantId?: string }
  /** `saved`: a reset replaced the secret (always false for a re-test). */
  | { kind: 'finished'; mode: CheckMode; run: FinishedTest; saved: boolean; signIn?: boolean }
  | { kind: 'error'; mode: CheckMode; message: string }

/** What a check returns, for both modes (a re-test never saves). */
export interface CheckOutcome {
  report: TestReport
  saved?: boolean
}

export type AccountCheckAction =
  | { type: 'retestRequested'; testId: string; tested: TestedServers }
  | { type: 'resetOpened'; provider: Provider | null }
  | { type: 'resetPasswordChanged'; raw: string; pasted: boolean }
  | { type: 'resetSubmitted'; testId: string; tested: TestedServers }
  | { type: 'resetClosed' }
  | { type: 'stageEvent'; event: StageEvent }
  | { type: 'cancelRequested' }
  | { type: 'checkFinished'; testId: string; result: Result<CheckOutcome> }
  | { type: 'dismissed' }
  | { type: 'signInStarted'; flowId: string }
  | { type: 'signInCancelRequested' }
  /** The browser sign-in ended: signed in → the reset's test of both servers under `testId`. */
  | {
      type: 'signInFinished'
      flowId: string
      result: Result<OAuthAuthorizeResult>
      testId: string
      tested: TestedServers
    }

export const idleCheck: AccountCheckState = { kind: 'idle', notice: null }

/** The reset form's check of what was typed, in the wizard's words. */
export function resetPasswordCheck(state: Extract<AccountCheckState, { kind: 'reset-form' }>): AppPasswordCheck {
  return checkPassword(state.provider, state.password)
}

function finish(
  state: Extract<AccountCheckState, { kind: 'running' }>,
  result: Result<CheckOutcome>,
): AccountCheckState {
  const { mode, run } = state
  if (!result.ok) {
    return result.error.code === 'CANCELLED'
      ? { kind: 'idle', notice: 'The check was cancelled. Nothing was changed.' }
      : { kind: 'error', mode, message: result.error.message }
  }
  const done: FinishedTest = {
    status: 'finished',
    testId: run.testId,
    tested: run.tested,
    report: result.value.report,
    save: { status: 'idle' },
  }
  return {
    kind: 'finished',
    mode,
    run: done,
    saved: mode === 'reset' && result.value.saved === true,
    ...(state.grantId !== undefined ? { signIn: true } : {}),
  }
}

/** After the browser: a sign-in tested on both servers (and kept only if both accept it), or why not. */
function signedIn(action: Extract<AccountCheckAction, { type: 'signInFinished' }>): AccountCheckState {
  const { result } = action
  if (!result.ok) {
    return result.error.code === 'CANCELLED'
      ? { kind: 'idle', notice: 'The sign-in was cancelled. Nothing was changed.' }
      : { kind: 'error', mode: 'reset', message: result.error.message }
  }
  const r = result.value
  if (r.signedIn) {
    return {
      kind: 'running',
      mode: 'reset',
      run: startRun(action.testId, action.tested),
      password: '',
      grantId: r.grant.grantId,
    }
  }
  const message =
    r.reason === 'timeout' ? r.message : `${r.diagnosis.title}. ${r.diagnosis.explanation} Nothing was changed.`
  return { kind: 'error', mode: 'reset', message }
}

/** Every transition of an account's checks; pure, tested as a table (test/renderer/account-check.test.ts). */
export function accountCheckReducer(state: AccountCheckState, action: AccountCheckAction): AccountCheckState {
  switch (action.type) {
    case 'retestRequested':
      if (state.kind === 'running') return state
      return { kind: 'running', mode: 'retest', run: startRun(action.testId, action.tested), password: '' }
    case 'resetOpened':
      if (state.kind === 'running' || state.kind === 'reset-form') return state
      return { kind: 'reset-form', provider: action.provider, password: '', showCheck: false }
    case 'resetPasswordChanged':
      if (state.kind !== 'reset-form') return state
      return {
        ...state,
        password: normalisePassword(state.provider, action.raw),
        showCheck: state.showCheck || action.pasted,
      }
    case 'resetSubmitted':
      if (state.kind !== 'reset-form') return state
      if (!resetPasswordCheck(state).ok) return { ...state, showCheck: true }
      return {
        kind: 'running',
        mode: 'reset',
        run: startRun(action.testId, action.tested),
        password: state.password,
      }
    case 'resetClosed':
      return state.kind === 'reset-form' ? idleCheck : state
    case 'stageEvent': {
      if (state.kind !== 'running') return state
      const run = withEvent(state.run, action.event)
      return run === state.run || run.status !== 'running' ? state : { ...state, run }
    }
    case 'cancelRequested':
      return state.kind === 'running' ? { ...state, run: { ...state.run, cancelling: true } } : state
    case 'checkFinished':
      if (state.kind !== 'running' || state.run.testId !== action.testId) return state
      return finish(state, action.result)
    case 'dismissed':
      return state.kind === 'finished' || state.kind === 'error' ? idleCheck : state
    case 'signInStarted':
      if (state.kind === 'running' || state.kind === 'signing-in') return state
      return { kind: 'signing-in', flowId: action.flowId, cancelling: false }
    case 'signInCancelRequested':
      return state.kind === 'signing-in' ? { ...state, cancelling: true } : state
    case 'signInFinished':
      if (state.kind !== 'signing-in' || state.flowId !== action.flowId) return state
      return signedIn(action)
    default:
      return assertNever(action)
  }
}
