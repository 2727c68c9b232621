import { parseArgs } from 'node:util'
import type { AccountView, Alias } from '../../shared/account.js'
import type { AliasCheckResult } from '../../shared/ipc/contract.js'
import { exportIdentities } from '../export/identities.js'
import { AppError } from '../app-error.js'
import type * as AliasFlags from './alias-flags.js'
import { cliAccounts, cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, UsageError, type CliIo } from './io.js'
import { describeReport } from './report-text.js'

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

export type AliasValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** The flag parsers that validate addresses and logins (zod), loaded only by the commands that change something. */
const flags = (): Promise<typeof AliasFlags> => import('./alias-flags.js')

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
  const json = v.json ?? false
  if (sub === 'list' || sub === 'export') {
    // showing needs no store and no mail library: read the settings as they are
    const account = findAccount(await (await cliAccounts(io)).list(), accountAddress)
    if (sub === 'export') io.stdout.write(exportIdentities(account))
    else
      io.stdout.write(
        json ? `${JSON.stringify(account.aliases)}\n` : account.aliases.map(aliasLine).join('') || 'No aliases.\n',
      )
    return EXIT.ok
  }
  const { services: s, dir } = await cliServices(io)
  const account = findAccount(await s.accounts.list(), accountAddress)
  try {
    switch (sub) {
      case 'add': {
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const { email, newAlias } = await flags()
        const updated = await s.aliases.add(account.id, await newAlias(v, io))
        const alias = findAlias(updated, email(v.address, '--address'))
        io.stdout.write(json ? `${JSON.stringify(alias)}\n` : `Added ${alias.address} to ${account.email}.\n`)
        return EXIT.ok
      }
      case 'remove': {
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const { email } = await flags()
        const alias = findAlias(account, email(v.address, '--address'))
        await s.aliases.remove(account.id, alias.id)
        io.stdout.write(json ? `${JSON.stringify({ removed: alias.address })}\n` : `Removed ${alias.address}.\n`)
        return EXIT.ok
      }
      case 'check': {
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const { email } = await flags()
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
