import type { PeerCertificate } from 'node:tls'
import type { TlsVersion } from '../../shared/connection.js'
import type { CertificateInfo } from '../../shared/report.js'
import { isReadLimitError, READ_LIMITS, readLimitFacts } from '../read-limits.js'
import type { OAuthChallenge } from './sasl-oauth.js'
import { chainAnchor, pem, spkiPin } from './certificate-pin.js'

/** What went wrong in a probe, as raw facts; the diagnosis engine turns it into a cause and a fix. */
export interface FailureFacts {
  /** Node/library error code: ECONNREFUSED, CERT_HAS_EXPIRED, EAUTH, GREETING_TIMEOUT... */
  code?: string
  /** SMTP reply code, when the server answered with one. */
  responseCode?: number
  /** The server's own words, verbatim. */
  serverText?: string
  /** The library's message (not shown as the server's words). */
  message: string
  /** The server rejected the credentials (as opposed to a transport failure). */
  authFailed?: boolean
  certificate?: CertificateInfo
  /** The decoded error JSON of a refused SASL XOAUTH2/OAUTHBEARER exchange (RFC 7628 §3.2.2). */
  oauthChallenge?: OAuthChallenge
  /** An OAuth token endpoint's error code (RFC 6749 §5.2: invalid_grant, invalid_client…). */
  oauthError?: string
  /** The OAuth client a refused sign-in used (an admin needs it to approve or trust the app). */
  oauthClientId?: string
  /** The server that failed when it was not the mail server: an OAuth token endpoint. */
  endpoint?: { host: string; port: number; security: 'tls' | 'none' }
  /** The TLS versions the server takes, found by a second look after a version failure. */
  serverTlsVersions?: TlsVersion[]
}

/**
 * Replies that refuse a login for now, not the credentials: RFC 5530 `[UNAVAILABLE]`, `[INUSE]`,
 * `[LIMIT]`, `[SERVERBUG]`; RFC 3206 `[SYS/TEMP]`, `[IN-USE]`, `[LOGIN-DELAY]`; any SMTP 4xx (454 4.7.0
 * "temporary authentication failure", 421).
 */
const TEMPORARY = /\[(UNAVAILABLE|INUSE|LIMIT|SERVERBUG|SYS\/TEMP|IN-USE|LOGIN-DELAY)\]|^\s*4\d\d[ -]/i

/**
 * Whether the facts are the server's explicit, permanent refusal of the credentials (issue 12, fault 4):
 * the probe saw the login refused (`authFailed`), in the server's own words, and not as a temporary
 * state. A connection dropped mid-login has no server words; it never counts.
 */
export function credentialsRefused(facts: FailureFacts): boolean {
  // the token endpoint refusing a saved refresh token (RFC 6749 §5.2 invalid_grant: expired, revoked,
  // or issued to another client) is as explicit a refusal as a server's NO to a password
  if (facts.oauthError === 'invalid_grant') return true
  if (facts.authFailed !== true || !facts.serverText?.trim()) return false
  if (facts.responseCode !== undefined && (facts.responseCode < 500 || facts.responseCode > 599)) return false
  return !TEMPORARY.test(facts.serverText)
}

export class ProbeFailure extends Error {
  constructor(readonly facts: FailureFacts) {
    super(facts.message)
    this.name = 'ProbeFailure'
  }
}

export class ProbeCancelled extends Error {
  constructor() {
    super('The test was cancelled.')
    this.name = 'ProbeCancelled'
  }
}

interface ErrorLike {
  code?: unknown
  message?: unknown
  responseCode?: unknown
  response?: unknown
}

/** Facts from any thrown value (Node, nodemailer and imapflow errors all carry `code`). */
export function factsFrom(error: unknown, extra: Partial<FailureFacts> = {}): FailureFacts {
  if (error instanceof ProbeFailure) return { ...error.facts, ...extra }
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike
  const facts: FailureFacts = { message: typeof e.message === 'string' ? e.message : String(error) }
  if (typeof e.code === 'string') facts.code = e.code
  if (typeof e.responseCode === 'number') facts.responseCode = e.responseCode
  if (typeof e.response === 'string' && e.response.trim()) facts.serverText = e.response.trim()
  const breach = isReadLimitError(facts.code, facts.message)
  if (breach)
    Object.assign(facts, readLimitFacts(breach, READ_LIMITS[breach === 'line' ? 'lineBytes' : 'responseBytes']))
  return { ...facts, ...extra }
}

function dn(part: unknown): string {
  if (!part || typeof part !== 'object') return ''
  return Object.entries(part as Record<string, unknown>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ')
}

/** The certificate facts a person needs to judge a TLS failure. */
export function certificateInfo(cert: PeerCertificate | undefined | null): CertificateInfo | undefined {
  if (!cert || typeof cert !== 'object' || !cert.fingerprint256) return undefined
  const altNames = (cert.subjectaltname ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean)
  const anchor = cert.raw ? chainAnchor(cert) : undefined
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
    altNames,
    spki: cert.raw ? spkiPin(cert.raw) : '',
    ...(anchor ? { anchor: pem(anchor) } : {}),
  }
}
