import { readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { ImportOutcome } from '../../shared/export.js'
import { ACCOUNT_FILE_MAX_BYTES, sizeProblem } from '../export/account-file-limits.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, UsageError, type CliIo } from './io.js'

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: true, options: { json: { type: 'boolean' } } })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
}

function outcomeText(outcome: ImportOutcome): string {
  if (!outcome.imported) {
    const lines = outcome.problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`)
    return `Nothing imported: the file has ${outcome.problems.length === 1 ? 'a problem' : 'problems'}.\n${lines.join('\n')}\n`
  }
  const lines = outcome.accounts.map(
    (a) =>
      `  ${a.email}${a.needsSignIn ? ` (sign in with ${a.needsSignIn.name})` : a.needsPassword ? ' (needs its password)' : ''}`,
  )
  const needing = outcome.accounts.filter((a) => a.needsPassword)
  const signing = outcome.accounts.filter((a) => a.needsSignIn)
  const passwords = needing.length
    ? `Enter each password, tested before it is saved:\n${needing.map((a) => `  mailkey credentials reset ${a.email} --password-stdin`).join('\n')}\n`
    : ''
  const signIns = signing.length
    ? `Sign in again with each provider (your browser opens; the OAuth client's secret, where it has one, on stdin):\n${signing
        .map(
          (a) =>
            `  mailkey oauth authorize ${a.email}${a.needsSignIn?.clientSecretNeeded ? ' --client-secret-stdin' : ''}`,
        )
        .join('\n')}\n`
    : ''
  const next = passwords + signIns
  return `Imported ${outcome.accounts.length} account${outcome.accounts.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n${next}`
}

/**
 * `mailkey import FILE [--json]` (issue 17): Mailkey's accounts file, all or nothing. A file over the
 * size limit is refused by its size on disk, unread. Exit 0 imported, 1 refused (every problem with its
 * field path, nothing saved), 2 bad usage.
 */
export async function runImportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv)
  const [file, ...extra] = positionals
  if (!file || extra.length) throw new UsageError('import takes one file')
  const json = values.json ?? false
  const print = (outcome: ImportOutcome): number => {
    io.stdout.write(json ? `${JSON.stringify(outcome)}\n` : outcomeText(outcome))
    return outcome.imported ? EXIT.ok : EXIT.failed
  }
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new UsageError(`${file.slice(0, 200)} is not a file`)
    size = stat.size
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`cannot read ${file.slice(0, 200)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  if (size > ACCOUNT_FILE_MAX_BYTES) return print({ imported: false, problems: [sizeProblem(size)] })
  const text = readFileSync(file, 'utf8')
  const { services: s, dir } = await cliServices(io)
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  return print(await s.importAccounts(text))
}
