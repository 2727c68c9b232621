import { parseArgs } from 'node:util'
import type { AccountView } from '../../shared/account.js'
import { cliAccounts, cliKeychainHealth, cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { describeReport } from './report-text.js'

function accountLine(a: AccountView): string {
  const outgoing = { shared: 'shared with incoming', own: 'its own', missing: 'MISSING' }[a.secrets.outgoing]
  const lines = [
    `${a.email}  (${a.providerId ?? 'custom'}, id ${a.id})`,
    `  incoming secret: ${a.secrets.incoming ? 'saved' : 'MISSING'}; outgoing secret: ${outgoing}`,
    `  last verified: ${a.lastVerifiedAt ?? 'never'}`,
  ]
  if (a.stale) lines.push(`  STALE since ${a.stale.since} (${a.stale.cause}): ${a.stale.reason}`)
  return lines.join('\n')
}

async function list(json: boolean, io: CliIo): Promise<number> {
  const store = await cliAccounts(io)
  const accounts = await store.list()
  const orphans = await store.orphans()
  if (json) {
    io.stdout.write(`${JSON.stringify({ accounts, orphans })}\n`)
  } else {
    io.stdout.write(accounts.length ? `${accounts.map(accountLine).join('\n')}\n` : 'No saved accounts.\n')
    if (orphans.length) io.stdout.write(`Keychain entries of no account (orphans): ${orphans.join(', ')}\n`)
  }
  return EXIT.ok
}

async function check(json: boolean, io: CliIo): Promise<number> {
  const health = await cliKeychainHealth(io)
  if (json) io.stdout.write(`${JSON.stringify(health)}\n`)
  else io.stdout.write(health.ok ? 'The keychain works.\n' : `${health.advice}\n(${health.detail})\n`)
  return health.ok ? EXIT.ok : EXIT.failed
}

async function reset(address: string, json: boolean, timeoutMs: number | undefined, io: CliIo): Promise<number> {
  const { services: s, dir } = await cliServices(io)
  const account = (await s.accounts.list()).find((a) => a.email.toLowerCase() === address.toLowerCase())
  if (!account) throw new UsageError(`no saved account for ${address}`)
  const { PasswordSchema } = await import('../../shared/mail.js')
  const password = parseFlag(PasswordSchema, await readSecret(io.stdin), 'password')
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  const result = await s.resetStaleCredential(
    account.id,
    `cli-reset-${Date.now()}`,
    { password },
    () => undefined,
    timeoutMs,
  )
  if (json) {
    io.stdout.write(`${JSON.stringify({ saved: result.saved, ...result.report, account: result.account })}\n`)
  } else {
    io.stdout.write(describeReport(result.report))
    io.stdout.write(
      result.saved
        ? 'Both servers accepted the new password; it replaced the saved one.\n'
        : 'The new password was not saved; the old one is unchanged.\n',
    )
  }
  return result.saved ? EXIT.ok : EXIT.failed
}

async function backups(json: boolean, io: CliIo): Promise<number> {
  const { services: s } = await cliServices(io)
  const kept = s.backups.list()
  if (json) io.stdout.write(`${JSON.stringify({ backups: kept })}\n`)
  else if (kept.length === 0) io.stdout.write('No settings backups are kept.\n')
  else {
    for (const b of kept) {
      io.stdout.write(`${b.name}  (${b.reason}, ${b.at}): keeps the passwords of ${b.accounts} account(s)\n`)
    }
  }
  return EXIT.ok
}

async function dismiss(name: string, io: CliIo): Promise<number> {
  const { services: s, dir } = await cliServices(io)
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  if (!s.backups.dismiss(name)) throw new UsageError(`no settings backup named ${name.slice(0, 80)}`)
  io.stdout.write(`Dismissed ${name}; its accounts' passwords now show as orphans (mailkey credentials list).\n`)
  return EXIT.ok
}

/** `mailkey credentials list|check|reset|backups|dismiss-backup`: secrets are only ever written, never printed. */
export async function runCredentialsCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'password-stdin': { type: 'boolean' }, 'timeout-ms': { type: 'string' } },
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const [sub, ...positionals] = parsed.positionals
  const json = parsed.values.json ?? false
  const timeout = parsed.values['timeout-ms']
  const timeoutMs = timeout === undefined ? undefined : Number(timeout)
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 500 || timeoutMs > 120_000)) {
    throw new UsageError('--timeout-ms must be a whole number of milliseconds between 500 and 120000')
  }
  switch (sub) {
    case 'list':
    case 'check':
      if (positionals.length || parsed.values['password-stdin'])
        throw new UsageError(`credentials ${sub} takes no arguments`)
      return sub === 'list' ? list(json, io) : check(json, io)
    case 'backups':
      if (positionals.length || parsed.values['password-stdin'])
        throw new UsageError('credentials backups takes no arguments')
      return backups(json, io)
    case 'dismiss-backup': {
      const [name] = positionals
      if (!name || positionals.length > 1) throw new UsageError('credentials dismiss-backup takes one backup name')
      return dismiss(name, io)
    }
    case 'reset': {
      const [address] = positionals
      if (!address || positionals.length > 1) throw new UsageError('credentials reset takes one address')
      if (!parsed.values['password-stdin'])
        throw new UsageError('--password-stdin is required (the password is never a flag)')
      return reset(address, json, timeoutMs, io)
    }
    default:
      throw new UsageError(
        sub
          ? `unknown credentials command "${sub.slice(0, 40)}"`
          : 'credentials needs list, check, reset, backups or dismiss-backup',
      )
  }
}
