/**
 * Probe timeouts. The libraries' defaults (nodemailer: 2 min connect, imapflow: 90 s) leave people
 * staring at a spinner; Thunderbird and FairEmail give a probe about 10 s. One network step never
 * waits longer than its budget here.
 */
export interface Timeouts {
  /** DNS lookup, and then TCP connect (each). */
  connectMs: number
  /** From connected (and TLS up) to the server's greeting. */
  greetingMs: number
  /** Each command after the greeting, including the TLS upgrade. */
  commandMs: number
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, greetingMs: 10_000, commandMs: 15_000 }

/** `--timeout-ms N` / the UI's setting: one cap for every step. */
export function timeoutsFrom(capMs: number | undefined): Timeouts {
  if (capMs === undefined) return DEFAULT_TIMEOUTS
  return { connectMs: capMs, greetingMs: capMs, commandMs: capMs }
}
