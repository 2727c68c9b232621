import { pinOfShown } from '../../../shared/connection.js'
import type { Fix } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import type { TestReport } from '../../../shared/report.js'
import { assertNever, type Result } from '../../../shared/result.js'
import { checkPassword, normalisePassword } from '../lib/password.js'
import { startRun } from '../test-view/test-run.js'
import { withTrusted } from './office-draft.js'
import { checkSetupPassword, keepsSavedServers, parseSetup, unconfirmedHosts, type Setup } from './setup.js'
import { chooseSignIn } from './sign-in-transitions.js'
import { addressState, passwordState, serversState, signInState, type WizardState } from './wizard-state.js'

/** Starts a test of the setup's servers, or opens the editor on what is wrong with them. */
function startTest(setup: Setup, testId: string): WizardState {
  const parsed = parseSetup(setup)
  if (!parsed.ok) return serversState(setup, { editing: true, showProblems: true })
  const [pending] = unconfirmedHosts(setup)
  if (pending) {
    return serversState(setup, { notice: `Confirm ${pending.host} below before Mailkey sends your password there.` })
  }
  const { signIn } = setup
  if (signIn) {
    // a saved sign-in goes only to the servers it was saved for: other servers need a new sign-in
    if (!signIn.grant && !keepsSavedServers(setup)) return signInAgain({ ...setup, signIn })
  } else if (!checkSetupPassword(setup).ok) return { ...passwordState(setup), showCheck: true }
  return { step: 'test', setup, run: startRun(testId, parsed.servers) }
}

/** An OAuth account whose servers changed: back to its sign-in step, saying why. */
function signInAgain(setup: Setup & { signIn: NonNullable<Setup['signIn']> }): WizardState {
  return {
    ...signInState({ ...setup, signIn: { ...setup.signIn, grant: null } }),
    flow: { status: 'idle', notice: SIGN_IN_FOR_NEW_SERVER },
  }
}

export const SIGN_IN_FOR_NEW_SERVER =
  'The servers changed, so sign in again: Mailkey uses a saved sign-in only with the servers it was saved for.'

/** From the servers step, or again from a finished test (retry keeps everything typed). */
export function requestTest(state: WizardState, testId: string): WizardState {
  if (state.step === 'servers') return startTest(state.setup, testId)
  if (state.step === 'test' && state.run.status !== 'running') return startTest(state.setup, testId)
  return state
}

/** The failed test's password field: normalised like the password step's, checked once pasted or submitted. */
export function retryPasswordChanged(state: WizardState, raw: string, pasted: boolean): WizardState {
  if (state.step !== 'test' || state.run.status !== 'finished') return state
  const password = normalisePassword(state.setup.detected.provider, raw)
  return { ...state, retry: { password, showCheck: (state.retry?.showCheck ?? false) || pasted } }
}

/** Tests both servers again with the new password, or says what is wrong with it. */
export function retryPasswordSubmitted(state: WizardState, testId: string): WizardState {
  if (state.step !== 'test' || state.run.status !== 'finished') return state
  const password = state.retry?.password ?? ''
  if (!checkPassword(state.setup.detected.provider, password).ok) {
    return { ...state, retry: { password, showCheck: true } }
  }
  return startTest({ ...state.setup, password }, testId)
}

export function finishTest(state: WizardState, testId: string, result: Result<TestReport>): WizardState {
  if (state.step !== 'test' || state.run.status !== 'running' || state.run.testId !== testId) return state
  const { tested } = state.run
  if (result.ok)
    return { ...state, run: { status: 'finished', testId, tested, report: result.value, save: { status: 'idle' } } }
  if (result.error.code === 'CANCELLED') {
    return serversState(state.setup, { notice: 'Test cancelled. Your settings are as you left them.' })
  }
  // editing with a changed server: the saved secret may not go there, so ask for it (with why)
  if (result.error.code === 'PASSWORD_REQUIRED') {
    const { signIn } = state.setup
    return signIn ? signInAgain({ ...state.setup, signIn }) : { ...passwordState(state.setup), showCheck: true }
  }
  return { ...state, run: { status: 'error', testId, tested, error: result.error } }
}

/** One click on a diagnosis's fix: change what it names, and re-test when the fix is a setting. */
export function applyFix(state: WizardState, side: Side, fix: Fix, testId: string): WizardState {
  if (state.step !== 'test' || state.run.status === 'running') return state
  const { setup } = state
  switch (fix.kind) {
    case 'switch-security': {
      // never switch encryption off from a one-click fix; let the user look at the settings instead
      if (fix.security === 'none') return serversState(setup, { editing: true, focus: { side, field: 'port' } })
      const changed = { port: String(fix.port), security: fix.security }
      const next: Setup =
        side === 'incoming'
          ? { ...setup, incoming: { ...setup.incoming, ...changed } }
          : { ...setup, outgoing: { ...setup.outgoing, ...changed } }
      return startTest(next, testId)
    }
    case 'switch-username':
      // one more test with the other form of the name, on this click only: repeated automatic
      // attempts with a wrong name could lock the account
      // the side that was refused: sending with a login of its own changes that login's name
      return side === 'outgoing' && setup.outgoingLogin
        ? startTest({ ...setup, outgoingLogin: { ...setup.outgoingLogin, username: fix.username } }, testId)
        : startTest({ ...setup, username: fix.username }, testId)
    case 'replace-password':
      return passwordState(setup)
    case 'sign-in':
      return chooseSignIn(state, fix.provider)
    case 'check-settings':
      switch (fix.field) {
        case 'password':
          return passwordState(setup)
        case 'email':
          // a saved account's address is fixed; its sign-in name is what can be wrong
          return setup.accountId === undefined
            ? addressState(setup)
            : serversState(setup, { editing: true, focus: { side, field: 'username' } })
        case 'username':
        case 'host':
        case 'port':
        case 'proxy':
          return serversState(setup, { editing: true, focus: { side, field: fix.field } })
        default:
          return assertNever(fix.field)
      }
    case 'allow-tls-version': {
      // this server's minimum only: the other side keeps its own
      const next: Setup = {
        ...setup,
        office: { ...setup.office, minTls: { ...setup.office.minTls, [side]: fix.version } },
      }
      return startTest(next, testId)
    }
    case 'open-url':
    case 'retry-later':
    case 'contact-admin':
    case 'none':
      return state
    default:
      return assertNever(fix)
  }
}

/**
 * "Trust this certificate for host:port": the certificate the finished test showed for that side is
 * pinned (its key, and the anchor its chain ended in) and the servers are tested again. Main accepts
 * the pin only because it saw that very certificate there.
 */
export function trustCertificate(state: WizardState, side: Side, testId: string): WizardState {
  if (state.step !== 'test' || state.run.status !== 'finished') return state
  const report = state.run.report[side]
  const cert = report?.certificate
  if (!report?.canTrust || !cert) return state
  return startTest({ ...state.setup, office: withTrusted(state.setup.office, pinOfShown(report, cert)) }, testId)
}
