import { parseArgs } from 'node:util'
import type { ExportFormat } from '../../shared/export.js'
import { AppError } from '../app-error.js'
import { WriteFailed, writeDocument } from '../export/write-document.js'
import { cliServices } from './cli-services.js'
import { EXIT, UsageError, type CliIo } from './io.js'

/** The CLI's format names (short, as people type them) and the export each one makes. */
const FORMATS: Record<string, ExportFormat> = {
  autoconfig: 'thunderbird-autoconfig',
  mobileconfig: 'apple-profile',
  'sheet-html': 'setup-sheet',
  'sheet-pdf': 'setup-sheet-pdf',
  json: 'mailkey-json',
}

const OPTIONS = {
  all: { type: 'boolean' },
  format: { type: 'string' },
  domain: { type: 'string' },
  output: { type: 'string' },
  'include-secrets': { type: 'boolean' },
} as const

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

/**
 * `mailkey export ADDR|--all --format autoconfig|mobileconfig|sheet-html|sheet-pdf|json [--domain D]
 * [--output FILE] [--include-secrets]` (issue 17). The document goes to FILE, or to stdout. Passwords
 * only with --include-secrets, which needs --output (a secret is never printed) and says so on stderr;
 * the file is then readable by its owner only (mode 0600). Exit 0 written, 1 the export failed (no
 * account, keychain), 2 bad usage.
 */
export async function runExportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parse(argv)
  const [address, ...extra] = positionals
  if (extra.length) throw new UsageError('export takes one account address (or --all)')
  if (!address === !v.all && v.domain === undefined) throw new UsageError('export needs an account address or --all')
  if (address && v.all) throw new UsageError('give an account address or --all, not both')
  const format = v.format === undefined ? undefined : FORMATS[v.format]
  if (!format) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}`)
  const secrets = v['include-secrets'] ?? false
  if (secrets && !v.output) throw new UsageError('--include-secrets needs --output FILE: passwords are never printed')
  if (format === 'setup-sheet-pdf' && !v.output) throw new UsageError('--format sheet-pdf needs --output FILE')
  const { services: s } = await cliServices(io)
  let accountIds: string[] | undefined
  if (address) {
    const account = s.accounts.findByEmail(address)
    if (!account) throw new UsageError(`no saved account for ${address.slice(0, 254)}`)
    accountIds = [account.id]
  }
  let doc
  try {
    doc = await s.buildExport({ format, accountIds, domain: v.domain, includeSecrets: secrets })
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') throw new UsageError(e.message)
    throw e
  }
  if (!v.output) {
    io.stdout.write(typeof doc.content === 'string' ? doc.content : Buffer.from(doc.content).toString('latin1'))
    return EXIT.ok
  }
  try {
    await writeDocument(v.output, doc)
  } catch (e) {
    if (!(e instanceof WriteFailed)) throw e
    io.stderr.write(`mailkey: ${e.message}\n`)
    return EXIT.failed
  }
  if (secrets) {
    io.stderr.write(
      `mailkey: WARNING: ${v.output} holds the saved passwords in plain text. Keep it private, move it only over a channel you trust, and delete it once imported.\n`,
    )
  }
  io.stderr.write(`Wrote ${v.output} (suggested name ${doc.fileName}).\n`)
  return EXIT.ok
}
