import { plannedStages, type Protocol, type Side } from '../../shared/mail.js'
import { reachabilityPorts } from '../../shared/ports.js'
import type { ProviderId } from '../../shared/providers.js'
import type { ProbeReport, StageEvent, TestReport } from '../../shared/report.js'
import { certificateFacts } from './certificate-pin.js'
import { diagnoseFailure, redactFacts, type FailureContext } from './diagnose-failure.js'
import { EarlyTlsLook, followUp } from './failure-follow-up.js'
import { probeImap } from './imap-probe.js'
import { authKind, isPendingLogin, isTokenLogin, resolveLogin, type LoginSource } from './login.js'
import { probePop3 } from './pop3-probe.js'
import type { Probe } from './probe.js'
import { credentialsRefused, factsFrom, ProbeCancelled, type FailureFacts } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import { proxyLabel, type ProxyEndpoint } from './proxy/proxy-endpoint.js'
import { checkReachability, describeReachability } from './reachability.js'
import { Redactor } from './redact.js'
import { connectionFor } from './server-connection.js'
import { probeSmtp } from './smtp-probe.js'
import { StageClock } from './stage-clock.js'
import type { OutgoingCheck, TestRequest } from './test-request.js'
import { totalBudget } from './timeouts.js'
import { Transcript } from './transcript.js'
import { canTrustCertificate } from './trust-offer.js'

const PROBES: Readonly<Record<Protocol, Probe>> = { imap: probeImap, pop3: probePop3, smtp: probeSmtp }

/** How the servers of a TestRequest are reached, and whose they are (for the diagnosis's wording). */
export interface TestContext {
  connection: ConnectionOptions
  providerId: ProviderId | null
}

export interface ServerTestResult {
  report: TestReport
  transcripts: Partial<Record<Side, Transcript>>
}

export interface ServerTestHooks {
  signal?: AbortSignal
  onStage?: (event: Omit<StageEvent, 'testId'>) => void
}

interface SideSpec {
  side: Side
  protocol: Protocol
  check: OutgoingCheck<LoginSource>
  /** A fallback outgoing server: tested quietly (no live stages) and reported in its own list. */
  fallback?: boolean
}

interface SideResult {
  report: ProbeReport
  transcript: Transcript
  /** The proxy itself worked but would not reach this server (reachability through it may tell why). */
  proxyRefusedTarget: boolean
  proxy: ProxyEndpoint | undefined
}

/**
 * The "authorizing" stage of an OAuth login: its access token, from the cache or refreshed with the
 * saved refresh token, before any connection is made (a refused refresh is then the diagnosis, not a
 * server's refusal of an old token).
 */
async function readyCheck(
  check: OutgoingCheck<LoginSource>,
  clock: StageClock,
  signal: AbortSignal,
  redactor: Redactor,
): Promise<OutgoingCheck> {
  if (!isPendingLogin(check.login)) return { ...check, login: check.login }
  clock.start()
  const login = await resolveLogin(check.login, signal)
  // the fresh token is a secret of this test from now on: no reply may quote it
  redactor.protect(login)
  clock.complete('authorizing')
  return { ...check, login }
}

/** What the diagnosis may know of an OAuth login: the scope it was granted and its client. */
function oauthFacts(login: LoginSource): Pick<FailureContext, 'grantedScope' | 'oauthClientId' | 'oauthProvider'> {
  if (!isPendingLogin(login) && !isTokenLogin(login)) return {}
  return { grantedScope: login.grantedScope, oauthClientId: login.clientId, oauthProvider: login.provider }
}

/** The whole test's deadline: `expired` once it passed (then every side still running is stopped). */
interface Deadline {
  expired: boolean
  ms: number
}

