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
}

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
}

export interface TestReport {
  incoming?: ProbeReport
  outgoing?: ProbeReport
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
