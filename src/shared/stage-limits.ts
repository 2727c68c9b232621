import type { Stage } from './mail.js'

/**
 * How long a test waits at most in the stages that can stall with nothing to show: connecting to a
 * filtered port, and waiting for a greeting that never comes (STARTTLS set on a port that expects
 * SSL/TLS from the first byte: the server waits for a TLS handshake, the client for a greeting).
 * The UI counts down from these. They are main's DEFAULT_TIMEOUTS (src/main/mail/timeouts.ts);
 * test/main/stage-limits.test.ts keeps the two equal.
 */
export const STAGE_LIMIT_MS: Partial<Record<Stage, number>> = {
  connect: 10_000,
  greeting: 10_000,
}
