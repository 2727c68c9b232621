import {
  DEFAULT_IGNORED_FOLDER,
  FILTER_LIMITS,
  FILTER_LISTS,
  type FilterList,
  type FilterMode,
  type IncomingFilter,
} from '../../../../shared/filters/filter.js'
import { parseList, tidiedNote } from '../../../../shared/filters/list-text.js'

/** The filter editor's fields as typed: each list is the text of its box, one entry per line. */
export interface FilterDraft {
  mode: FilterMode
  lists: Record<FilterList, string>
  ignored: 'folder' | 'discard'
  folder: string
}

/** What the draft holds: the filter to save (null while something is wrong), and per field what to say. */
export interface ReadDraft {
  filter: IncomingFilter | null
  /** Why a field cannot be saved; empty arrays when it can. */
  problems: Record<FilterList | 'folder', string[]>
  /** Per list: "12 of 1,000" and what tidying left out. */
  notes: Record<FilterList, string>
}

export function draftFrom(filter: IncomingFilter | null): FilterDraft {
  return {
    mode: filter?.mode ?? 'ignore',
    lists: {
      addresses: filter?.addresses.join('\n') ?? '',
      domains: filter?.domains.join('\n') ?? '',
      keywords: filter?.keywords.join('\n') ?? '',
    },
    ignored: filter?.ignored.kind ?? 'folder',
    folder: filter?.ignored.kind === 'folder' ? filter.ignored.folder : DEFAULT_IGNORED_FOLDER,
  }
}

function folderProblems(folder: string): string[] {
  const name = folder.trim()
  if (!name) return ['Name the folder for ignored messages.']
  if (name.length > FILTER_LIMITS.folder) return [`A folder name is at most ${FILTER_LIMITS.folder} characters.`]
  if (/[*%]/.test(name)) return ['A folder name cannot contain * or %.']
  return []
}

/**
 * Reads the draft as main will check it (shared/filters): lists tidied (blank lines, repeats), each
 * wrong entry named by its line. The draft itself is never changed here: nothing typed is lost.
 */
export function readDraft(draft: FilterDraft): ReadDraft {
  const parsed = Object.fromEntries(FILTER_LISTS.map((l) => [l, parseList(l, draft.lists[l])])) as Record<
    FilterList,
    ReturnType<typeof parseList>
  >
  const folder = draft.ignored === 'folder' ? folderProblems(draft.folder) : []
  const problems = {
    ...Object.fromEntries(FILTER_LISTS.map((l) => [l, parsed[l].problems])),
    folder,
  } as ReadDraft['problems']
  const notes = Object.fromEntries(
    FILTER_LISTS.map((l) => {
      const count = `${parsed[l].entries.length.toLocaleString('en')} of ${FILTER_LIMITS.entries.toLocaleString('en')}.`
      return [l, [count, tidiedNote(parsed[l])].filter(Boolean).join(' ')]
    }),
  ) as Record<FilterList, string>
  const ok = Object.values(problems).every((p) => p.length === 0)
  const filter: IncomingFilter | null = ok
    ? {
        mode: draft.mode,
        addresses: parsed.addresses.entries,
        domains: parsed.domains.entries,
        keywords: parsed.keywords.entries,
        ignored: draft.ignored === 'discard' ? { kind: 'discard' } : { kind: 'folder', folder: draft.folder.trim() },
      }
    : null
  return { filter, problems, notes }
}

/** A saved filter in one line, for the account card. */
export function filterSummary(filter: IncomingFilter | null): string {
  if (!filter) return 'No filter: every message arrives as usual.'
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
  const parts = [
    count(filter.addresses.length, 'address', 'addresses'),
    count(filter.domains.length, 'domain', 'domains'),
    count(filter.keywords.length, 'keyword', 'keywords'),
  ]
  const where = filter.ignored.kind === 'folder' ? `filed in “${filter.ignored.folder}”` : 'deleted'
  return `${filter.mode === 'allow' ? 'Allow' : 'Ignore'}: ${parts.join(', ')}. Ignored mail is ${where}.`
}
