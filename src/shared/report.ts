import type { Cause, Fix } from './diagnosis.js'
import type { Protocol, Security, Side, Stage } from './mail.js'

/**
 * What a test, a check or a delivery round trip reports: the shapes the CLI's `--json`, IPC results and
 * the UI share. Kept apart from `mail.ts` (servers and their schemas) so that module and the diagnosis
 * vocabulary do not import each other.
 */

export interface StageTiming {
  stage: Stage
  /** How long this stage took, in milliseconds. */
  ms: number
}

/**
 * The result of testing one server. The shape is the CLI's `--json` contract (issue #2): the
 * diagnosis fields are present only when `ok` is false.
 */
export interface ProbeReport {
  protocol: Protocol
  host: string
  port: number
  security: Security
  ok: boolean
  ms: number
  stages: StageTiming[]
  failedStage?: Stage
  cause?: Cause
  title?: string
  explanation?: string
  serverText?: string
  fix?: Fix
  /** The server's certificate, when TLS verification failed. */
  certificate?: CertificateInfo
  /**
   * The server explicitly refused the credentials: it answered the login with a permanent refusal (IMAP
   * tagged NO, POP3 -ERR, SMTP 5xx). A dropped connection, a temporary reply or LOGINDISABLED is not
   * one. Only this may count toward a saved secret being stale.
   */
  credentialsRefused?: boolean
  /**
   * Mailkey may offer "Trust this certificate for host:port" (pin its key): a certificate failure of a
   * server that belongs to no known provider (their certificates rotate), which a pin can fix.
   */
  canTrust?: boolean
  /** The proxy this server was reached through (`socks5://user@host:port`, never a password). */
  via?: string
  /** What the server offers beyond the basics, read after a successful test (for power users). */
  capabilities?: ServerCapabilities
}

/** IMAP extensions that change what a mail app can do (RFC 2177, 7162, 6851, 9208, 6855). */
export interface ImapCapabilities {
  protocol: 'imap'
  /** IDLE: new mail arrives at once, instead of polling every few minutes. */
  idle: boolean
  condstore: boolean
  qresync: boolean
  move: boolean
  quota: boolean
  /** Storage used and allowed in the inbox's quota root, in bytes, when the server says. */
  quotaUsage?: { usedBytes: number; limitBytes: number | null }
  utf8Accept: boolean
  /** Every capability the server announced after signing in. */
  all: string[]
}

/** SMTP service extensions from the EHLO reply (RFC 1870, 6531, 6152, 2920, 3461). */
export interface SmtpCapabilities {
  protocol: 'smtp'
  /** The largest message the server takes, in MB (SIZE); null when it names no limit. */
  sizeMb: number | null
  smtputf8: boolean
  eightBitMime: boolean
  pipelining: boolean
  dsn: boolean
  all: string[]
}

/** POP3 CAPA (RFC 2449): UIDL lets an app keep track of what it downloaded, TOP fetch headers only. */
export interface Pop3Capabilities {
  protocol: 'pop3'
  uidl: boolean
  top: boolean
  all: string[]
}

export type ServerCapabilities = ImapCapabilities | SmtpCapabilities | Pop3Capabilities

/** The server certificate, shown when TLS verification fails so the user can judge it. */
export interface CertificateInfo {
  subject: string
  issuer: string
  validFrom: string
  validTo: string
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string
  /** Names the certificate is valid for (subjectAltName). */
  altNames: string[]
  /** The pin of its key: `sha256/` + base64 SHA-256 of the SubjectPublicKeyInfo (HPKP, curl --pinnedpubkey). */
  spki: string
  /**
   * The self-signed certificate (PEM) the presented chain ends in, when the server sent one: what a
   * pin trusts for this server so the handshake still verifies in full. Absent: only a CA import helps.
   */
  anchor?: string
}

/** A bare TCP connect to a standard port, made when connecting failed. */
export interface PortCheck {
  host: string
  port: number
  open: boolean
  ms: number
  /** Why it is not open: turned away, no answer at all (filtered), or another error. */
  result?: 'refused' | 'no-answer' | 'error'
}

/** An outgoing server sending tried and could not use, with why (the fallback servers' story). */
export interface SendAttempt {
  host: string
  port: number
  security: Security
  cause: Cause
  title: string
}

/** What happened to a message sent to check delivery (an alias round trip, validate-and-save). */
export interface RoundTripReport {
  outcome: 'arrived' | 'rewritten' | 'not-arrived' | 'send-failed' | 'read-failed' | 'unavailable'
  ms: number
  messageId?: string
  /** The From the message arrived with. */
  receivedFrom?: string
  /** Gmail's X-Google-Original-From, when it replaced the From. */
  originalFrom?: string | null
  title: string
  explanation: string
  cause?: Cause
  serverText?: string
  fix?: Fix
  /** The outgoing server the message went out through, when it was not the first one. */
  sentVia?: { host: string; port: number; security: Security }
  /** The servers tried before it, and why each failed. */
  failedBefore?: SendAttempt[]
}

export interface TestReport {
  incoming?: ProbeReport
  outgoing?: ProbeReport
  /** The fallback outgoing servers, in the order sending tries them after `outgoing`. */
  outgoingFallbacks?: ProbeReport[]
  /** When connecting failed: which standard ports answer from this network, and in plain words. */
  reachability?: { checks: PortCheck[]; summary: string }
  /** Wall time of the whole test: the slower side, since both run at once. */
  ms: number
}

/** A live progress event of a running test. */
export interface StageEvent {
  testId: string
  side: Side
  stage: Stage
  state: 'running' | 'done' | 'failed'
  /** Duration of the stage so far (done/failed) or 0 when it starts. */
  ms: number
}

/** Both servers were tested and both passed: the only result that proves a configuration. */
export function bothPassed(report: TestReport): boolean {
  return report.incoming?.ok === true && report.outgoing?.ok === true
}

/**
 * The configuration works: incoming passed, and mail goes out through the outgoing server or, when that
 * one failed, one of its fallbacks (sending uses the first that works; issue 16). What proves an
 * account with fallback outgoing servers.
 */
export function worksWithFallback(report: TestReport): boolean {
  return (
    report.incoming?.ok === true && (report.outgoing?.ok === true || (report.outgoingFallbacks ?? []).some((r) => r.ok))
  )
}
