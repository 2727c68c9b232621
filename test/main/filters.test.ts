import { describe, expect, it } from 'vitest'
import { sieveLiteralPattern, sieveScript, sieveString } from '../../src/main/export/sieve-script.js'
import { EMPTY_FILTER, IncomingFilterSchema, type IncomingFilter } from '../../src/shared/filters/filter.js'
import { parseList, tidiedNote } from '../../src/shared/filters/list-text.js'
import { judge } from '../../src/shared/filters/match.js'
import { OFFICE_INPUTS } from '../../src/shared/ipc/contract-office.js'

const filter = (over: Partial<IncomingFilter>): IncomingFilter => ({ ...EMPTY_FILTER, ...over })

describe('a list as typed: one entry per line', () => {
  it('drops blank lines and repeats (as Sieve compares: ASCII case only), and says so', () => {
    const parsed = parseList('keywords', 'Invoice\n\n  invoice \nÄrger\närger\nINVOICE\n')
    expect(parsed.entries).toEqual(['Invoice', 'Ärger', 'ärger'])
    expect(parsed.duplicates).toEqual(['invoice', 'INVOICE'])
    expect(parsed.empty).toBe(1)
    expect(parsed.problems).toEqual([])
    expect(tidiedNote(parsed)).toBe('Left out 2 repeated entries and 1 blank line.')
  })

  it('normalises addresses and domains: lower case, "@" and "*." dropped from a domain', () => {
    expect(parseList('addresses', ' Boss@Client.Test ').entries).toEqual(['boss@client.test'])
    expect(parseList('domains', '@Spam.Test\n*.news.test\nexample.org.').entries).toEqual([
      'spam.test',
      'news.test',
      'example.org',
    ])
  })

  it('10,000 keywords: every entry kept for the user to trim, and one clear problem', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `word ${i}`).join('\n')
    const parsed = parseList('keywords', text)
    expect(parsed.entries).toHaveLength(10_000)
    expect(parsed.problems).toEqual(['Keywords: 10,000 entries; at most 1,000 fit in one list.'])
  })

  it('a wrong entry names its line; more than five are summed up', () => {
    const parsed = parseList(
      'addresses',
      ['ok@x.test', 'nope', ...Array.from({ length: 6 }, (_, i) => `bad ${i}`)].join('\n'),
    )
    expect(parsed.problems[0]).toBe('Line 2: "nope" is not an email address.')
    expect(parsed.problems).toHaveLength(6)
    expect(parsed.problems.at(-1)).toBe('…and 2 more lines like these.')
    expect(parseList('keywords', 'x'.repeat(201)).problems).toEqual(['Line 1: A keyword is at most 200 characters.'])
    expect(parseList('domains', 'localhost').problems).toEqual([
      'Line 1: "localhost" is not a domain like example.com.',
    ])
  })
})

describe('the filter contract (IPC, settings)', () => {
  const input = (f: Partial<IncomingFilter>) => ({ accountId: 'a1', filter: filter(f) })
  const messages = (f: Partial<IncomingFilter>): string[] => {
    const r = OFFICE_INPUTS.setFilter.safeParse(input(f))
    return r.success ? [] : r.error.issues.map((i) => i.message)
  }

  it('accepts a filter within the limits', () => {
    expect(messages({ keywords: Array.from({ length: 1000 }, (_, i) => `k${i}`), addresses: ['a@b.test'] })).toEqual([])
  })

  it.each([
    [
      '10,000 keywords',
      { keywords: Array.from({ length: 10_000 }, (_, i) => `k${i}`) },
      /Keywords: at most 1,000 entries/,
    ],
    ['an empty keyword', { keywords: ['a', ''] }, /Keywords: An empty keyword matches nothing/],
    ['a repeated address', { addresses: ['a@b.test', 'A@B.test'] }, /not as Mailkey keeps it|is there twice/],
    ['a repeat in another case', { keywords: ['Spam', 'SPAM'] }, /the keyword "SPAM" is there twice/],
    ['a keyword with a line break', { keywords: ['a\r\nrequire "x";'] }, /not as Mailkey keeps it|line breaks/],
    ['a very long keyword', { keywords: ['k'.repeat(5000)] }, /too long|at most 200/],
    ['a folder with a line break', { ignored: { kind: 'folder', folder: 'In\nbox' } }, /folder name cannot contain/],
  ] as const)('refuses %s with a message naming the list', (_what, f, message) => {
    expect(messages(f as Partial<IncomingFilter>).join(' ')).toMatch(message)
  })

  it('refuses unknown keys (a script cannot be smuggled in)', () => {
    expect(IncomingFilterSchema.safeParse({ ...EMPTY_FILTER, script: 'discard;' }).success).toBe(false)
  })
})

