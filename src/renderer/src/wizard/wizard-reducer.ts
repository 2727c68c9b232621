import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import { assertNever } from '../../../shared/result.js'
import { needsMicrosoftSignIn } from '../lib/microsoft.js'
import { normalisePassword } from '../lib/password.js'
import { withEvent } from '../test-view/test-run.js'
import {
  proofToggled,
  saved,
  saveFailed,
  saveStarted,
  validationEvent,
  validationFinished,
  validationStarted,
} from './save-transitions.js'
import { changeOfficeSetup } from './office-changes.js'
import { parseReplyTo } from './office-draft.js'
import { changeServer, chooseServer, toggleOutgoingLogin } from './setup-changes.js'
import {
  checkSetupPassword,
  isEmail,
  needsGuidance,
  normalizeAddress,
  nothingFound,
  setupFromDetection,
  type Setup,
} from './setup.js'
import {
  applyDiscovery,
  cancelSignIn,
  changeOAuthField,
  choosePassword,
  chooseSignIn,
  finishSignIn,
  startSignIn,
} from './sign-in-transitions.js'
import {
  applyFix,
  finishTest,
  requestTest,
  retryPasswordChanged,
  retryPasswordSubmitted,
  trustCertificate,
} from './test-transitions.js'
import {
  addressState,
  passwordState,
  serversState,
  signInState,
  type At,
  type WizardAction,
  type WizardState,
} from './wizard-state.js'

/** Leaves the address step with what detection found; a setup kept from before survives if the address did not change. */
function advanceFromAddress(state: At<'address'>, settings: DetectedSettings): WizardState {
  const email = normalizeAddress(state.email)
  const displayName = state.displayName.trim()
  const replyTo = state.replyTo.trim()
  const setup =
    state.setup && state.setup.email === email
      ? { ...state.setup, displayName, replyTo }
      : { ...setupFromDetection(email, displayName, settings, state.setup), replyTo }
  return nextAfterAddress(setup)
}

/**
 * After the address: Outlook.com and Microsoft 365 take no password, so "Sign in with Microsoft"; an
 * app-password provider gets its guidance (where Google offers "Sign in with Google instead"); anyone
 * else the password field (with "Other provider (OAuth2)" beside it).
 */
function nextAfterAddress(setup: Setup): WizardState {
  return needsGuidance(setup.detected.provider) ? { step: 'app-password', setup } : passwordState(setup)
}

/** Back to where the secret is given: the sign-in (kept, with its finished sign-in) or the password. */
function secretStep(setup: Setup): WizardState {
  return setup.signIn ? signInState({ ...setup, signIn: setup.signIn }) : passwordState(setup)
}

function submitAddress(state: At<'address'>): WizardState {
  const email = normalizeAddress(state.email)
  if (!isEmail(email) || !parseReplyTo(state.replyTo).ok) return { ...state, showProblems: true }
  const d = state.detection
  if (d.status === 'found' && d.email === email) return advanceFromAddress(state, d.settings)
  // detecting, not started yet, or failed (submitting again retries): advance when it is found
  return {
    ...state,
    showProblems: true,
    advanceWhenFound: true,
    detection: d.status === 'failed' ? { status: 'idle' } : d,
  }
}

function detectionFinished(
  state: At<'address'>,
  action: Extract<WizardAction, { type: 'detectionFinished' }>,
): WizardState {
  if (action.email !== normalizeAddress(state.email)) return state
  // a named run counts only while it is the one awaited: an earlier run for the same address, or one
  // whose answer was already replaced (plain HTTP allowed since), is stale
  const d = state.detection
  if (action.runId !== undefined && !(d.status === 'detecting' && d.runId === action.runId)) return state
  // a cancelled run says nothing about the address
  if (!action.result.ok && action.result.error.code === 'CANCELLED') return state
  if (!action.result.ok) {
    return {
      ...state,
      advanceWhenFound: false,
      detection: { status: 'failed', email: action.email, message: action.result.error.message },
    }
  }
  const found = {
    ...state,
    detection: { status: 'found' as const, email: action.email, settings: action.result.value },
  }
  return state.advanceWhenFound ? advanceFromAddress(found, action.result.value) : found
}

function back(state: WizardState): WizardState {
  switch (state.step) {
    case 'address':
      return state
    case 'app-password':
      return addressState(state.setup)
    case 'password':
      // editing a saved account starts here: its address is not for changing
      if (state.setup.accountId !== undefined) return state
      return needsGuidance(state.setup.detected.provider)
        ? { step: 'app-password', setup: state.setup }
        : addressState(state.setup)
    case 'sign-in': {
      if (state.flow.status === 'waiting' || state.setup.accountId !== undefined) return state
      if (needsGuidance(state.setup.detected.provider)) return { step: 'app-password', setup: state.setup }
      return choosePassword(state)
    }
    case 'servers':
      return secretStep(state.setup)
    case 'test':
      return state.run.status === 'running' ? state : serversState(state.setup)
    case 'done':
      return state
    default:
      return assertNever(state)
  }
}

