import type { Diagnosis } from '../../shared/diagnosis.js'
import type { AuthKind, Protocol, Security, Stage } from '../../shared/mail.js'
import type { OAuthProviderKind } from '../../shared/oauth.js'
import type { ProviderId } from '../../shared/providers.js'
import { diagnose } from '../diagnosis/index.js'
import type { FailureFacts } from './probe-failure.js'

/** Where a failure happened: what the diagnosis may use beyond the failure's own facts. */
export interface FailureContext {
  /** The protocol being spoken; unset for a sign-in (OAuth) before any mail server. */
  protocol?: Protocol | undefined
  /** The server that failed, when one was being talked to. */
  server?: { host: string; port: number; security: Security } | undefined
  /** The stage that was running (a probe's clock); unset outside a probe. */
  stage?: Stage | undefined
  providerId: ProviderId | null
  /** The login came from the keychain: the fix is "replace the saved password", not "type it again". */
  savedSecret: boolean
  /** How the login signed in (a password, or an OAuth token); unset when unknown. */
  auth?: AuthKind | undefined
  /** The scope the provider granted with the token, when it signed in with one. */
  grantedScope?: string | undefined
  /** The OAuth client of that token. */
  oauthClientId?: string | undefined
  oauthProvider?: OAuthProviderKind | undefined
}

/**
 * The one way a failure of Mailkey's own mail traffic (a probe, a round trip, a test message) becomes a
 * diagnosis: every fact the failure carries is passed on, so the same server reply gets the same cause
 * wherever it happened. `serverText` is the server's own words or, when it said nothing, the system's
 * error message.
 */
export function diagnoseFailure(facts: FailureFacts, ctx: FailureContext): Diagnosis {
  // a token endpoint that failed is the server to name, not the mail server the test was for
  const server = facts.endpoint ?? ctx.server
  const diagnosis = diagnose({
    text: facts.serverText ?? '',
    message: facts.message,
    ...(facts.code ? { code: facts.code } : {}),
    ...(facts.responseCode ? { responseCode: facts.responseCode } : {}),
    ...(facts.authFailed ? { authFailed: true } : {}),
    ...(facts.certificate ? { certificate: facts.certificate } : {}),
    ...(ctx.stage ? { stage: ctx.stage } : {}),
    ...(server ? { host: server.host, port: server.port, security: server.security } : {}),
    ...(facts.oauthChallenge ? { oauthChallenge: facts.oauthChallenge } : {}),
    ...(facts.oauthError ? { oauthError: facts.oauthError } : {}),
    ...(ctx.auth ? { auth: ctx.auth } : {}),
    ...(ctx.grantedScope ? { grantedScope: ctx.grantedScope } : {}),
    ...(ctx.oauthProvider ? { oauthProvider: ctx.oauthProvider } : {}),
    ...((facts.oauthClientId ?? ctx.oauthClientId) ? { oauthClientId: facts.oauthClientId ?? ctx.oauthClientId } : {}),
    ...(ctx.protocol ? { protocol: ctx.protocol } : {}),
    providerId: ctx.providerId,
    hasSavedSecret: ctx.savedSecret,
  })
  return { ...diagnosis, serverText: diagnosis.serverText || facts.message }
}