describe('judging a message as Sieve would', () => {
  const f = filter({ addresses: ['boss@client.test'], domains: ['shop.test'], keywords: ['invoice', 'GRÖßE'] })
  it.each([
    [['BOSS@client.TEST'], 'Hi', 'ignored', 'addresses:boss@client.test'],
    [['a@shop.test'], 'Hi', 'ignored', 'domains:shop.test'],
    [['a@eu.news.shop.test'], 'Hi', 'ignored', 'domains:shop.test'],
    [['a@notshop.test'], 'Hi', 'allowed', null],
    [['a@shop.test.evil'], 'Hi', 'allowed', null],
    [['x@y.test', 'boss@client.test'], 'Hi', 'ignored', 'addresses:boss@client.test'],
    [['x@y.test'], 'Your INVOICE is ready', 'ignored', 'keywords:invoice'],
    // i;ascii-casemap folds A-Z only: "größe" does not contain "GRÖßE"
    [['x@y.test'], 'Größe', 'allowed', null],
    [['x@y.test'], 'GRÖßE', 'ignored', 'keywords:GRÖßE'],
    [[], '', 'allowed', null],
  ] as const)('From %j, Subject %j → %s by %s', (from, subject, verdict, rule) => {
    const v = judge(f, { from, subject })
    expect({ verdict: v.verdict, rule: v.rule ? `${v.rule.list}:${v.rule.entry}` : null }).toEqual({ verdict, rule })
  })

  it('Allow turns it round; a filter without entries lets everything through', () => {
    expect(judge({ ...f, mode: 'allow' }, { from: ['a@shop.test'], subject: '' })).toMatchObject({ verdict: 'allowed' })
    expect(judge({ ...f, mode: 'allow' }, { from: ['a@b.test'], subject: '' })).toEqual({
      verdict: 'ignored',
      rule: null,
    })
    expect(judge(filter({ mode: 'allow' }), { from: ['a@b.test'], subject: '' }).verdict).toBe('allowed')
  })
})

describe('the Sieve script', () => {
  it('escapes quotes and backslashes in strings (RFC 5228 §2.4.2), and wildcards in :matches patterns', () => {
    expect(sieveString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"')
    expect(sieveString('Größe')).toBe('"Größe"')
    expect(sieveLiteralPattern('a*b?c\\d')).toBe('a\\*b\\?c\\\\d')
    expect(sieveString(`*.${sieveLiteralPattern('a*b')}`)).toBe('"*.a\\\\*b"')
  })

  it('Ignore files matching mail; every list is one test', () => {
    const script = sieveScript(
      filter({
        addresses: ['a@b.test'],
        domains: ['spam.test'],
        keywords: ['"x"'],
        ignored: { kind: 'folder', folder: 'Not "now"' },
      }),
      { email: 'me@x.test' },
    )
    expect(script).toContain('require ["fileinto", "mailbox"];')
    expect(script).toContain('address :all :is "from" ["a@b.test"]')
    expect(script).toContain('address :domain :is "from" ["spam.test"]')
    expect(script).toContain('address :domain :matches "from" ["*.spam.test"]')
    expect(script).toContain('header :contains "subject" ["\\"x\\""]')
    expect(script).toContain('if anyof (')
    expect(script).toContain('fileinto :create "Not \\"now\\"";')
    expect(script).toContain('# Mailkey incoming filter for me@x.test.')
  })

  it('Allow with discard: "not", no require, deterministic (what was shown is what is uploaded)', () => {
    const f2 = filter({ mode: 'allow', keywords: ['urgent'], ignored: { kind: 'discard' } })
    const script = sieveScript(f2, { email: 'me@x.test' })
    expect(script).toContain('if not header :contains "subject" ["urgent"] {\n  discard;\n  stop;\n}')
    expect(script).not.toContain('require')
    expect(sieveScript(f2, { email: 'me@x.test' })).toBe(script)
  })

  it('refuses a filter without entries', () => {
    expect(() => sieveScript(filter({ mode: 'allow' }), { email: 'me@x.test' })).toThrow(/ignore every message/)
    expect(() => sieveScript(filter({}), { email: 'me@x.test' })).toThrow(/nothing to put in a script/)
  })
})
