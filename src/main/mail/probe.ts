import type { Security } from '../../shared/mail.js'
import type { TlsTrust } from './open-socket.js'
import type { SenderCheck } from './smtp-sender-check.js'
import type { StageClock } from './stage-clock.js'
import type { Timeouts } from './timeouts.js'
import type { Transcript } from './transcript.js'

/** One server to test, with the credential to try. */
export interface ProbeRequest {
  host: string
  port: number
  security: Security
  username: string
  password: string
  trust: TlsTrust
  timeouts: Timeouts
  /** SMTP only: after login, ask whether MAIL FROM/RCPT TO would be accepted (nothing is sent). */
  senderCheck?: SenderCheck | undefined
}

/** Where a probe reports: stages to the clock, wire lines to the transcript; it stops on `signal`. */
export interface ProbeContext {
  clock: StageClock
  transcript: Transcript
  signal: AbortSignal
}

/**
 * A probe resolves when the server accepted the login and is ready, and throws ProbeFailure (with the
 * raw facts) or ProbeCancelled otherwise. It always releases its sockets before settling.
 */
export type Probe = (request: ProbeRequest, context: ProbeContext) => Promise<void>
