import { z } from 'zod'
import { FILTER_LIMITS } from './limits.js'

export { FILTER_LIMITS } from './limits.js'

/**
 * An account's incoming filter (issue 17): Allow keeps only the messages that match an entry; Ignore
 * keeps all but those. An entry matches when the From address is one of `addresses`, the From
 * address's domain is one of `domains` (or a subdomain of one), or the Subject contains one of
 * `keywords`. OR within a list and across the lists: any one entry decides, and the first one found
 * (addresses, then domains, then keywords) is named as the rule.
 *
 * Matching follows Sieve (RFC 5228) exactly, so the preview says what the server will do: `address`
 * and `header :contains` tests with the default `i;ascii-casemap` comparator (RFC 4790 §9.2: only
 * A-Z fold to a-z), on the decoded Subject (RFC 5228 §5.7 decodes RFC 2047 words). Keywords match the
 * Subject only, never the body: the preview reads headers only, and a body test would make it lie.
 */
export type FilterMode = 'allow' | 'ignore'

export const FILTER_LISTS = ['addresses', 'domains', 'keywords'] as const
export type FilterList = (typeof FILTER_LISTS)[number]

/** What the server does with a message the filter ignores: file it away (nothing lost) or delete it. */
export type IgnoredAction = { kind: 'folder'; folder: string } | { kind: 'discard' }

export interface IncomingFilter {
  mode: FilterMode
  addresses: string[]
  domains: string[]
  keywords: string[]
  ignored: IgnoredAction
}

export const DEFAULT_IGNORED_FOLDER = 'Ignored'

export const EMPTY_FILTER: IncomingFilter = {
  mode: 'ignore',
  addresses: [],
  domains: [],
  keywords: [],
  ignored: { kind: 'folder', folder: DEFAULT_IGNORED_FOLDER },
}

/** Which list words: for messages that name the list. */
export const LIST_NAMES: Record<FilterList, { one: string; many: string }> = {
  addresses: { one: 'address', many: 'Addresses' },
  domains: { one: 'domain', many: 'Domains' },
  keywords: { one: 'keyword', many: 'Keywords' },
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
const ADDRESS = /^[^\s@"(),:;<>[\\\]]{1,64}@[^\s@"(),:;<>[\\\]*?]+\.[^\s@"(),:;<>[\\\]*?]+$/u
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u

/** Whether `entry` (already normalised) is a valid entry of `list`; a sentence saying why not. */
export function entryProblem(list: FilterList, entry: string): string | null {
  const { one } = LIST_NAMES[list]
  if (entry === '') return `An empty ${one} matches nothing.`
  if (entry.length > FILTER_LIMITS.length[list]) return `A ${one} is at most ${FILTER_LIMITS.length[list]} characters.`
  if (CONTROL.test(entry)) return `A ${one} cannot contain line breaks or control characters.`
  if (list === 'addresses' && !ADDRESS.test(entry)) return `"${entry.slice(0, 60)}" is not an email address.`
  if (list === 'domains') {
    const labels = entry.split('.')
    if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)))
      return `"${entry.slice(0, 60)}" is not a domain like example.com.`
  }
  return null
}

/** One entry as it is kept: addresses and domains lower-cased (ASCII), a domain without "@" or "*.". */
export function normaliseEntry(list: FilterList, raw: string): string {
  const trimmed = raw.trim().replace(/\s+/g, ' ')
  if (list === 'keywords') return trimmed
  const lower = asciiLower(trimmed)
  return list === 'domains' ? lower.replace(/^(\*\.|@)/, '').replace(/\.$/, '') : lower
}

/** RFC 4790 i;ascii-casemap: A-Z to a-z, nothing else (Sieve's default comparator). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

function listSchema(list: FilterList) {
  const { one, many } = LIST_NAMES[list]
  return z
    .array(z.string().max(FILTER_LIMITS.length[list] * 4, `${many}: an entry is too long.`), {
      error: `${many} must be a list.`,
    })
    .max(
      FILTER_LIMITS.entries,
      `${many}: at most ${FILTER_LIMITS.entries.toLocaleString('en')} entries in one list; split the rest into fewer, broader ones (a domain instead of its addresses).`,
    )
    .superRefine((entries, ctx) => {
      const seen = new Set<string>()
      entries.forEach((entry, i) => {
        const problem =
          entry !== normaliseEntry(list, entry)
            ? `Entry ${i + 1} is not as Mailkey keeps it (trimmed${list === 'keywords' ? '' : ', lower case'}).`
            : entryProblem(list, entry)
        if (problem) ctx.addIssue({ code: 'custom', path: [i], message: `${many}: ${problem}` })
        const key = asciiLower(entry)
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `${many}: the ${one} "${entry.slice(0, 60)}" is there twice.`,
          })
        seen.add(key)
      })
    })
}

const FolderSchema = z
  .string()
  .trim()
  .min(1, 'Name the folder for ignored messages.')
  .max(FILTER_LIMITS.folder, `A folder name is at most ${FILTER_LIMITS.folder} characters.`)
  .refine((s) => !CONTROL.test(s), 'A folder name cannot contain line breaks or control characters.')
  .refine((s) => !/[*%]/.test(s), 'A folder name cannot contain * or %.')

/** The filter as IPC accepts it: every limit above, duplicates and empty entries refused with their list named. */
export const IncomingFilterSchema = z.strictObject({
  mode: z.enum(['allow', 'ignore']),
  addresses: listSchema('addresses'),
  domains: listSchema('domains'),
  keywords: listSchema('keywords'),
  ignored: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('folder'), folder: FolderSchema }),
    z.strictObject({ kind: z.literal('discard') }),
  ]),
})

/** How many entries the filter has in all (none: it does nothing). */
export function entryCount(filter: IncomingFilter): number {
  return filter.addresses.length + filter.domains.length + filter.keywords.length
}
