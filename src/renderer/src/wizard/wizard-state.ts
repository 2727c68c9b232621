import type { AccountView } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import type { DetectedSettings, ValidateResult } from '../../../shared/ipc/contract.js'
import type { DiscoveredEndpoints } from '../../../shared/oauth.js'
import type { IncomingServer, Server, Side } from '../../../shared/mail.js'
import type { RoundTripReport, StageEvent, TestReport } from '../../../shared/report.js'
import type { Result } from '../../../shared/result.js'
import type { OAuthAuthorizeResult } from '../../../shared/ipc/contract.js'
import type { OAuthProviderKind } from '../../../shared/oauth.js'
import type { OAuthField } from '../lib/oauth-draft.js'
import type { EditableSecurity } from '../lib/server-draft.js'
import type { TestRun } from '../test-view/test-run.js'
import type { OfficeChange } from './office-draft.js'
import type { Setup } from './setup.js'

/** Recognising the provider as the user types the address. */
export type Detection =
  | { status: 'idle' }
  /** `runId`: the run whose answer is awaited; any other run's answer is stale. */
  | { status: 'detecting'; email: string; runId?: string }
  | { status: 'found'; email: string; settings: DetectedSettings }
  | { status: 'failed'; email: string; message: string }

export type ServerField = 'username' | 'host' | 'port' | 'outgoing-username' | 'proxy'

/** Where the servers editor puts focus when a diagnosis sends the user to a field. */
export interface EditorFocus {
  side: Side
  field: ServerField
}

/**
 * The wizard, one state per step. Each state holds what its step needs and nothing it could
 * contradict: a step after the address always has a Setup; only the test step has a run.
 */
export type WizardState =
  | {
      step: 'address'
      email: string
      displayName: string
      /** The sender's Reply-To, as typed (optional). */
      replyTo: string
      detection: Detection
      /** The user pressed Continue: problems with the address are shown from now on. */
      showProblems: boolean
      /** Continue was pressed before detection finished: move on as soon as it does. */
      advanceWhenFound: boolean
      /** What was set up before the user came back here, kept for when they go forward again. */
      setup: Setup | null
      /** The user allowed settings published over plain HTTP (each of their hosts is then confirmed). */
      allowHttp?: boolean
    }
  | { step: 'app-password'; setup: Setup }
  | { step: 'password'; setup: Setup; showCheck: boolean }
  /** "Sign in with Google / Microsoft / OAuth": the client, then the browser; `setup.signIn` holds both. */
  | {
      step: 'sign-in'
      setup: Setup & { signIn: NonNullable<Setup['signIn']> }
      flow: SignInFlow
      showProblems: boolean
    }
  | {
      step: 'servers'
      setup: Setup
      editing: boolean
      focus: EditorFocus | null
      showProblems: boolean
      notice: string | null
    }
  /**
   * `retry`: the new password typed into the failed test's own field (a refused password gets its fix in
   * place, not six steps back).
   */
  | { step: 'test'; setup: Setup; run: TestRun; retry?: PasswordRetry }
  /**
   * Saved: what was verified and when, and (validate and save) the validation message that proved
   * delivery. The password is gone from memory by now.
   */
  | { step: 'done'; setup: Setup; account: AccountView; report: TestReport; delivery?: RoundTripReport }

export type WizardStep = WizardState['step']

/** Where a sign-in stands: not started, waiting for the browser, or ended without a sign-in. */
export type SignInFlow =
  | { status: 'idle'; notice?: string | undefined }
  | { status: 'waiting'; flowId: string; cancelling: boolean }
  | {
      status: 'failed'
      outcome: Exclude<OAuthAuthorizeResult, { signedIn: true }> | { signedIn: false; reason: 'error'; message: string }
    }

/** A new password typed where a test said the last one was refused. */
export interface PasswordRetry {
  /** Normalised as typed (app-password separators stripped). */
  password: string
  /** The user pasted it or asked to test it: what is wrong with it is shown from now on. */
  showCheck: boolean
}

export type ServerChange =
  | { field: 'host'; value: string }
  | { field: 'port'; value: string }
  | { field: 'security'; value: EditableSecurity }
  | { field: 'protocol'; value: 'imap' | 'pop3' }

