import { appPasswordProvider, normalizePastedSecret } from '../../shared/app-password.js'
import { PasswordSchema, type IncomingServer, type Server } from '../../shared/mail.js'
import type { FoundServer } from '../../shared/discovery.js'
import { PRESETS, providerById, providerForAddress, type Provider, type ProviderId } from '../../shared/providers.js'
import type { CertificateInfo } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import { createDns } from '../discovery/net/dns.js'
import { resolveVia } from '../discovery/net/resolve.js'
import type { LoginSource } from '../mail/login.js'
import { presentedCertificates } from '../mail/presented-certificates.js'
import type { ConnectionOptions } from '../mail/protocol-options.js'
import { sameLogin } from '../mail/test-request.js'
import { savedSignIn } from './saved-sign-in.js'
import { testServers, type ServerTestResult } from '../mail/test-servers.js'
import { timeoutsFrom } from '../mail/timeouts.js'
import { cliDiscovery, type DiscoverCommandDeps } from './discover-command.js'
import { withSavedIspdb } from './saved-ispdb.js'
import { EXIT, parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { splitSecrets, type OfficeArgs } from './office-args.js'
import { saveOfficeOptions } from './office-save.js'
import { describeReport } from './report-text.js'
import { parseTestArgs, securityOrStandard, type TestArgs } from './test-args.js'

export interface TestCommandDeps extends DiscoverCommandDeps {
  catalog?: readonly Provider[]
}

interface Resolved {
  incoming?: IncomingServer
  outgoing?: Server
  /** The user name discovery gives (the address unless the source says otherwise). */
  username?: string
  providerId: ProviderId | null
}

/**
 * The best server discovery offers without asking, or a refusal naming the host that would need the
 * user's confirmation: the CLI cannot ask, so giving the server as a flag is the confirmation.
 */
function pick<S extends Server | IncomingServer>(found: FoundServer<S>[], flag: string): FoundServer<S> | undefined {
  const trusted = found.find((f) => f.trusted)
  if (trusted || !found[0]) return trusted
  const { host, port } = found[0].server
  throw new AppError(
    'CONFIRM_HOST',
    `${host} needs your confirmation before Mailkey sends your password there. ${found[0].caution ?? ''} To use it, pass ${flag} ${host}:${port}.`,
  )
}

/**
 * The servers to test: the flags first, then the saved account's (an OAuth sign-in's `saved`), then
 * what discovery finds.
 */
async function resolveServers(
  args: TestArgs,
  deps: TestCommandDeps,
  saved?: { incoming: IncomingServer; outgoing: Server },
): Promise<Resolved> {
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
  const resolved: Resolved = { providerId: null }
  incoming ??= saved?.incoming
  outgoing ??= saved?.outgoing
  if ((wantIncoming && !incoming) || (wantOutgoing && !outgoing)) {
    const found = await cliDiscovery(args, { ...deps, catalog: deps.catalog ?? PRESETS })(args.email)
    const missing =
      (wantIncoming && !incoming && found.incoming.length === 0) ||
      (wantOutgoing && !outgoing && found.outgoing.length === 0)
    if (missing) {
      // the CLI contract since round 1: without settings to test, the command is incomplete (exit 2)
      throw new UsageError(
        `Mailkey found no settings for ${found.address.domain}: pass --imap/--pop3 HOST:PORT and --smtp HOST:PORT`,
      )
    }
    const inc = wantIncoming && !incoming ? pick(found.incoming, '--imap') : undefined
    const out = wantOutgoing && !outgoing ? pick(found.outgoing, '--smtp') : undefined
    incoming ??= inc?.server
    outgoing ??= out?.server
    const username = inc?.username ?? out?.username
    if (username) resolved.username = username
    resolved.providerId = found.provider?.id ?? null
  }
  return {
    ...resolved,
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
  // --dns-server: the probes resolve through it too, like every query of the discovery before them
  const resolve = args.dnsServers.length ? resolveVia(createDns({ servers: args.dnsServers })) : undefined
  return {
    trust: {
      extraCas: office.cas.map((c) => c.pem),
      ...(office.minTls ? { minVersion: office.minTls } : {}),
      ...(office.pins.length ? { pins: office.pins } : {}),
    },
    timeouts: timeoutsFrom(args.timeoutMs),
    ...(resolve ? { resolve } : {}),
    ...(office.proxy
      ? { proxy: { ...office.proxy, ...(proxyPassword !== undefined ? { password: proxyPassword } : {}) } }
      : {}),
  }
}

/**
 * The secrets on stdin: the mail password (its first line when a proxy password follows), or, with
 * --auth oauth2 (no mail password), only the proxy password when one is asked for.
 */
async function stdinSecrets(
  args: TestArgs,
  io: CliIo,
  oauth: boolean,
): Promise<{ password?: string; proxyPassword?: string }> {
  const withProxy = args.office.proxyPasswordStdin
  if (oauth) {
    return withProxy ? { proxyPassword: parseFlag(PasswordSchema, await readSecret(io.stdin), 'proxy password') } : {}
  }
  const secrets = splitSecrets(await readSecret(io.stdin), withProxy)
  return {
    password: parseFlag(PasswordSchema, secrets.password, 'password'),
    ...(secrets.proxyPassword !== undefined
      ? { proxyPassword: parseFlag(PasswordSchema, secrets.proxyPassword, 'proxy password') }
      : {}),
  }
}

/**
 * `mailkey test`: both servers at once, a diagnosis for each failure; the secret is never printed. Servers
 * not given as flags are discovered first (`mailkey discover`, same flags).
 */
export async function runTestCommand(argv: string[], io: CliIo, deps: TestCommandDeps = {}): Promise<number> {
  const args = withSavedIspdb(parseTestArgs(argv), io)
  const signIn = args.auth === 'oauth2' ? await savedSignIn(args.email, io) : undefined
  const { username, providerId, ...servers } = await resolveServers(args, deps, signIn?.servers)
  const catalog = deps.catalog ?? PRESETS
  const hosts = [servers.incoming?.host, servers.outgoing?.host].filter((h): h is string => h !== undefined)
  const secrets = await stdinSecrets(args, io, signIn !== undefined)
  const { proxyPassword } = secrets
  const login: LoginSource = signIn
    ? signIn.login
    : {
        username: args.username ?? username ?? args.email,
        // the same normaliser as the wizard's: "abcd efgh ijkl mnop" works here too
        password: normalizePastedSecret(
          secrets.password ?? '',
          providerId ? providerById(providerId) : appPasswordProvider({ email: args.email, hosts }, catalog),
        ),
      }
  const live = !args.json && io.stderr.isTTY === true
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
      providerId: providerId ?? providerForAddress(args.email, catalog)?.id ?? null,
    },
    live ? { onStage: (e) => e.state === 'running' && io.stderr.write(`  ${e.side}: ${e.stage}…\n`) } : {},
  )
  const sides = (['incoming', 'outgoing'] as const).filter((s) => result.report[s])
  if (args.json) {
    io.stdout.write(`${JSON.stringify(jsonReport(result, args.transcript))}\n`)
  } else {
    io.stdout.write(
      describeReport(result.report, args.transcript ? result.transcripts : undefined, { username: '--username' }),
    )
  }
  const passed = sides.every((s) => result.report[s]?.ok)
  if (passed && args.office.save) {
    return saveOfficeOptions(args.email, args.office, tested, presented, proxyPassword, io)
  }
  return passed ? EXIT.ok : EXIT.failed
}
