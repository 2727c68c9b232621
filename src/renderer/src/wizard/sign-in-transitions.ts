import type { OAuthAuthorizeResult } from '../../../shared/ipc/contract.js'
import type { DiscoveredEndpoints, OAuthProviderKind } from '../../../shared/oauth.js'
import type { Result } from '../../../shared/result.js'
import { oauthClientOf, oauthDraftFor, type OAuthField } from '../lib/oauth-draft.js'
import { signInOnly, type Setup } from './setup.js'
import { passwordState, serversState, signInState, type WizardState } from './wizard-state.js'

const STOPPED = 'You cancelled the sign-in. Nothing was saved.'

/**
 * Sign in with OAuth instead of a password: the client for that kind, kept when the user comes back
 * to the same kind (a finished sign-in too), else a fresh one filled from the provider's block.
 */
export function chooseSignIn(state: WizardState, kind: OAuthProviderKind): WizardState {
  if (state.step === 'address' || state.step === 'done') return state
  if (state.step === 'test' && state.run.status === 'running') return state
  const { setup } = state
  const signIn = setup.signIn?.provider === kind ? setup.signIn : oauthDraftFor(kind, setup.detected.provider)
  return signInState({ ...setup, password: '', signIn })
}

/** Back to a password (the client is dropped: a test must not use a sign-in the user turned away from). */
export function choosePassword(state: WizardState): WizardState {
  if (state.step !== 'sign-in' || state.flow.status === 'waiting') return state
  if (signInOnly(state.setup.detected.provider)) return state
  const { signIn: _dropped, ...setup } = state.setup
  return passwordState(setup)
}

export function changeOAuthField(state: WizardState, field: OAuthField, value: string): WizardState {
  if (state.step !== 'sign-in' || state.flow.status === 'waiting') return state
  // a changed client makes the finished sign-in someone else's: sign in again
  const signIn = { ...state.setup.signIn, [field]: value, grant: null }
  return { ...state, setup: { ...state.setup, signIn } }
}

/** The issuer's endpoints fill the empty fields (the user's own entries win). */
export function applyDiscovery(state: WizardState, endpoints: DiscoveredEndpoints): WizardState {
  if (state.step !== 'sign-in' || state.flow.status === 'waiting') return state
  const s = state.setup.signIn
  const scope = s.scope || pickScope(endpoints.scopesSupported)
  const signIn = {
    ...s,
    issuer: endpoints.issuer,
    authorizationEndpoint: s.authorizationEndpoint || endpoints.authorizationEndpoint,
    tokenEndpoint: s.tokenEndpoint || endpoints.tokenEndpoint,
    revocationEndpoint: s.revocationEndpoint || (endpoints.revocationEndpoint ?? ''),
    scope,
    grant: null,
  }
  return { ...state, setup: { ...state.setup, signIn } }
}

/** A mail-looking scope the issuer lists (e.g. "mail", "imap"), with offline access when offered. */
function pickScope(supported: readonly string[]): string {
  const mail = supported.filter((s) => /mail|imap|smtp/i.test(s))
  if (mail.length === 0) return ''
  return [...mail, ...(supported.includes('offline_access') ? ['offline_access'] : [])].join(' ')
}

/** Sign in: only a client that passes the checks main will make; otherwise the problems are shown. */
export function startSignIn(state: WizardState, flowId: string): WizardState {
  if (state.step !== 'sign-in' || state.flow.status === 'waiting') return state
  if ('problems' in oauthClientOf(state.setup.signIn)) return { ...state, showProblems: true }
  return { ...state, showProblems: false, flow: { status: 'waiting', flowId, cancelling: false } }
}

export function cancelSignIn(state: WizardState): WizardState {
  if (state.step !== 'sign-in' || state.flow.status !== 'waiting') return state
  return { ...state, flow: { ...state.flow, cancelling: true } }
}

/**
 * The sign-in's answer: signed in → on to the servers (the test signs in with it, nothing is saved
 * before both servers pass); otherwise the reason, with everything typed kept.
 */
export function finishSignIn(state: WizardState, flowId: string, result: Result<OAuthAuthorizeResult>): WizardState {
  if (state.step !== 'sign-in' || state.flow.status !== 'waiting' || state.flow.flowId !== flowId) return state
  if (!result.ok) {
    if (result.error.code === 'CANCELLED') return { ...state, flow: { status: 'idle', notice: STOPPED } }
    return {
      ...state,
      flow: { status: 'failed', outcome: { signedIn: false, reason: 'error', message: result.error.message } },
    }
  }
  const r = result.value
  if (!r.signedIn) return { ...state, flow: { status: 'failed', outcome: r } }
  const setup: Setup = { ...state.setup, signIn: { ...state.setup.signIn, clientSecret: '', grant: r.grant } }
  return serversState(setup)
}
