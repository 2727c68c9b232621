import type { Diagnosis } from '../../shared/diagnosis.js'
import type { TlsVersion } from '../../shared/connection.js'
import type { DiagnosisInput } from '../diagnosis/index.js'
import type { AuthKind, Protocol, Security, Stage } from '../../shared/mail.js'
import type { OAuthProviderKind } from '../../shared/oauth.js'
import type { ProviderId } from '../../shared/providers.js'
import { diagnose } from '../diagnosis/index.js'
import { READ_LIMIT_CODE } from '../read-limits.js'
import type { FailureFacts } from './probe-failure.js'
import { Redactor } from './redact.js'

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
  /** The account's address and the user name tried, so a refused login can offer the other form. */
  email?: string | undefined
  username?: string | undefined
  /** The secrets in play: no word of the diagnosis may carry one (servers quote what they were sent). */
  redactor: Redactor
  /** How the login signed in (a password, or an OAuth token); unset when unknown. */
  auth?: AuthKind | undefined
  /** The scope the provider granted with the token, when it signed in with one. */
  grantedScope?: string | undefined
  /** The OAuth client of that token. */
  oauthClientId?: string | undefined
  oauthProvider?: OAuthProviderKind | undefined
  /** The lowest TLS version the server was allowed. */
  minTls?: TlsVersion | undefined
}

/** The facts with every secret in play removed from the server's and the library's words. */
export function redactFacts(facts: FailureFacts, redactor: Redactor): FailureFacts {
  const serverText = redactor.optional(facts.serverText)
  return { ...facts, message: redactor.text(facts.message), ...(serverText !== undefined ? { serverText } : {}) }
}

/**
 * The one way a failure of Mailkey's own mail traffic (a probe, a round trip, a test message) becomes a
 * diagnosis: every fact the failure carries is passed on, so the same server reply gets the same cause
 * wherever it happened. `serverText` is the server's own words or, when it said nothing, the system's
 * error message. Every text is redacted first, so the diagnosis never carries a secret.
 */
export function diagnoseFailure(raw: FailureFacts, ctx: FailureContext): Diagnosis {
  const facts = redactFacts(raw, ctx.redactor)
  // a token endpoint that failed is the server to name, not the mail server the test was for
  const server = facts.endpoint ?? ctx.server
  const diagnosis = diagnose({
    text: facts.serverText ?? '',
    message: facts.message,
    ...(facts.code ? { code: facts.code } : {}),
    ...(facts.responseCode ? { responseCode: facts.responseCode } : {}),
    ...(facts.authFailed ? { authFailed: true } : {}),
    ...(facts.certificate ? { certificate: facts.certificate } : {}),
    ...(facts.serverTlsVersions ? { serverTls: facts.serverTlsVersions } : {}),
    ...(ctx.minTls ? { minTls: ctx.minTls } : {}),
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
    ...(ctx.email ? { email: ctx.email } : {}),
    ...(ctx.username ? { username: ctx.username } : {}),
  })
  const { redactor } = ctx
  const said = facts.code === READ_LIMIT_CODE ? readLimitDiagnosis(diagnosis, facts) : diagnosis
  return {
    ...said,
    title: redactor.text(said.title),
    explanation: redactor.text(said.explanation),
    serverText: redactor.text(said.serverText || facts.message),
  }
}

/**
 * A server that sent more than any mail server does (read-limits.ts): said as such, not as "a reason
 * Mailkey does not recognise". The vocabulary has no cause of its own for it, so the cause stays.
 */
function readLimitDiagnosis(diagnosis: Diagnosis, facts: FailureFacts): Diagnosis {
  return {
    ...diagnosis,
    title: 'The server sent far more than a mail server ever does',
    explanation: `${facts.message}. Something between you and the server may be interfering (a captive portal, a broken proxy or filter), or this address is not a mail server. Check the server name and port, or try another network.`,
    serverText: facts.message,
  }
}

/**
 * A failure text someone pasted (Explain an error: `origin: 'pasted'`; `mailkey diagnose`): any
 * credential an AUTH/AUTHENTICATE echo in it carries (sendmail's `500 5.5.1 Command unrecognized:
 * "AUTH PLAIN AGFsaWNl…"`) is replaced before the words are shown back, printed or kept (issue 11,
 * fault 1). No secret is known here, so only echoes are caught.
 */
export function diagnosePasted(input: DiagnosisInput): Diagnosis {
  const redactor = new Redactor()
  const diagnosis = diagnose(input)
  return { ...diagnosis, serverText: redactor.text(diagnosis.serverText) }
}
