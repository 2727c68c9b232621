import { parseArgs } from 'node:util'
import type { AccountView, Alias } from '../../shared/account.js'
import type { AliasCheckResult } from '../../shared/ipc/contract.js'
import { EmailSchema, PasswordSchema, UsernameSchema } from '../../shared/mail.js'
import { exportIdentities } from '../export/identities.js'
import { AppError } from '../app-error.js'
import type { Services } from '../services.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { describeReport } from './report-text.js'
import { parseEndpoint, securityOrStandard } from './test-args.js'

export const ALIAS_USAGE = `Usage: mailkey alias list ADDR [--json]
       mailkey alias add ADDR --address A [--name N] [--reply-to R] [--not-alias]
                 [--smtp HOST:PORT [--outgoing-security tls|starttls] [--username U --password-stdin]] [--json]
       mailkey alias remove ADDR --address A
       mailkey alias check ADDR [--address A] [--round-trip] [--json]
       mailkey alias export ADDR

Send-as addresses (aliases) of the saved account ADDR. check asks the outgoing server whether it
accepts each alias as sender (MAIL FROM, nothing sent); --round-trip also sends one message from the
alias to ADDR and reads it back, to catch a From that the provider rewrites (Gmail without "Send mail
as"). Exit 0 when every check passed, 1 when one failed, 2 for bad usage.`

const OPTIONS = {
  json: { type: 'boolean' },
  address: { type: 'string' },
  name: { type: 'string' },
  'reply-to': { type: 'string' },
  'not-alias': { type: 'boolean' },
  smtp: { type: 'string' },
  'outgoing-security': { type: 'string' },
  username: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'round-trip': { type: 'boolean' },
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

function email(value: string | undefined, flag: string): string {
  return parseFlag(EmailSchema, value ?? '', flag)
}

function findAccount(accounts: AccountView[], address: string): AccountView {
  const account = accounts.find((a) => a.email.toLowerCase() === address.toLowerCase())
  if (!account) throw new UsageError(`no saved account for ${address}`)
  return account
}

function findAlias(account: AccountView, address: string): Alias {
  const alias = account.aliases.find((a) => a.address.toLowerCase() === address.toLowerCase())
  if (!alias) throw new UsageError(`${account.email} has no alias ${address}`)
  return alias
}

function aliasLine(a: Alias): string {
  const check = a.lastCheck
    ? `last check ${a.lastCheck.at}: ${a.lastCheck.sender.title}${a.lastCheck.roundTrip ? `; ${a.lastCheck.roundTrip.title}` : ''}`
    : 'never checked'
  const via = a.smtp ? ` via ${a.smtp.host}:${a.smtp.port}` : ''
  return `${a.name ? `${a.name} <${a.address}>` : a.address}${a.isDefault ? ' (default)' : ''}${via}\n  ${check}\n`
}

async function add(s: Services, account: AccountView, v: Values, io: CliIo): Promise<AccountView> {
  const address = email(v.address, '--address')
  let smtp
  if (v.smtp) {
    const endpoint = parseEndpoint(v.smtp, '--smtp')
    const given = v['outgoing-security']
    if (given !== undefined && given !== 'tls' && given !== 'starttls')
      throw new UsageError('--outgoing-security must be tls or starttls')
    smtp = { ...endpoint, security: securityOrStandard(endpoint.port, given, '--outgoing-security') }
  }
  if (v.username !== undefined && (!smtp || !v['password-stdin'])) {
    throw new UsageError('--username needs --smtp and --password-stdin (an alias with its own login)')
  }
  let login: { smtpUsername: string; password: string } | undefined
  if (v.username !== undefined) {
    const smtpUsername = parseFlag(UsernameSchema, v.username, '--username')
    login = { smtpUsername, password: parseFlag(PasswordSchema, await readSecret(io.stdin), 'password') }
  }
  return s.aliases.add(account.id, {
    name: (v.name ?? '').trim().slice(0, 200),
    address,
    ...(v['reply-to'] ? { replyTo: email(v['reply-to'], '--reply-to') } : {}),
    treatAsAlias: !v['not-alias'],
    ...(smtp ? { smtp } : {}),
    ...(login ?? {}),
  })
}

function checkText(alias: Alias, r: AliasCheckResult): string {
  let out = `${alias.address}\n${describeReport({ outgoing: r.sender, ms: r.sender.ms })}`
  if (r.roundTrip) {
    out += `  Round trip: ${r.roundTrip.title} (${r.roundTrip.outcome}, ${r.roundTrip.ms} ms)\n  ${r.roundTrip.explanation}\n`
    if (r.roundTrip.fix)
      out += `  Fix: ${r.roundTrip.fix.label}${r.roundTrip.fix.kind === 'open-url' ? ` (${r.roundTrip.fix.url})` : ''}\n`
  }
  return out
}

/** `mailkey alias list|add|remove|check|export`: send-as identities, checked without guessing. */
export async function runAliasCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const v = parsed.values
  const [sub, accountAddress, ...extra] = parsed.positionals
  if (!sub || !['list', 'add', 'remove', 'check', 'export'].includes(sub)) {
    throw new UsageError(
      sub ? `unknown alias command "${sub.slice(0, 40)}"` : 'alias needs list, add, remove, check or export',
    )
  }
  if (!accountAddress || extra.length) throw new UsageError(`alias ${sub} takes one account address`)
  const { services: s, dir } = cliServices(io)
  const account = findAccount(await s.accounts.list(), accountAddress)
  const json = v.json ?? false
  try {
    switch (sub) {
      case 'list':
        io.stdout.write(
          json ? `${JSON.stringify(account.aliases)}\n` : account.aliases.map(aliasLine).join('') || 'No aliases.\n',
        )
        return EXIT.ok
      case 'export':
        io.stdout.write(exportIdentities(account))
        return EXIT.ok
      case 'add': {
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const updated = await add(s, account, v, io)
        const alias = findAlias(updated, email(v.address, '--address'))
        io.stdout.write(json ? `${JSON.stringify(alias)}\n` : `Added ${alias.address} to ${account.email}.\n`)
        return EXIT.ok
      }
      case 'remove': {
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const alias = findAlias(account, email(v.address, '--address'))
        await s.aliases.remove(account.id, alias.id)
        io.stdout.write(json ? `${JSON.stringify({ removed: alias.address })}\n` : `Removed ${alias.address}.\n`)
        return EXIT.ok
      }
      case 'check': {
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const targets = v.address ? [findAlias(account, email(v.address, '--address'))] : account.aliases
        if (targets.length === 0) throw new UsageError(`${account.email} has no aliases to check`)
        const results: { alias: string; result: AliasCheckResult }[] = []
        for (const alias of targets) {
          const result = await s.aliases.check(
            account.id,
            alias.id,
            `cli-alias-${Date.now()}`,
            v['round-trip'] ?? false,
            () => undefined,
          )
          results.push({ alias: alias.address, result })
          if (!json) io.stdout.write(checkText(alias, result))
        }
        if (json) {
          const out = results.map(({ alias, result }) => ({
            alias,
            sender: result.sender,
            ...(result.roundTrip ? { roundTrip: result.roundTrip } : {}),
          }))
          io.stdout.write(`${JSON.stringify(out)}\n`)
        }
        const passed = results.every(
          ({ result }) => result.sender.ok && (!result.roundTrip || result.roundTrip.outcome === 'arrived'),
        )
        return passed ? EXIT.ok : EXIT.failed
      }
    }
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') throw new UsageError(e.message)
    throw e
  }
  return EXIT.usage
}