/** What a side that the deadline stopped reports: a timeout, with how long the test may take. */
function deadlineFacts(deadline: Deadline): FailureFacts {
  return {
    code: 'ETIMEDOUT',
    message: `The server kept the test going for more than ${+(deadline.ms / 1000).toFixed(1)} seconds in all, so Mailkey stopped it: it answers, but too slowly (or never finishes)`,
  }
}

async function runSide(
  spec: SideSpec,
  req: TestRequest,
  ctx: TestContext,
  hooks: ServerTestHooks,
  signal: AbortSignal,
  probe: Probe,
  deadline: Deadline,
  redactor: Redactor,
): Promise<SideResult> {
  const { side, protocol, check } = spec
  const { host, port, security } = check.server
  const conn = connectionFor(ctx.connection, req.office, check.server)
  const early = new EarlyTlsLook({ host, port, security, conn }, conn.timeouts.greetingMs)
  // a token still to be fetched gets its own stage; a ready one goes straight to the server
  const clock = new StageClock(
    plannedStages(security, {
      auth: isPendingLogin(check.login) ? 'oauth2' : 'password',
      senderCheck: check.senderCheck !== undefined,
    }),
    (stage, state, ms) => {
      early.onStage(stage, state)
      if (!spec.fallback) hooks.onStage?.({ side, stage, state, ms })
    },
  )
  const transcript = new Transcript()
  transcript.redactWith(redactor)
  const base = { protocol, host, port, security, ...(conn.proxy ? { via: proxyLabel(conn.proxy) } : {}) }
  const done = { proxyRefusedTarget: false, proxy: conn.proxy }
  try {
    const found = await probe(await readyCheck(check, clock, signal, redactor), conn, { clock, transcript, signal })
    const capabilities = found ? found.capabilities : undefined
    return {
      ...done,
      report: {
        ...base,
        ok: true,
        ms: clock.elapsed(),
        stages: clock.timings,
        ...(capabilities ? { capabilities } : {}),
      },
      transcript,
    }
  } catch (error) {
    const stopped = deadline.expired && hooks.signal?.aborted !== true
    if (!stopped && (error instanceof ProbeCancelled || signal.aborted)) throw new ProbeCancelled()
    const failedStage = clock.fail()
    const facts = stopped
      ? deadlineFacts(deadline)
      : redactFacts(
          certificateFacts(
            await followUp(
              factsFrom(error),
              { host, port, security, failedStage, conn, timeoutMs: conn.timeouts.connectMs },
              early,
            ),
            conn.trust.pins,
            host,
          ),
          redactor,
        )
    const diagnosis = diagnoseFailure(facts, {
      protocol,
      server: check.server,
      stage: failedStage,
      providerId: ctx.providerId,
      savedSecret: req.savedSecret ?? false,
      redactor,
      email: req.email,
      username: check.login.username,
      auth: authKind(check.login),
      ...oauthFacts(check.login),
      minTls: conn.trust.minVersion,
    })
    transcript.note(`failed: ${facts.message}`)
    const canTrust = canTrustCertificate(diagnosis.cause, facts.code, facts.certificate, check.server, ctx.providerId)
    return {
      proxyRefusedTarget: facts.code === 'EPROXY_TARGET',
      proxy: conn.proxy,
      report: {
        ...base,
        ok: false,
        ms: clock.elapsed(),
        stages: clock.timings,
        ...(failedStage ? { failedStage } : {}),
        cause: diagnosis.cause,
        title: diagnosis.title,
        explanation: diagnosis.explanation,
        serverText: diagnosis.serverText,
        fix: diagnosis.fix,
        ...(facts.certificate ? { certificate: facts.certificate } : {}),
        ...(credentialsRefused(facts) ? { credentialsRefused: true } : {}),
        ...(canTrust ? { canTrust } : {}),
      },
      transcript,
    }
  } finally {
    early.dispose()
  }
}

const UNREACHABLE = new Set(['connection_timeout', 'connection_refused', 'connection_reset'])

/**
 * When a side could not connect, checks the standard ports of every tested protocol on its host, so
 * a blocked network is named as such. Undefined when every side got through.
 */
