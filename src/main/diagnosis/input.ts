import type { TlsVersion } from '../../shared/connection.js'
import type { Protocol, Security, Stage } from '../../shared/mail.js'
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
  certificate?: CertificateInfo
  /** The lowest TLS version this server was allowed (its account's setting), when a probe failed. */
  minTls?: TlsVersion
  /** The TLS versions a second look found the server takes (after a version failure). */
  serverTls?: readonly TlsVersion[]
}