/** Actions carry every impure value (test ids, IPC results) so the reducer stays pure. */
export type WizardAction =
  | { type: 'addressChanged'; email: string }
  | { type: 'displayNameChanged'; displayName: string }
  | { type: 'replyToChanged'; replyTo: string }
  /** `runId` names the run (use-provider-detection.ts); only the last started run's answer is taken. */
  | { type: 'detectionStarted'; email: string; runId?: string }
  | { type: 'detectionFinished'; email: string; runId?: string; result: Result<DetectedSettings> }
  /** Nothing found: look again, this time also over plain HTTP. */
  | { type: 'plainHttpAllowed' }
  | { type: 'addressSubmitted' }
  | { type: 'back' }
  | { type: 'guidanceRead' }
  | { type: 'passwordChanged'; raw: string; pasted: boolean }
  | { type: 'passwordSubmitted' }
  /** The failed test's own password field. */
  | { type: 'retryPasswordChanged'; raw: string; pasted: boolean }
  /** "Test both servers" with the new password typed there. */
  | { type: 'retryPasswordSubmitted'; testId: string }
  | { type: 'editorToggled'; open: boolean }
  | { type: 'serverChanged'; side: Side; change: ServerChange }
  | { type: 'usernameChanged'; username: string }
  /** One click on another server discovery found (its source's user name comes along). */
  | { type: 'alternativeChosen'; side: Side; server: IncomingServer | Server; username: string }
  /** The user confirmed a host discovery could not vouch for (main has recorded it). */
  | { type: 'hostConfirmed'; host: string }
  /** "Outgoing mail signs in with a different user name and password", and its two fields. */
  | { type: 'outgoingLoginToggled'; on: boolean }
  | { type: 'outgoingLoginChanged'; field: 'username' | 'password'; value: string }
  /** The proxy, a TLS minimum, a trusted certificate or an office CA (issue 16). */
  | { type: 'officeChanged'; change: OfficeChange }
  | { type: 'fallbackAdded' }
  | { type: 'fallbackChanged'; index: number; change: ServerChange }
  | { type: 'fallbackRemoved'; index: number }
  /** "Trust this certificate for host:port" on a finished test's side: pin it and test again. */
  | { type: 'certificateTrusted'; side: Side; testId: string }
  | { type: 'testRequested'; testId: string }
  | { type: 'stageEvent'; event: StageEvent }
  | { type: 'testFinished'; testId: string; result: Result<TestReport> }
  | { type: 'cancelRequested' }
  | { type: 'fixApplied'; side: Side; fix: Fix; testId: string }
  | { type: 'saveStarted' }
  | { type: 'saveFailed'; message: string }
  | { type: 'saved'; account: AccountView }
  /** "Prove delivery: send a validation message to myself before saving". */
  | { type: 'deliveryProofToggled'; on: boolean }
  | { type: 'validationStarted'; testId: string }
  | { type: 'validationFinished'; testId: string; result: Result<ValidateResult> }
  /** Sign in with OAuth instead of a password (a guidance screen's choice, or a diagnosis's fix). */
  | { type: 'signInChosen'; provider: OAuthProviderKind }
  | { type: 'oauthFieldChanged'; field: OAuthField; value: string }
  /** Endpoints read from an OpenID issuer's discovery document. */
  | { type: 'oauthDiscovered'; endpoints: DiscoveredEndpoints }
  | { type: 'signInStarted'; flowId: string }
  | { type: 'signInFinished'; flowId: string; result: Result<OAuthAuthorizeResult> }
  | { type: 'signInCancelRequested' }
  /** Back to the password field (not offered where passwords are switched off). */
  | { type: 'passwordChosen' }

export const initialWizardState: At<'address'> = {
  step: 'address',
  email: '',
  displayName: '',
  replyTo: '',
  detection: { status: 'idle' },
  showProblems: false,
  advanceWhenFound: false,
  setup: null,
}

export type At<S extends WizardStep> = Extract<WizardState, { step: S }>

export function addressState(setup: Setup): At<'address'> {
  return {
    step: 'address',
    email: setup.email,
    displayName: setup.displayName,
    replyTo: setup.replyTo,
    detection: { status: 'found', email: setup.email, settings: setup.detected },
    showProblems: false,
    advanceWhenFound: false,
    setup,
  }
}

export function passwordState(setup: Setup): At<'password'> {
  return { step: 'password', setup, showCheck: false }
}

export function signInState(setup: Setup & { signIn: NonNullable<Setup['signIn']> }): At<'sign-in'> {
  return { step: 'sign-in', setup, flow: { status: 'idle' }, showProblems: false }
}

export function serversState(setup: Setup, extra: Partial<Omit<At<'servers'>, 'step' | 'setup'>> = {}): At<'servers'> {
  return { step: 'servers', setup, editing: false, focus: null, showProblems: false, notice: null, ...extra }
}

/**
 * The state to come back to after a detour (Explain an error): leaving stops a running test, and a
 * lookup in flight is started again on return.
 */
export function resumableState(state: WizardState): WizardState {
  if (state.step === 'address' && state.detection.status === 'detecting') {
    return { ...state, detection: { status: 'idle' } }
  }
  if (state.step === 'test' && state.run.status === 'running') {
    return serversState(state.setup, {
      notice: 'The test stopped when you left it. Your settings are as you left them.',
    })
  }
  return state
}