async function reachabilityAfterFailure(
  specs: readonly SideSpec[],
  results: readonly SideResult[],
  signal: AbortSignal,
  conn: ConnectionOptions,
): Promise<TestReport['reachability']> {
  const unreachable = results.some(
    ({ report: r, proxyRefusedTarget }) =>
      !r.ok &&
      (UNREACHABLE.has(r.cause ?? '') || proxyRefusedTarget) &&
      (r.failedStage === 'connect' || r.failedStage === 'tls'),
  )
  if (!unreachable) return undefined
  const seen = new Set<string>()
  const targets = specs
    .flatMap((s) => reachabilityPorts(s.protocol).map((port) => ({ host: s.check.server.host, port })))
    .filter((t) => !seen.has(`${t.host}:${t.port}`) && seen.add(`${t.host}:${t.port}`))
  // under a proxy the ports are tried through it: what matters is what the proxy lets through
  const checks = await checkReachability(targets, undefined, signal, conn.resolve, results[0]?.proxy)
  return { checks, summary: describeReachability(checks) }
}

/**
 * Tests the incoming and outgoing servers at the same time, so "test both" takes as long as the
 * slower one, not the sum, and never longer than the total deadline (`totalBudget` of the timeouts):
 * a side still running then is stopped and reported as a timeout. Throws ProbeCancelled when
 * `hooks.signal` aborts; any other failure is a diagnosed report, never an exception.
 */
export async function testServers(
  req: TestRequest,
  ctx: TestContext,
  hooks: ServerTestHooks = {},
  probes: Readonly<Record<Protocol, Probe>> = PROBES,
): Promise<ServerTestResult> {
  const controller = new AbortController()
  const outer = hooks.signal
  const forward = (): void => controller.abort()
  if (outer?.aborted) throw new ProbeCancelled()
  outer?.addEventListener('abort', forward, { once: true })
  const t0 = performance.now()
  const deadline: Deadline = { expired: false, ms: totalBudget(ctx.connection.timeouts) }
  const timer = setTimeout(() => {
    deadline.expired = true
    controller.abort()
  }, deadline.ms)
  const specs: SideSpec[] = []
  if (req.incoming) specs.push({ side: 'incoming', protocol: req.incoming.server.protocol, check: req.incoming })
  if (req.outgoing) specs.push({ side: 'outgoing', protocol: 'smtp', check: req.outgoing })
  for (const check of req.outgoingFallbacks ?? [])
    specs.push({ side: 'outgoing', protocol: 'smtp', check, fallback: true })
  // every secret of the test, on both sides and every fallback: a reply is scrubbed of any of them
  const redactor = new Redactor(specs.map((s) => s.check.login))
  try {
    const results = await Promise.all(
      specs.map((s) => runSide(s, req, ctx, hooks, controller.signal, probes[s.protocol], deadline, redactor)),
    )
    clearTimeout(timer)
    const report: TestReport = { ms: 0 }
    const transcripts: ServerTestResult['transcripts'] = {}
    specs.forEach((s, i) => {
      const r = results[i]
      if (!r) return
      if (s.fallback) {
        ;(report.outgoingFallbacks ??= []).push(r.report)
        return
      }
      report[s.side] = r.report
      transcripts[s.side] = r.transcript
    })
    // its own short timeouts bound it; only a cancel stops it (the deadline may have passed by now)
    const reachability = await reachabilityAfterFailure(
      specs,
      results,
      outer ?? new AbortController().signal,
      ctx.connection,
    )
    if (reachability) report.reachability = reachability
    report.ms = Math.round(performance.now() - t0)
    return { report, transcripts }
  } catch (error) {
    // one side cancelled: stop the other at once
    controller.abort()
    throw error
  } finally {
    clearTimeout(timer)
    outer?.removeEventListener('abort', forward)
  }
}
