import { createHmac, randomBytes } from 'node:crypto'
import type { ProviderId } from '../../shared/providers.js'
import { worksWithFallback, type StageEvent, type TestReport } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import { ProbeCancelled } from './probe-failure.js'
import { loginIdentity } from './login.js'
import type { ConnectionOptions, TlsTrust } from './protocol-options.js'
import type { TestRequest } from './test-request.js'
import type { ServerTestResult } from './test-servers.js'
import { timeoutsFrom } from './timeouts.js'

const PROOF_TTL_MS = 30 * 60_000
const MAX_KEPT = 20
/** How long a cancel of an id with nothing running stops that id's next run (a re-test's pause). */
const BETWEEN_RUNS_MS = 5000

/**
 * Runs connection tests for the app and the CLI: one at a time per test id, cancellable by id.
 * It remembers which configurations passed (as an HMAC under a per-process key, never the password),
 * so saving can mark an account verified on main's own evidence rather than the renderer's word.
 */
export class ConnectionTester {
  private readonly running = new Map<string, AbortController>()
  /** Each running id's work, settled either way (what stopAll waits for). */
  private readonly settling = new Map<string, Promise<void>>()
  private readonly proofs = new Map<string, { digest: string; at: number }>()
  private readonly transcripts = new Map<string, ServerTestResult['transcripts']>()
  private readonly cancelledBetween = new Map<string, number>()
  /** Certificates servers presented in failed tests, by host:port, for "trust this certificate". */
  private readonly certificates = new Map<string, { spki: string; anchor: string | null }>()
  private readonly key = randomBytes(32)

  constructor(
    private readonly opts: {
      trust: TlsTrust
      /** How server names resolve (ConnectionOptions.resolve); the system's when unset. */
      resolve?: ConnectionOptions['resolve']
      providerOf: (email: string) => ProviderId | null
      now?: () => number
    },
  ) {}

  /** Runs `req` under `testId`, with live stage events; CANCELLED when `cancel(testId)` stops it. */
  run(testId: string, req: TestRequest, emit: (event: StageEvent) => void): Promise<TestReport> {
    return this.guard(testId, async (signal) => {
      // the probes (and the mail libraries behind them) load with the first test, not with the app
      const { testServers } = await import('./test-servers.js')
      const result = await testServers(
        req,
        {
          connection: { trust: this.opts.trust, timeouts: timeoutsFrom(req.timeoutMs), resolve: this.opts.resolve },
          providerId: this.opts.providerOf(req.email),
        },
        { signal, onStage: (e) => emit({ testId, ...e }) },
      )
      this.keep(this.transcripts, testId, result.transcripts)
      this.noteCertificates(result.report)
      if (req.incoming && req.outgoing && worksWithFallback(result.report)) {
        this.keep(this.proofs, testId, { digest: this.digest(req), at: this.now() })
      }
      return result.report
    })
  }

  /**
   * Runs other work (a delivery round trip) under a test id, so `cancel(testId)` stops it like a test.
   * Cancelled work rejects with CANCELLED.
   */
  async guard<T>(testId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = this.claim(testId)
    const running = work(controller.signal)
    this.settling.set(
      testId,
      running.then(
        () => undefined,
        () => undefined,
      ),
    )
    try {
      return await running
    } catch (e) {
      if (e instanceof ProbeCancelled) throw new AppError('CANCELLED', 'The test was cancelled.')
      throw e
    } finally {
      this.running.delete(testId)
      this.settling.delete(testId)
    }
  }

  /**
   * Stops a running test at once (every socket closed). A check made of several runs under one id (a
   * re-test that confirms a rejection) may be between runs: the next run with that id, if it starts
   * within a few seconds, is refused too. False when no such test runs.
   */
  cancel(testId: string): boolean {
    const c = this.running.get(testId)
    c?.abort()
    if (!c) this.keep(this.cancelledBetween, testId, this.now())
    return c !== undefined
  }

  /**
   * Stops every running test and round trip (their sockets close at once): the clean-up on quit.
   * Resolves once each of them has settled.
   */
  async stopAll(): Promise<void> {
    const settled = [...this.settling.values()]
    for (const c of this.running.values()) c.abort()
    await Promise.all(settled)
  }

  /**
   * When `testId` proved exactly this configuration (incoming passed and mail went out through the
   * outgoing server or a fallback, with these logins and office options), as an ISO
   * time; else null.
   */
  provenAt(testId: string | undefined, config: TestRequest): string | null {
    if (!testId) return null
    const proof = this.proofs.get(testId)
    if (!proof || this.now() - proof.at > PROOF_TTL_MS) return null
    return proof.digest === this.digest(config) ? new Date(proof.at).toISOString() : null
  }

  /**
   * Whether a recent test here saw this certificate (its key, and the anchor its chain ended in) on
   * that host and port: a pin may only trust what Mailkey itself was shown.
   */
  sawCertificate(pin: { host: string; port: number; spki: string; anchor: string | null }): boolean {
    const seen = this.certificates.get(`${pin.host.toLowerCase()}:${pin.port}`)
    return seen !== undefined && seen.spki === pin.spki && (pin.anchor === null || seen.anchor === pin.anchor)
  }

  private noteCertificates(report: TestReport): void {
    for (const r of [report.incoming, report.outgoing, ...(report.outgoingFallbacks ?? [])]) {
      if (!r?.certificate?.spki) continue
      const key = `${r.host.toLowerCase()}:${r.port}`
      this.keep(this.certificates, key, { spki: r.certificate.spki, anchor: r.certificate.anchor ?? null })
    }
  }

  /** The redacted transcripts of a finished test, as text. */
  transcriptsOf(testId: string): { incoming?: string; outgoing?: string } {
    const t = this.transcripts.get(testId)
    return {
      ...(t?.incoming ? { incoming: t.incoming.toString() } : {}),
      ...(t?.outgoing ? { outgoing: t.outgoing.toString() } : {}),
    }
  }

  /** Marks `testId` as running, unless it already runs or was cancelled between two of its runs. */
  private claim(testId: string): AbortController {
    if (this.running.has(testId)) throw new AppError('INVALID_INPUT', 'A test with this id is already running.')
    const cancelledAt = this.cancelledBetween.get(testId)
    this.cancelledBetween.delete(testId)
    if (cancelledAt !== undefined && this.now() - cancelledAt < BETWEEN_RUNS_MS) {
      throw new AppError('CANCELLED', 'The test was cancelled.')
    }
    const controller = new AbortController()
    this.running.set(testId, controller)
    return controller
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now()
  }

  /** The configuration a test proved, as an HMAC: the secret never kept in the clear. */
  private digest(c: TestRequest): string {
    const side = (s: TestRequest['incoming'] | TestRequest['outgoing']): unknown =>
      s && [
        'protocol' in s.server ? s.server.protocol : 'smtp',
        s.server.host.toLowerCase(),
        s.server.port,
        s.server.security,
        s.login.username,
        loginIdentity(s.login),
      ]
    // the office options are part of what was proven (a proxy, a pin, a TLS minimum change the test)
    const office = c.office ? [c.office.settings, c.office.proxyPassword ?? null] : null
    const fallbacks = (c.outgoingFallbacks ?? []).map(side)
    const canonical = JSON.stringify([c.email.toLowerCase(), side(c.incoming), side(c.outgoing), office, fallbacks])
    return createHmac('sha256', this.key).update(canonical).digest('hex')
  }

  private keep<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key)
    map.set(key, value)
    while (map.size > MAX_KEPT) map.delete(map.keys().next().value as string)
  }
}
