import { plannedStages, type Protocol, type Side } from '../../shared/mail.js'
import { reachabilityPorts } from '../../shared/ports.js'
import type { ProviderId } from '../../shared/providers.js'
import type { ProbeReport, StageEvent, TestReport } from '../../shared/report.js'
import { diagnoseFailure } from './diagnose-failure.js'
import { certificateFacts } from './certificate-pin.js'
import { EarlyTlsLook, followUp } from './failure-follow-up.js'
import { probeImap } from './imap-probe.js'
import { probePop3 } from './pop3-probe.js'
import type { Probe } from './probe.js'
import { factsFrom, ProbeCancelled } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import { proxyLabel, type ProxyEndpoint } from './proxy/proxy-endpoint.js'
import { checkReachability, describeReachability } from './reachability.js'
import { connectionFor } from './server-connection.js'
import { probeSmtp } from './smtp-probe.js'
import { StageClock } from './stage-clock.js'
import type { OutgoingCheck, TestRequest } from './test-request.js'
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
  check: OutgoingCheck
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

async function runSide(
  spec: SideSpec,
  req: TestRequest,
  ctx: TestContext,
  hooks: ServerTestHooks,
  signal: AbortSignal,
  probe: Probe,
): Promise<SideResult> {
  const { side, protocol, check } = spec
  const { host, port, security } = check.server
  const conn = connectionFor(ctx.connection, req.office, check.server)
  const early = new EarlyTlsLook({ host, port, security, conn }, conn.timeouts.greetingMs)
  const clock = new StageClock(plannedStages(security), (stage, state, ms) => {
    early.onStage(stage, state)
    if (!spec.fallback) hooks.onStage?.({ side, stage, state, ms })
  })
  const transcript = new Transcript()
  const base = { protocol, host, port, security, ...(conn.proxy ? { via: proxyLabel(conn.proxy) } : {}) }
  const done = { proxyRefusedTarget: false, proxy: conn.proxy }
  try {
    const found = await probe(check, conn, { clock, transcript, signal })
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
    if (error instanceof ProbeCancelled || signal.aborted) throw new ProbeCancelled()
    const failedStage = clock.fail()
    const facts = certificateFacts(
      await followUp(
        factsFrom(error),
        { host, port, security, failedStage, conn, timeoutMs: conn.timeouts.connectMs },
        early,
      ),
      conn.trust.pins,
      host,
    )
    const diagnosis = diagnoseFailure(facts, {
      protocol,
      server: check.server,
      stage: failedStage,
      providerId: ctx.providerId,
      savedSecret: req.savedSecret ?? false,
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
  const checks = await checkReachability(targets, undefined, signal, results[0]?.proxy)
  return { checks, summary: describeReachability(checks) }
}

/**
 * Tests the incoming and outgoing servers at the same time, so "test both" takes as long as the
 * slower one, not the sum. Throws ProbeCancelled when `hooks.signal` aborts; any other failure is a
 * diagnosed report, never an exception.
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
  const specs: SideSpec[] = []
  if (req.incoming) specs.push({ side: 'incoming', protocol: req.incoming.server.protocol, check: req.incoming })
  if (req.outgoing) specs.push({ side: 'outgoing', protocol: 'smtp', check: req.outgoing })
  for (const check of req.outgoingFallbacks ?? [])
    specs.push({ side: 'outgoing', protocol: 'smtp', check, fallback: true })
  try {
    const results = await Promise.all(
      specs.map((s) => runSide(s, req, ctx, hooks, controller.signal, probes[s.protocol])),
    )
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
    const reachability = await reachabilityAfterFailure(specs, results, controller.signal)
    if (reachability) report.reachability = reachability
    report.ms = Math.round(performance.now() - t0)
    return { report, transcripts }
  } catch (error) {
    // one side cancelled: stop the other at once
    controller.abort()
    throw error
  } finally {
    outer?.removeEventListener('abort', forward)
  }
}
