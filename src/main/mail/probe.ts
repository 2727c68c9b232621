import type { ServerCapabilities } from '../../shared/report.js'
import type { ConnectionOptions } from './protocol-options.js'
import type { StageClock } from './stage-clock.js'
import type { OutgoingCheck } from './test-request.js'
import type { Transcript } from './transcript.js'

/** Where a probe reports: stages to the clock, wire lines to the transcript; it stops on `signal`. */
export interface ProbeContext {
  clock: StageClock
  transcript: Transcript
  signal: AbortSignal
}

/**
 * A probe tests one side of a TestRequest: the server with its login (for SMTP, optionally with a
 * sender check), connecting as `connection` says. It resolves when the server accepted the login and is
 * ready (with what it learnt of the server on the way, if anything), and throws ProbeFailure (with the
 * raw facts) or ProbeCancelled otherwise. It always releases its sockets before settling.
 */
export type Probe = (
  check: OutgoingCheck,
  connection: ConnectionOptions,
  context: ProbeContext,
) => Promise<ProbeFindings | void>

/** What a passing probe learnt beyond "it works". */
export interface ProbeFindings {
  capabilities?: ServerCapabilities
}
