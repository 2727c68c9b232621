import type { Security, Stage } from '../../shared/mail.js'
import { inspectCertificate, isCertificateError } from './certificate-inspector.js'
import type { ConnectionOptions } from './protocol-options.js'
import type { FailureFacts } from './probe-failure.js'
import { speaksImplicitTls } from './tls-expected.js'
import { isTlsVersionError, serverTlsVersions } from './tls-version-look.js'

export interface FollowUpContext {
  host: string
  port: number
  security: Security
  failedStage: Stage | undefined
  conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>
  /** Upper bound for each follow-up connection. */
  timeoutMs: number
}

/** Enough for a TLS handshake over a slow link; it delays a real timeout's report by at most this. */
const FOLLOW_UP_MS = 1500

function timedOut(facts: FailureFacts): boolean {
  return /TIMEOUT|TIMEDOUT/.test(facts.code ?? '') || /never received|Failed to receive greeting/i.test(facts.message)
}

/**
 * The TLS second look, started while a plaintext greeting is still awaited (FOLLOW_UP_MS before its
 * timeout), so that when the greeting does time out the answer is ready instead of adding its own wait.
 * The clock's stage events drive it; `dispose()` stops it on every other path.
 */
export class EarlyTlsLook {
  private timer: ReturnType<typeof setTimeout> | undefined
  private look: Promise<boolean> | undefined

  constructor(
    private readonly target: {
      host: string
      port: number
      security: Security
      conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>
    },
    private readonly greetingMs: number,
  ) {}

  onStage(stage: Stage, state: 'running' | 'done' | 'failed'): void {
    if (stage !== 'greeting' || this.target.security === 'tls') return
    if (state === 'running') {
      const { host, port, conn } = this.target
      const start = (): void => {
        this.look = speaksImplicitTls(host, port, conn, Math.min(FOLLOW_UP_MS, this.greetingMs))
      }
      this.timer = setTimeout(start, Math.max(0, this.greetingMs - FOLLOW_UP_MS))
    } else {
      clearTimeout(this.timer)
    }
  }

  /** The look's answer, if it started. */
  answer(): Promise<boolean> | undefined {
    return this.look
  }

  dispose(): void {
    clearTimeout(this.timer)
  }
}

/**
 * A second look after some failures, so the diagnosis rests on facts rather than port-number guesses:
 * - a handshake with no TLS version in common is tried once per version, to name the one it takes;
 * - a certificate that failed verification is fetched for display (subject, issuer, validity, SHA-256);
 * - a plaintext greeting that never came is checked against a TLS handshake on the same port: if the
 *   port answers TLS, the failure was the mode (STARTTLS chosen for an implicit-TLS port).
 */
export async function followUp(facts: FailureFacts, ctx: FollowUpContext, early?: EarlyTlsLook): Promise<FailureFacts> {
  const ms = Math.min(FOLLOW_UP_MS, ctx.timeoutMs)
  // no TLS version in common: which ones does the server take? (implicit TLS: the handshake comes first)
  if (isTlsVersionError(facts.code) && ctx.security === 'tls') {
    const target = { address: ctx.host, port: ctx.port, host: ctx.host }
    return { ...facts, serverTlsVersions: await serverTlsVersions(target, ctx.conn, ms) }
  }
  if (isCertificateError(facts.code) && !facts.certificate && ctx.security === 'tls') {
    const certificate = await inspectCertificate(ctx.host, ctx.port, ctx.conn, ms)
    return certificate ? { ...facts, certificate } : facts
  }
  if (ctx.failedStage === 'greeting' && ctx.security !== 'tls' && timedOut(facts)) {
    const speaksTls = early?.answer() ?? speaksImplicitTls(ctx.host, ctx.port, ctx.conn, ms)
    if (await speaksTls) {
      return {
        ...facts,
        code: 'TLS_EXPECTED',
        message: `Port ${ctx.port} expects SSL/TLS from the first byte: it answered a TLS handshake but sent no plaintext greeting`,
      }
    }
    // not TLS either: the server is hung, whatever the library guessed ("Maybe should use TLS?")
    return {
      ...facts,
      code: 'GREETING_TIMEOUT',
      message: `The server accepted the connection on port ${ctx.port} but never sent its greeting`,
    }
  }
  return facts
}
