import type { PeerCertificate } from 'node:tls'
import type { TlsVersion } from '../../shared/connection.js'
import type { CertificateInfo } from '../../shared/report.js'
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
  /** The TLS versions the server takes, found by a second look after a version failure. */
  serverTlsVersions?: TlsVersion[]
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
