import type { TlsVersion } from '../../shared/connection.js'
import type { AuthKind, Protocol, Security, Stage } from '../../shared/mail.js'
import type { OAuthProviderKind } from '../../shared/oauth.js'
import type { CertificateInfo } from '../../shared/report.js'
import type { ProviderId } from '../../shared/providers.js'

/**
 * Everything the engine may know about a failure. From a probe most fields are set; from text pasted
 * out of another mail app only `text` (and perhaps `protocol`) is.
 */
export interface DiagnosisInput {
  /** The server's words or the pasted error text. */
  text: string
  /** The library's own message, when it differs from the server's words. */
  message?: string
  /** Node/library/SMTP-enhanced code: ECONNREFUSED, CERT_HAS_EXPIRED, EAUTH, GREETING_TIMEOUT... */
  code?: string
  /** SMTP reply code (534, 535...). */
  responseCode?: number
  protocol?: Protocol
  /** The stage that was running when the failure happened. */
  stage?: Stage
  /** The server rejected the credentials. */
  authFailed?: boolean
  port?: number
  security?: Security
  host?: string
  providerId?: ProviderId | null
  /** The password came from the keychain (so "replace it" is the fix, not "type it again"). */
  hasSavedSecret?: boolean
  /** The account's address and the user name that was tried (a probe knows both; pasted text does not). */
  email?: string
  username?: string
  certificate?: CertificateInfo
  /** How the login signed in: a password or an OAuth token (probes say; pasted text does not). */
  auth?: AuthKind
  /** The decoded error JSON of a refused XOAUTH2/OAUTHBEARER exchange (RFC 7628 §3.2.2). */
  oauthChallenge?: { status: string; scope?: string; schemes?: string }
  /** The token endpoint's or authorization response's error code (RFC 6749 §4.1.2.1, §5.2). */
  oauthError?: string
  /** The scope the provider granted with the token that was used. */
  grantedScope?: string
  /** The OAuth client the sign-in used (an admin needs it to approve or trust the app). */
  oauthClientId?: string
  /** Whose OAuth sign-in it was: Google's and Microsoft's mail scopes are known. */
  oauthProvider?: OAuthProviderKind
  /**
   * Where the failure comes from: a test Mailkey ran ('test', the default), or a message pasted from
   * another mail app ('pasted': no test ran, and the fix is made in that app, not in Mailkey).
   */
  origin?: 'test' | 'pasted'
  /** The lowest TLS version this server was allowed (its account's setting), when a probe failed. */
  minTls?: TlsVersion
  /** The TLS versions a second look found the server takes (after a version failure). */
  serverTls?: readonly TlsVersion[]
}
