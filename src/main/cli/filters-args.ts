import { readFileSync } from 'node:fs'
import {
  DEFAULT_IGNORED_FOLDER,
  IncomingFilterSchema,
  LIST_NAMES,
  type FilterList,
  type IncomingFilter,
} from '../../shared/filters/filter.js'
import { parseList, tidiedNote } from '../../shared/filters/list-text.js'
import { UsageError } from './io.js'

/** The flags of `mailkey filters set`. */
export interface SetFlags {
  mode?: string | undefined
  address?: string[] | undefined
  domain?: string[] | undefined
  keyword?: string[] | undefined
  'addresses-file'?: string | undefined
  'domains-file'?: string | undefined
  'keywords-file'?: string | undefined
  'ignored-folder'?: string | undefined
  discard?: boolean | undefined
}

const MAX_FILE = 1024 * 1024

function readListFile(path: string, flag: string): string {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path.slice(0, 200)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (text.length > MAX_FILE)
    throw new UsageError(`${flag}: ${path.slice(0, 200)} is over 1 MB; a list holds at most 1,000 entries`)
  return text
}

/**
 * A list from its repeated flag and its file (one entry per line), read as the app's list editor reads
 * what is typed: blank lines and repeats are left out and said so on `note`; any wrong entry or too
 * many entries is a usage error naming the line, and nothing is saved.
 */
function listOf(
  list: FilterList,
  flags: string[] | undefined,
  file: string | undefined,
  note: (s: string) => void,
): string[] {
  const fileFlag = `--${list}-file`
  const text = [...(flags ?? []), ...(file ? [readListFile(file, fileFlag)] : [])].join('\n')
  const parsed = parseList(list, text)
  if (parsed.problems.length) throw new UsageError(`${LIST_NAMES[list].many}: ${parsed.problems.join(' ')}`)
  const tidied = tidiedNote(parsed)
  if (tidied) note(`${LIST_NAMES[list].many}: ${tidied}`)
  return parsed.entries
}

/** The filter `mailkey filters set` describes, checked by the same schema as the app's IPC. */
export function filterFromFlags(v: SetFlags, note: (s: string) => void): IncomingFilter {
  if (v.mode !== 'allow' && v.mode !== 'ignore') throw new UsageError('--mode must be allow or ignore')
  if (v.discard && v['ignored-folder'] !== undefined)
    throw new UsageError('choose --discard or --ignored-folder, not both')
  const filter = {
    mode: v.mode,
    addresses: listOf('addresses', v.address, v['addresses-file'], note),
    domains: listOf('domains', v.domain, v['domains-file'], note),
    keywords: listOf('keywords', v.keyword, v['keywords-file'], note),
    ignored: v.discard
      ? { kind: 'discard' as const }
      : { kind: 'folder' as const, folder: v['ignored-folder'] ?? DEFAULT_IGNORED_FOLDER },
  }
  const r = IncomingFilterSchema.safeParse(filter)
  if (!r.success)
    throw new UsageError(
      r.error.issues
        .map((i) => i.message)
        .slice(0, 3)
        .join(' '),
    )
  return r.data
}
