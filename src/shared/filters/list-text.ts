import { asciiLower, entryProblem, FILTER_LIMITS, LIST_NAMES, normaliseEntry, type FilterList } from './filter.js'

/** A list as typed (one entry per line), read into entries, with what was tidied and what is wrong. */
export interface ParsedList {
  /** The entries to keep: trimmed, normalised, without empty lines or repeats. */
  entries: string[]
  /** Blank lines dropped. */
  empty: number
  /** Repeated entries dropped (the first is kept), compared as Sieve compares (ASCII case-insensitive). */
  duplicates: string[]
  /** What stops the list from being saved, each naming its line; empty when it can be saved. */
  problems: string[]
}

const SHOWN_PROBLEMS = 5

/**
 * Reads a list the user typed or pasted, one entry per line. Blank lines and repeats are dropped and
 * reported; a wrong entry or too many entries is a problem naming the line, and the text itself is
 * never changed here, so nothing typed is lost while the user fixes it.
 */
export function parseList(list: FilterList, text: string): ParsedList {
  const entries: string[] = []
  const duplicates: string[] = []
  const problems: string[] = []
  const seen = new Set<string>()
  let empty = 0
  let wrong = 0
  // a final line break ends the last line; it is not a blank line of its own
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/)
  lines.forEach((line, i) => {
    const entry = normaliseEntry(list, line)
    if (entry === '') {
      empty++
      return
    }
    const key = asciiLower(entry)
    if (seen.has(key)) {
      duplicates.push(entry)
      return
    }
    seen.add(key)
    const problem = entryProblem(list, entry)
    if (problem) {
      wrong++
      if (wrong <= SHOWN_PROBLEMS) problems.push(`Line ${i + 1}: ${problem}`)
      return
    }
    entries.push(entry)
  })
  if (wrong > SHOWN_PROBLEMS) problems.push(`…and ${wrong - SHOWN_PROBLEMS} more lines like these.`)
  if (entries.length > FILTER_LIMITS.entries) {
    problems.unshift(
      `${LIST_NAMES[list].many}: ${entries.length.toLocaleString('en')} entries; at most ${FILTER_LIMITS.entries.toLocaleString('en')} fit in one list.`,
    )
  }
  return { entries, empty, duplicates, problems }
}

/** What tidying did, in a sentence ('' when nothing was dropped). */
export function tidiedNote(parsed: ParsedList): string {
  const parts: string[] = []
  if (parsed.duplicates.length)
    parts.push(`${parsed.duplicates.length} repeated ${parsed.duplicates.length === 1 ? 'entry' : 'entries'}`)
  if (parsed.empty) parts.push(`${parsed.empty} blank ${parsed.empty === 1 ? 'line' : 'lines'}`)
  return parts.length ? `Left out ${parts.join(' and ')}.` : ''
}