/** The wizard's every transition; pure, so it is tested as a table (test/renderer/wizard-reducer.test.ts). */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'addressChanged':
      return state.step === 'address' ? { ...state, email: action.email, advanceWhenFound: false } : state
    case 'displayNameChanged':
      if (state.step === 'address') return { ...state, displayName: action.displayName }
      // a saved account's name is edited with its settings
      return state.step === 'servers' && state.setup.accountId !== undefined
        ? { ...state, setup: { ...state.setup, displayName: action.displayName } }
        : state
    case 'replyToChanged':
      return state.step === 'address' ? { ...state, replyTo: action.replyTo } : state
    case 'detectionStarted':
      return state.step === 'address' && action.email === normalizeAddress(state.email)
        ? {
            ...state,
            detection: {
              status: 'detecting',
              email: action.email,
              ...(action.runId !== undefined ? { runId: action.runId } : {}),
            },
          }
        : state
    case 'detectionFinished':
      return state.step === 'address' ? detectionFinished(state, action) : state
    case 'plainHttpAllowed':
      return state.step === 'address' ? { ...state, allowHttp: true, detection: { status: 'idle' } } : state
    case 'addressSubmitted':
      return state.step === 'address' ? submitAddress(state) : state
    case 'back':
      return back(state)
    case 'guidanceRead':
      // no password works for these: the way on is Microsoft sign-in, not the password field
      if (state.step === 'app-password')
        return needsMicrosoftSignIn(state.setup.detected.provider) ? state : passwordState(state.setup)
      // a sign-in that already finished: on to the servers with it
      return state.step === 'sign-in' && state.setup.signIn.grant && state.flow.status !== 'waiting'
        ? serversState(state.setup)
        : state
    case 'passwordChanged': {
      if (state.step !== 'password') return state
      const password = normalisePassword(state.setup.detected.provider, action.raw)
      return { ...state, setup: { ...state.setup, password }, showCheck: state.showCheck || action.pasted }
    }
    case 'passwordSubmitted':
      if (state.step !== 'password') return state
      if (!checkSetupPassword(state.setup).ok) return { ...state, showCheck: true }
      // nothing discovered: straight to the fields to fill in
      return serversState(state.setup, { editing: nothingFound(state.setup) })
    case 'retryPasswordChanged':
      return retryPasswordChanged(state, action.raw, action.pasted)
    case 'retryPasswordSubmitted':
      return retryPasswordSubmitted(state, action.testId)
    case 'editorToggled':
      return state.step === 'servers' ? { ...state, editing: action.open, focus: null } : state
    case 'serverChanged':
      return state.step === 'servers'
        ? { ...state, setup: changeServer(state.setup, action.side, action.change) }
        : state
    case 'outgoingLoginToggled':
      return state.step === 'servers' ? { ...state, setup: toggleOutgoingLogin(state.setup, action.on) } : state
    case 'outgoingLoginChanged':
      return state.step === 'servers' && state.setup.outgoingLogin
        ? {
            ...state,
            setup: { ...state.setup, outgoingLogin: { ...state.setup.outgoingLogin, [action.field]: action.value } },
          }
        : state
    case 'usernameChanged':
      return state.step === 'servers' ? { ...state, setup: { ...state.setup, username: action.username } } : state
    case 'alternativeChosen':
      return state.step === 'servers' ? { ...state, setup: chooseServer(state.setup, action), notice: null } : state
    case 'hostConfirmed': {
      if (state.step !== 'servers') return state
      const confirmedHosts = [...(state.setup.confirmedHosts ?? []), action.host.toLowerCase()]
      return { ...state, setup: { ...state.setup, confirmedHosts }, notice: null }
    }
    case 'officeChanged':
    case 'fallbackAdded':
    case 'fallbackChanged':
    case 'fallbackRemoved':
      return state.step === 'servers' ? { ...state, setup: changeOfficeSetup(state.setup, action) } : state
    case 'certificateTrusted':
      return trustCertificate(state, action.side, action.testId)
    case 'testRequested':
      return requestTest(state, action.testId)
    case 'stageEvent': {
      if (state.step !== 'test') return state
      const run = withEvent(state.run, action.event)
      // a finished test that is being validated hears the validation's own test
      if (run === state.run) return validationEvent(state, action.event)
      return { ...state, run }
    }
    case 'testFinished':
      return finishTest(state, action.testId, action.result)
    case 'cancelRequested':
      return state.step === 'test' && state.run.status === 'running'
        ? { ...state, run: { ...state.run, cancelling: true } }
        : state
    case 'fixApplied':
      return applyFix(state, action.side, action.fix, action.testId)
    case 'saveStarted':
      return saveStarted(state)
    case 'saveFailed':
      return saveFailed(state, action.message)
    case 'saved':
      return saved(state, action.account)
    case 'deliveryProofToggled':
      return proofToggled(state, action.on)
    case 'validationStarted':
      return validationStarted(state, action.testId)
    case 'validationFinished':
      return validationFinished(state, action.testId, action.result)
    case 'signInChosen':
      return chooseSignIn(state, action.provider)
    case 'oauthFieldChanged':
      return changeOAuthField(state, action.field, action.value)
    case 'oauthDiscovered':
      return applyDiscovery(state, action.endpoints)
    case 'signInStarted':
      return startSignIn(state, action.flowId)
    case 'signInFinished':
      return finishSignIn(state, action.flowId, action.result)
    case 'signInCancelRequested':
      return cancelSignIn(state)
    case 'passwordChosen':
      return choosePassword(state)
    default:
      return assertNever(action)
  }
}
