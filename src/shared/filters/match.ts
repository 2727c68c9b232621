import { asciiLower, type FilterList, type IncomingFilter } from './filter.js'

/** What a filter looks at in a message: its From addresses and its decoded Subject. */
export interface MessageHeaders {
  from: readonly string[]
  subject: string
}

/** The entry that decided, and in which list. */
export interface FilterRule {
  list: FilterList
  entry: string
}

export interface FilterVerdict {
  verdict: 'allowed' | 'ignored'
  /** The entry that matched; null when none did (Allow: ignored for matching nothing; Ignore: allowed). */
  rule: FilterRule | null
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@')
  return at < 0 ? '' : address.slice(at + 1)
}

/** The first entry that matches, in the order addresses, domains, keywords (as the Sieve script tests them). */
export function firstMatch(filter: IncomingFilter, message: MessageHeaders): FilterRule | null {
  const from = message.from.map(asciiLower)
  const address = filter.addresses.find((a) => from.includes(asciiLower(a)))
  if (address !== undefined) return { list: 'addresses', entry: address }
  const domains = from.map(domainOf)
  const domain = filter.domains.find((d) => {
    const want = asciiLower(d)
    return domains.some((got) => got === want || got.endsWith(`.${want}`))
  })
  if (domain !== undefined) return { list: 'domains', entry: domain }
  const subject = asciiLower(message.subject)
  const keyword = filter.keywords.find((k) => subject.includes(asciiLower(k)))
  return keyword === undefined ? null : { list: 'keywords', entry: keyword }
}

/**
 * What the filter does with one message, and by which entry. A filter without entries lets every
 * message through (it is off), whatever its mode.
 */
export function judge(filter: IncomingFilter, message: MessageHeaders): FilterVerdict {
  const rule = firstMatch(filter, message)
  const empty = filter.addresses.length + filter.domains.length + filter.keywords.length === 0
  if (filter.mode === 'ignore' || empty) return { verdict: rule ? 'ignored' : 'allowed', rule }
  return { verdict: rule ? 'allowed' : 'ignored', rule }
}
