import { plannedStages, type IncomingServer, type Protocol, type Server, type Side } from '../../shared/mail.js'
import type { ProbeReport, StageEvent, TestReport } from '../../shared/report.js'
import type { ProviderId } from '../../shared/providers.js'
import { diagnose } from '../diagnosis/index.js'
import { probeImap } from './imap-probe.js'
import type { TlsTrust } from './open-socket.js'
import { probePop3 } from './pop3-probe.js'
import type { Probe } from './probe.js'
import { EarlyTlsLook, followUp } from './failure-follow-up.js'
import { factsFrom, ProbeCancelled } from './probe-failure.js'
import { reachabilityPorts } from '../../shared/ports.js'
import { checkReachability, describeReachability } from './reachability.js'
import { probeSmtp } from './smtp-probe.js'
import type { SenderCheck } from './smtp-sender-check.js'
import { StageClock } from './stage-clock.js'
import type { Timeouts } from './timeouts.js'
import { Transcript } from './transcript.js'

export const PROBES: Readonly<Record<Protocol, Probe>> = { imap: probeImap, pop3: probePop3, smtp: probeSmtp }

export interface ServerTestRequest {
  email: string
  /** Login name; the address when unset. */
  username?: string | undefined
  password: string
  /** Sending signs in as someone else (an SMTP relay); unset: the incoming login. */
  outgoingLogin?: { username: string; password: string } | undefined
  incoming?: IncomingServer | undefined
  outgoing?: Server | undefined
  timeouts: Timeouts
  trust: TlsTrust
  providerId?: ProviderId | null
  /** The password came from the keychain: a rejection means it went stale. */
  hasSavedSecret?: boolean
  /** Also ask the outgoing server whether it takes MAIL FROM/RCPT TO (nothing is sent). */
  senderCheck?: SenderCheck | undefined
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
  host: string
  port: number
  security: Server['security']
}

async function runSide(
  spec: SideSpec,
  req: ServerTestRequest,
  hooks: ServerTestHooks,
  signal: AbortSignal,
  probe: Probe,
): Promise<{ report: ProbeReport; transcript: Transcript }> {
  const { side, protocol, host, port, security } = spec
  const early = new EarlyTlsLook({ host, port, security, ca: req.trust.ca }, req.timeouts.greetingMs)
  const clock = new StageClock(plannedStages(security), (stage, state, ms) => {
    early.onStage(stage, state)
    hooks.onStage?.({ side, stage, state, ms })
  })
  const transcript = new Transcript()
  const base = { protocol, host, port, security }
  try {
    await probe(
      {
        host,
        port,
        security,
        ...(side === 'outgoing' && req.outgoingLogin
          ? req.outgoingLogin
          : { username: req.username ?? req.email, password: req.password }),
        trust: req.trust,
        timeouts: req.timeouts,
        ...(protocol === 'smtp' && req.senderCheck ? { senderCheck: req.senderCheck } : {}),
      },
      { clock, transcript, signal },
    )
    return { report: { ...base, ok: true, ms: clock.elapsed(), stages: clock.timings }, transcript }
  } catch (error) {
    if (error instanceof ProbeCancelled || signal.aborted) throw new ProbeCancelled()
    const failedStage = clock.fail()
    const facts = await followUp(
      factsFrom(error),
      {
        host,
        port,
        security,
        failedStage,
        trust: req.trust,
        timeoutMs: req.timeouts.connectMs,
      },
      early,
    )
    const diagnosis = diagnose({
      text: facts.serverText ?? '',
      message: facts.message,
      ...(facts.code ? { code: facts.code } : {}),
      ...(facts.responseCode ? { responseCode: facts.responseCode } : {}),
      ...(failedStage ? { stage: failedStage } : {}),
      ...(facts.authFailed ? { authFailed: true } : {}),
      ...(facts.certificate ? { certificate: facts.certificate } : {}),
      protocol,
      host,
      port,
      security,
      providerId: req.providerId ?? null,
      hasSavedSecret: req.hasSavedSecret ?? false,
    })
    transcript.note(`failed: ${facts.message}`)
    return {
      report: {
        ...base,
        ok: false,
        ms: clock.elapsed(),
        stages: clock.timings,
        ...(failedStage ? { failedStage } : {}),
        cause: diagnosis.cause,
        title: diagnosis.title,
        explanation: diagnosis.explanation,
        // the server's own words; when it said nothing, the system's error message
        serverText: diagnosis.serverText || facts.message,
        fix: diagnosis.fix,
        ...(facts.certificate ? { certificate: facts.certificate } : {}),
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
  reports: readonly ProbeReport[],
  signal: AbortSignal,
): Promise<TestReport['reachability']> {
  const unreachable = reports.some(
    (r) => !r.ok && UNREACHABLE.has(r.cause ?? '') && (r.failedStage === 'connect' || r.failedStage === 'tls'),
  )
  if (!unreachable) return undefined
  const targets = specs.flatMap((s) => reachabilityPorts(s.protocol).map((port) => ({ host: s.host, port })))
  const checks = await checkReachability(targets, undefined, signal)
  return { checks, summary: describeReachability(checks) }
}

/**
 * Tests the incoming and outgoing servers at the same time, so "test both" takes as long as the
 * slower one, not the sum. Throws ProbeCancelled when `hooks.signal` aborts; any other failure is a
 * diagnosed report, never an exception.
 */
export async function testServers(
  req: ServerTestRequest,
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
  if (req.incoming) specs.push({ side: 'incoming', ...req.incoming })
  if (req.outgoing) specs.push({ side: 'outgoing', protocol: 'smtp', ...req.outgoing })
  try {
    const results = await Promise.all(specs.map((s) => runSide(s, req, hooks, controller.signal, probes[s.protocol])))
    const report: TestReport = { ms: 0 }
    const transcripts: ServerTestResult['transcripts'] = {}
    specs.forEach((s, i) => {
      const r = results[i]
      if (!r) return
      report[s.side] = r.report
      transcripts[s.side] = r.transcript
    })
    const reachability = await reachabilityAfterFailure(
      specs,
      results.map((r) => r.report),
      controller.signal,
    )
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
