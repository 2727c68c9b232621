import { PasswordSchema, type IncomingServer, type Server } from '../../shared/mail.js'
import type { CertificateInfo } from '../../shared/report.js'
import { PROVIDERS, providerForAddress, type Provider } from '../../shared/providers.js'
import { createProviderDetector, lookupMx, type MxLookup } from '../discovery/detect-provider.js'
import { presentedCertificates } from '../mail/presented-certificates.js'
import type { ConnectionOptions } from '../mail/protocol-options.js'
import { sameLogin } from '../mail/test-request.js'
import { testServers, type ServerTestResult } from '../mail/test-servers.js'
import { timeoutsFrom } from '../mail/timeouts.js'
import { EXIT, parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { splitSecrets, type OfficeArgs } from './office-args.js'
import { saveOfficeOptions } from './office-save.js'
import { describeReport } from './report-text.js'
import { parseTestArgs, securityOrStandard, type TestArgs } from './test-args.js'

export interface TestCommandDeps {
  catalog?: readonly Provider[]
  mx?: MxLookup
}

async function resolveServers(
  args: TestArgs,
  deps: TestCommandDeps,
): Promise<{ incoming?: IncomingServer; outgoing?: Server }> {
  const wantIncoming = args.only !== 'outgoing'
  const wantOutgoing = args.only !== 'incoming'
  let incoming: IncomingServer | undefined
  let outgoing: Server | undefined
  if (args.incoming) {
    const { protocol, endpoint, security } = args.incoming
    incoming = { protocol, ...endpoint, security: securityOrStandard(endpoint.port, security, '--incoming-security') }
  }
  if (args.outgoing) {
    const { endpoint, security } = args.outgoing
    outgoing = { ...endpoint, security: securityOrStandard(endpoint.port, security, '--outgoing-security') }
  }
  if ((wantIncoming && !incoming) || (wantOutgoing && !outgoing)) {
    const detected = await createProviderDetector(deps.catalog ?? PROVIDERS, deps.mx ?? lookupMx)(args.email)
    if (detected.source === 'guess') {
      throw new UsageError(
        `Mailkey has no settings for ${args.email.split('@')[1]}: pass --imap/--pop3 HOST:PORT and --smtp HOST:PORT`,
      )
    }
    incoming ??= detected.incoming ?? undefined
    outgoing ??= detected.outgoing ?? undefined
  }
  return {
    ...(wantIncoming && incoming ? { incoming } : {}),
    ...(wantOutgoing && outgoing ? { outgoing } : {}),
  }
}

function jsonReport(result: ServerTestResult, withTranscript: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const side of ['incoming', 'outgoing'] as const) {
    const r = result.report[side]
    if (!r) continue
    out[side] = {
      ...r,
      ...(withTranscript
        ? { transcript: result.transcripts[side]?.lines.map((l) => `${l.dir}: ${l.text}`) ?? [] }
        : {}),
    }
  }
  return out
}

/** The connection the office flags describe: proxy, TLS minimum, pins and office CAs for every server. */
function connectionOf(args: TestArgs, proxyPassword: string | undefined): ConnectionOptions {
  const office: OfficeArgs = args.office
  return {
    trust: {
      extraCas: office.cas.map((c) => c.pem),
      ...(office.minTls ? { minVersion: office.minTls } : {}),
      ...(office.pins.length ? { pins: office.pins } : {}),
    },
    timeouts: timeoutsFrom(args.timeoutMs),
    ...(office.proxy
      ? { proxy: { ...office.proxy, ...(proxyPassword !== undefined ? { password: proxyPassword } : {}) } }
      : {}),
  }
}

/** `mailkey test`: both servers at once, a diagnosis for each failure; the secret is never printed. */
export async function runTestCommand(argv: string[], io: CliIo, deps: TestCommandDeps = {}): Promise<number> {
  const args = parseTestArgs(argv)
  const servers = await resolveServers(args, deps)
  const secrets = splitSecrets(await readSecret(io.stdin), args.office.proxyPasswordStdin)
  const password = parseFlag(PasswordSchema, secrets.password, 'password')
  const proxyPassword =
    secrets.proxyPassword !== undefined ? parseFlag(PasswordSchema, secrets.proxyPassword, 'proxy password') : undefined
  const live = !args.json && io.stderr.isTTY === true
  const login = { username: args.username ?? args.email, password }
  const connection = connectionOf(args, proxyPassword)
  const tested = [servers.incoming, servers.outgoing].filter((x): x is Server => x !== undefined)
  // pins given by key alone: a self-signed server's own certificate is what its pin verifies against
  const presented = args.office.pins.length
    ? await presentedCertificates(tested, connection, connection.timeouts.connectMs)
    : new Map<string, CertificateInfo>()
  const anchors = [...presented.values()].flatMap((c) =>
    args.office.pins.includes(c.spki) && c.anchor ? [c.anchor] : [],
  )
  connection.trust = { ...connection.trust, anchors }
  const result = await testServers(
    sameLogin(args.email, login, servers),
    {
      connection,
      providerId: providerForAddress(args.email, deps.catalog ?? PROVIDERS)?.id ?? null,
    },
    live ? { onStage: (e) => e.state === 'running' && io.stderr.write(`  ${e.side}: ${e.stage}…\n`) } : {},
  )
  const sides = (['incoming', 'outgoing'] as const).filter((s) => result.report[s])
  if (args.json) {
    io.stdout.write(`${JSON.stringify(jsonReport(result, args.transcript))}\n`)
  } else {
    io.stdout.write(describeReport(result.report, args.transcript ? result.transcripts : undefined))
  }
  const passed = sides.every((s) => result.report[s]?.ok)
  if (passed && args.office.save) {
    return saveOfficeOptions(args.email, args.office, tested, presented, proxyPassword, io)
  }
  return passed ? EXIT.ok : EXIT.failed
}
