/**
 * Probe timeouts. The libraries' defaults (nodemailer: 2 min connect, imapflow: 90 s) leave people
 * staring at a spinner; Thunderbird and FairEmail give a probe about 10 s. One network step never
 * waits longer than its budget here, and a whole operation never longer than `totalMs`.
 */
export interface Timeouts {
  /** DNS lookup, and then TCP connect (each). */
  connectMs: number
  /** From connected (and TLS up) to the server's greeting. */
  greetingMs: number
  /** Each command after the greeting, including the TLS upgrade. */
  commandMs: number
  /**
   * The whole operation (a test of both servers, the sending part of a round trip), however the time is
   * spent: step timeouts restart whenever the server sends a line, so a server trickling one line every
   * 2 s would otherwise keep a test running for ever (issue 12, fault 3). Unset: `totalBudget`.
   */
  totalMs?: number
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, greetingMs: 10_000, commandMs: 15_000, totalMs: 30_000 }

/** The total deadline of an operation: `totalMs`, or the sum of one connect, greeting and command. */
export function totalBudget(t: Timeouts): number {
  return t.totalMs ?? t.connectMs + t.greetingMs + t.commandMs
}

/** `--timeout-ms N` / the UI's setting: one cap for every step, and three of them for the whole test. */
export function timeoutsFrom(capMs: number | undefined): Timeouts {
  if (capMs === undefined) return DEFAULT_TIMEOUTS
  return { connectMs: capMs, greetingMs: capMs, commandMs: capMs, totalMs: 3 * capMs }
}
