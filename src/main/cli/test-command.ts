import { PasswordSchema, type IncomingServer, type Server } from '../../shared/mail.js'
import { PROVIDERS, providerForAddress, type Provider } from '../../shared/providers.js'
import { createProviderDetector, lookupMx, type MxLookup } from '../discovery/detect-provider.js'
import type { LoginSource } from '../mail/login.js'
import { sameLogin } from '../mail/test-request.js'
import { savedSignIn } from './saved-sign-in.js'
import { testServers, type ServerTestResult } from '../mail/test-servers.js'
import { timeoutsFrom } from '../mail/timeouts.js'
import { EXIT, parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { describeReport } from './report-text.js'
import { parseTestArgs, securityOrStandard, type TestArgs } from './test-args.js'

export interface TestCommandDeps {
  catalog?: readonly Provider[]
  mx?: MxLookup
}

async function resolveServers(
  args: TestArgs,
  deps: TestCommandDeps,
  saved?: { incoming: IncomingServer; outgoing: Server },
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
  incoming ??= saved?.incoming
  outgoing ??= saved?.outgoing
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

/** `mailkey test`: both servers at once, a diagnosis for each failure; the secret is never printed. */
export async function runTestCommand(argv: string[], io: CliIo, deps: TestCommandDeps = {}): Promise<number> {
  const args = parseTestArgs(argv)
  const signIn = args.auth === 'oauth2' ? await savedSignIn(args.email, io) : undefined
  const servers = await resolveServers(args, deps, signIn?.servers)
  const login: LoginSource = signIn
    ? signIn.login
    : {
        username: args.username ?? args.email,
        password: parseFlag(PasswordSchema, await readSecret(io.stdin), 'password'),
      }
  const live = !args.json && io.stderr.isTTY === true
  const result = await testServers(
    sameLogin(args.email, login, servers),
    {
      connection: { trust: {}, timeouts: timeoutsFrom(args.timeoutMs) },
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
  return sides.every((s) => result.report[s]?.ok) ? EXIT.ok : EXIT.failed
}
