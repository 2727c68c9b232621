import { parseArgs } from 'node:util'
import { proxyLabel } from '../../shared/connection.js'
import type { GroupDefaults, GroupView } from '../../shared/group.js'
import { EmailSchema, PasswordSchema, type Security } from '../../shared/mail.js'
import { AppError } from '../app-error.js'
import type { NewGroup } from '../accounts/group-service.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, parseFlag, readSecret, timeoutFlag, UsageError, type CliIo } from './io.js'
import { describeReport } from './report-text.js'
import { parseEndpoint, securityOrStandard } from './test-args.js'

const OPTIONS = {
  json: { type: 'boolean' },
  from: { type: 'string' },
  imap: { type: 'string' },
  pop3: { type: 'string' },
  smtp: { type: 'string' },
  'incoming-security': { type: 'string' },
  'outgoing-security': { type: 'string' },
  login: { type: 'string' },
  email: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

function groupText(g: GroupView): string {
  const d = g.defaults
  const lines = [
    `${g.name}  (${g.members.length} mailbox${g.members.length === 1 ? '' : 'es'})`,
    `  incoming ${d.incoming.protocol.toUpperCase()} ${d.incoming.host}:${d.incoming.port} ${d.incoming.security}, outgoing SMTP ${d.outgoing.host}:${d.outgoing.port} ${d.outgoing.security}; login: ${d.login === 'local-part' ? 'the part before the @' : 'the address'}`,
    ...connectionLines(d.connection),
    ...g.members.map((m) => `  ${m.email}${m.stale ? '  STALE' : m.lastVerifiedAt ? '' : '  not verified'}`),
  ]
  return `${lines.join('\n')}\n`
}

/** The group's office options in words, one line each (none for a direct connection). */
function connectionLines(c: GroupDefaults['connection']): string[] {
  if (!c) return []
  return [
    ...(c.proxy ? [`  proxy ${proxyLabel(c.proxy)}`] : []),
    ...c.minTls.map((m) => `  lowest TLS ${m.version} for ${m.host}:${m.port}`),
    ...c.pins.map((p) => `  trusted certificate for ${p.host}:${p.port} ${p.spki}`),
    ...c.cas.map((ca) => `  office CA ${ca.subject}`),
  ]
}

function security(raw: string | undefined, flag: string, port: number): Security {
  if (raw !== undefined && raw !== 'tls' && raw !== 'starttls') throw new UsageError(`${flag} must be tls or starttls`)
  return securityOrStandard(port, raw, flag)
}

/** `group create`'s servers: `--from ADDR` (a saved account's), or `--imap|--pop3` and `--smtp`. */
function newGroup(name: string, v: Values, accountId: (email: string) => string): NewGroup {
  const login = v.login
  if (login !== undefined && login !== 'address' && login !== 'local-part')
    throw new UsageError('--login must be address or local-part')
  const servers = v.imap !== undefined || v.pop3 !== undefined || v.smtp !== undefined
  if (v.from !== undefined) {
    if (servers || login) throw new UsageError('--from takes the servers and login of that account: give no others')
    return { name, fromAccountId: accountId(parseFlag(EmailSchema, v.from, '--from')) }
  }
  if ((v.imap === undefined) === (v.pop3 === undefined) || v.smtp === undefined)
    throw new UsageError(
      'say where the mailboxes are: --from ADDR, or --imap (or --pop3) HOST:PORT and --smtp HOST:PORT',
    )
  const protocol = v.imap !== undefined ? 'imap' : 'pop3'
  const incoming = parseEndpoint(v.imap ?? v.pop3 ?? '', `--${protocol}`)
  const outgoing = parseEndpoint(v.smtp, '--smtp')
  const defaults: GroupDefaults = {
    incoming: {
      protocol,
      ...incoming,
      security: security(v['incoming-security'], '--incoming-security', incoming.port),
    },
    outgoing: { ...outgoing, security: security(v['outgoing-security'], '--outgoing-security', outgoing.port) },
    ...(login ? { login } : {}),
  }
  return { name, defaults }
}

/** `mailkey group list|create|rename|add|remove`: groups of accounts with shared servers (issue 17). */
export async function runGroupCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const [verb, name, extra, ...more] = parsed.positionals
  const v = parsed.values
  if (more.length > 0) throw new UsageError('too many arguments')
  if (verb === undefined) throw new UsageError('say what to do: list, create, rename, add or remove')
  if (verb !== 'list' && (name === undefined || name.trim() === ''))
    throw new UsageError(`group ${verb} needs a group NAME`)
  if (extra !== undefined && verb !== 'rename') throw new UsageError(`unexpected argument "${extra.slice(0, 40)}"`)
  const { services: s, dir } = await cliServices(io)
  const group = () => {
    const g = s.groups.findByName(name ?? '')
    if (g) return g
    const known = s.groups.list().map((k) => `"${k.name}"`)
    throw new UsageError(
      `no group named "${(name ?? '').slice(0, 60)}"${known.length ? ` (groups: ${known.join(', ')})` : ''}`,
    )
  }
  try {
    switch (verb) {
      case 'list': {
        const all = s.groups.list()
        if (v.json) io.stdout.write(`${JSON.stringify({ groups: all })}\n`)
        else io.stdout.write(all.length ? all.map(groupText).join('') : 'No groups yet (mailkey group create NAME).\n')
        return EXIT.ok
      }
      case 'create': {
        const input = newGroup(name ?? '', v, (email) => {
          const a = s.accounts.findByEmail(email)
          if (!a) throw new UsageError(`no saved account for ${email}`)
          return a.id
        })
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const created = await s.groups.create(input)
        io.stdout.write(v.json ? `${JSON.stringify(created)}\n` : `Created the group "${created.name}".\n`)
        return EXIT.ok
      }
      case 'rename': {
        if (extra === undefined) throw new UsageError('group rename needs the NAME and the NEW name')
        const g = group()
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        io.stdout.write(`Renamed "${g.name}" to "${s.groups.rename(g.id, extra).name}".\n`)
        return EXIT.ok
      }
      case 'remove': {
        const g = group()
        if (refuseWhileAppRuns(dir, io)) return EXIT.failed
        const { ungrouped } = await s.groups.remove(g.id)
        io.stdout.write(`Removed the group "${g.name}"; its ${ungrouped} account(s) stay saved, in no group.\n`)
        return EXIT.ok
      }
      case 'add':
        return await add(s, dir, group().id, v, io)
      default:
        throw new UsageError(`unknown group command "${verb.slice(0, 40)}"`)
    }
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') throw new UsageError(e.message)
    throw e
  }
}

/** `group add NAME --email ADDR --password-stdin`: exit 0 saved, 1 a server refused (nothing saved). */
async function add(
  s: Awaited<ReturnType<typeof cliServices>>['services'],
  dir: string,
  groupId: string,
  v: Values,
  io: CliIo,
): Promise<number> {
  const email = parseFlag(EmailSchema, v.email ?? '', '--email')
  if (!v['password-stdin']) throw new UsageError('give the password on stdin with --password-stdin')
  const timeoutMs = timeoutFlag(v['timeout-ms'])
  const password = parseFlag(PasswordSchema, await readSecret(io.stdin), 'password')
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  const result = await s.groups.addMailbox(
    groupId,
    { email, password, testId: `cli-group-add-${Date.now()}`, ...(timeoutMs ? { timeoutMs } : {}) },
    () => undefined,
  )
  if (v.json) {
    io.stdout.write(`${JSON.stringify({ saved: result.saved, ...result.report, account: result.account })}\n`)
  } else {
    io.stdout.write(describeReport(result.report))
    io.stdout.write(result.saved ? `Saved ${email} in the group.\n` : `${result.reason ?? 'Nothing was saved.'}\n`)
  }
  return result.saved ? EXIT.ok : EXIT.failed
}
