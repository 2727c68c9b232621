import { entryCount, LIST_NAMES, type IncomingFilter } from '../../shared/filters/filter.js'
import { AppError } from '../app-error.js'

/**
 * A Sieve string (RFC 5228 §2.4.2): quoted, with `"` and `\` escaped by a backslash. Entries hold no
 * CR, LF or other control character (the filter schema refuses them), so one line each.
 */
export function sieveString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`
}

/**
 * A `:matches` pattern that matches `literal` exactly: `*`, `?` and `\` are wildcards or escapes in
 * the pattern (RFC 5228 §2.7.1), so each is escaped first; the result is then quoted as a string.
 */
export function sieveLiteralPattern(literal: string): string {
  return literal.replace(/[\\*?]/g, '\\$&')
}

function stringList(values: readonly string[]): string {
  return `[${values.map(sieveString).join(', ')}]`
}

/** The comment header, one `#` line per line of text (an address never holds a line break). */
function comment(lines: readonly string[]): string {
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`.trimEnd()).join('\n')
}

/**
 * The filter as a Sieve script (RFC 5228) that does on the server what the preview shows:
 * - the From address is one of the addresses: `address :all :is "from"`;
 * - its domain is one of the domains or below one: `address :domain :is` and `:matches "*.<domain>"`;
 * - the Subject contains a keyword: `header :contains "subject"` (Subject only, never the body);
 * all with the default comparator `i;ascii-casemap`. Allow ignores what matches none; Ignore ignores
 * what matches one. Ignored mail is filed with `fileinto :create` (RFC 5228 §4.1, RFC 5490 §3.2: the
 * folder is made if missing) or deleted with `discard`; everything else is kept as usual.
 *
 * Throws INVALID_INPUT for a filter with no entries: an Ignore filter would do nothing, and an Allow
 * filter would ignore every message.
 */
export function sieveScript(filter: IncomingFilter, account: { email: string }): string {
  if (entryCount(filter) === 0) {
    throw new AppError(
      'INVALID_INPUT',
      filter.mode === 'allow'
        ? 'This Allow filter has no entries, so it would ignore every message. Add an address, a domain or a keyword.'
        : 'This filter has no entries, so there is nothing to put in a script. Add an address, a domain or a keyword.',
    )
  }
  const tests: string[] = []
  if (filter.addresses.length) tests.push(`address :all :is "from" ${stringList(filter.addresses)}`)
  if (filter.domains.length) {
    tests.push(`address :domain :is "from" ${stringList(filter.domains)}`)
    tests.push(
      `address :domain :matches "from" ${stringList(filter.domains.map((d) => `*.${sieveLiteralPattern(d)}`))}`,
    )
  }
  if (filter.keywords.length) tests.push(`header :contains "subject" ${stringList(filter.keywords)}`)
  const folder = filter.ignored.kind === 'folder' ? filter.ignored.folder : null
  const action = folder === null ? 'discard;' : `fileinto :create ${sieveString(folder)};`
  const lists = (['addresses', 'domains', 'keywords'] as const)
    .filter((l) => filter[l].length)
    .map((l) => `${filter[l].length} ${filter[l].length === 1 ? LIST_NAMES[l].one : LIST_NAMES[l].many.toLowerCase()}`)
  const head = comment([
    `Mailkey incoming filter for ${account.email}.`,
    filter.mode === 'allow'
      ? `Allow: only mail whose From address, its domain or its Subject matches an entry is kept (${lists.join(', ')}).`
      : `Ignore: mail whose From address, its domain or its Subject matches an entry is ignored (${lists.join(', ')}).`,
    folder === null ? 'Ignored mail is deleted.' : `Ignored mail is filed in the folder "${folder}".`,
  ])
  const requires = folder === null ? '' : 'require ["fileinto", "mailbox"];\n\n'
  const condition = tests.length === 1 ? (tests[0] ?? '') : `anyof (\n    ${tests.join(',\n    ')}\n  )`
  const test = filter.mode === 'allow' ? `not ${condition}` : condition
  return `${head}\n${requires}if ${test} {\n  ${action}\n  stop;\n}\n`
}
