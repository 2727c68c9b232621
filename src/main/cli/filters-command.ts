import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { AccountView } from '../../shared/account.js'
import type { IncomingFilter } from '../../shared/filters/filter.js'
import type { FilterPreview, FilterUpload } from '../../shared/filters/results.js'
import { AppError } from '../app-error.js'
import type { Services } from '../services.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { filterFromFlags } from './filters-args.js'
import { EXIT, timeoutFlag, UsageError, type CliIo } from './io.js'
import { parseEndpoint } from './test-args.js'

const OPTIONS = {
  json: { type: 'boolean' },
  mode: { type: 'string' },
  address: { type: 'string', multiple: true },
  domain: { type: 'string', multiple: true },
  keyword: { type: 'string', multiple: true },
  'addresses-file': { type: 'string' },
  'domains-file': { type: 'string' },
  'keywords-file': { type: 'string' },
  'ignored-folder': { type: 'string' },
  discard: { type: 'boolean' },
  output: { type: 'string' },
  sieve: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const

const SUBS = ['show', 'set', 'clear', 'preview', 'export', 'upload'] as const
type Sub = (typeof SUBS)[number]

function describeFilter(f: IncomingFilter | null): string {
  if (!f) return 'No filter.\n'
  const list = (name: string, xs: string[]): string => `${name}: ${xs.length ? xs.join(', ') : '(none)'}\n`
  return (
    `Mode: ${f.mode === 'allow' ? 'Allow (only matching mail is kept)' : 'Ignore (matching mail is ignored)'}\n` +
    list('Addresses', f.addresses) +
    list('Domains', f.domains) +
    list('Keywords (Subject)', f.keywords) +
    `Ignored mail: ${f.ignored.kind === 'folder' ? `filed in "${f.ignored.folder}"` : 'deleted'}\n`
  )
}

function previewText(p: Extract<FilterPreview, { ok: true }>): string {
  const rows = p.messages.map((m) => {
    const why = m.rule
      ? `${m.rule.list.replace(/s$/, '')} ${m.rule.entry}`
      : m.verdict === 'ignored'
        ? 'matches no entry'
        : '-'
    return `${m.verdict === 'allowed' ? 'allowed' : 'IGNORED'}  ${why.slice(0, 40).padEnd(40)}  ${(m.from[0] ?? '').slice(0, 36).padEnd(36)}  ${m.subject.slice(0, 60)}`
  })
  const ignored = p.messages.filter((m) => m.verdict === 'ignored').length
  return `${rows.join('\n')}\n${p.messages.length} newest of ${p.total} in INBOX: ${p.messages.length - ignored} allowed, ${ignored} ignored.\n`
}

function uploadText(u: FilterUpload): string {
  if (u.uploaded) {
    return `Uploaded as "${u.scriptName}" to ${u.server.host}:${u.server.port} (${u.implementation || 'ManageSieve'}) and switched on.${u.warnings ? `\nThe server warned: ${u.warnings}` : ''}\n`
  }
  return `Not uploaded: ${u.message}${u.serverText ? `\n  Server said: ${u.serverText}` : ''}\nInstead: ${u.pasteAt.text}${u.pasteAt.url ? `\n  ${u.pasteAt.url}` : ''}\n`
}

async function run(
  sub: Sub,
  s: Services,
  account: AccountView,
  v: ReturnType<typeof parse>['values'],
  io: CliIo,
  dir: string,
): Promise<number> {
  const json = v.json ?? false
  const timeoutMs = timeoutFlag(v['timeout-ms'])
  const out = (text: string, value: unknown): void => void io.stdout.write(json ? `${JSON.stringify(value)}\n` : text)
  switch (sub) {
    case 'show':
      out(describeFilter(account.filter), account.filter)
      return EXIT.ok
    case 'set':
    case 'clear': {
      const filter = sub === 'set' ? filterFromFlags(v, (note) => io.stderr.write(`mailkey: ${note}\n`)) : null
      if (refuseWhileAppRuns(dir, io)) return EXIT.failed
      const updated = await s.filters.set(account.id, filter)
      out(sub === 'set' ? `Saved.\n${describeFilter(updated.filter)}` : 'Filter removed.\n', updated.filter)
      return EXIT.ok
    }
    case 'preview': {
      const p = await s.filters.preview(account.id, `cli-preview-${Date.now()}`, undefined, timeoutMs)
      if (!p.ok) {
        out(
          `Could not read the inbox: ${p.diagnosis.title} [${p.diagnosis.cause}]\n  ${p.diagnosis.explanation}\n  Fix: ${p.diagnosis.fix.label}\n`,
          p,
        )
        return EXIT.failed
      }
      out(previewText(p), p)
      return EXIT.ok
    }
    case 'export': {
      const { script, pasteAt, fileName } = s.filters.script(account.id)
      if (v.output) {
        writeFileSync(v.output, script)
        io.stderr.write(`Wrote ${v.output} (suggested name ${fileName}).\n`)
      } else io.stdout.write(script)
      io.stderr.write(`To use it by hand: ${pasteAt.text}${pasteAt.url ? ` (${pasteAt.url})` : ''}\n`)
      return EXIT.ok
    }
    case 'upload': {
      const target = v.sieve ? parseEndpoint(v.sieve, '--sieve') : undefined
      const { script } = s.filters.script(account.id)
      if (!json) io.stdout.write(`${script}\n`)
      const u = await s.filters.upload(account.id, `cli-upload-${Date.now()}`, script, target, timeoutMs)
      out(uploadText(u), { script, ...u })
      return u.uploaded ? EXIT.ok : EXIT.failed
    }
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/** `mailkey filters show|set|clear|preview|export|upload ADDR`: an account's incoming filter (issue 17). */
export async function runFiltersCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parse(argv)
  const [sub, address, ...extra] = parsed.positionals
  if (!sub || !(SUBS as readonly string[]).includes(sub)) {
    throw new UsageError(sub ? `unknown filters command "${sub.slice(0, 40)}"` : `filters needs ${SUBS.join(', ')}`)
  }
  if (!address || extra.length) throw new UsageError(`filters ${sub} takes one account address`)
  const { services: s, dir } = await cliServices(io)
  const account = (await s.accounts.list()).find((a) => a.email.toLowerCase() === address.toLowerCase())
  if (!account) throw new UsageError(`no saved account for ${address.slice(0, 254)}`)
  try {
    return await run(sub as Sub, s, account, parsed.values, io, dir)
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') throw new UsageError(e.message)
    throw e
  }
}
