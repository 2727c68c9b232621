import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/main/diagnosis/index.js'
import { CAUSES } from '../../src/shared/diagnosis.js'
import { CORPUS, type CorpusEntry } from './diagnosis-corpus.js'

function run(e: CorpusEntry): ReturnType<typeof diagnose> {
  return diagnose({
    text: e.text,
    ...(e.code ? { code: e.code } : {}),
    ...(e.protocol ? { protocol: e.protocol } : {}),
    ...e.context,
  })
}

describe('diagnosis corpus: real texts from issue trackers and provider docs', () => {
  it.each(CORPUS.map((e) => [e.provider, e.expected, e.text.slice(0, 90).replace(/\s+/g, ' '), e] as const))(
    '%s → %s: %s',
    (_provider, expected, _text, entry) => {
      const d = run(entry)
      expect(d.cause).toBe(expected)
      expect(d.title.length).toBeGreaterThan(0)
      expect(d.fix.label.length).toBeGreaterThan(0)
      expect(d.serverText).toBe(entry.text.trim())
    },
  )

  it('holds at least 100 entries, each with a source', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100)
    for (const e of CORPUS) expect(e.source).toMatch(/^https:\/\//)
  })

  it('shows every cause of the vocabulary with at least one real text', () => {
    const seen = new Set(CORPUS.map((e) => e.expected))
    const missing = CAUSES.filter((c) => !seen.has(c))
    expect(missing).toEqual([])
  })

  it('covers the providers the issue names', () => {
    const seen = new Set(CORPUS.map((e) => e.provider))
    for (const p of [
      'gmail',
      'google-workspace',
      'outlook',
      'microsoft-365',
      'exchange',
      'yahoo',
      'aol',
      'icloud',
      'zoho',
      'fastmail',
      'dovecot',
      'postfix',
      'exim',
      'node',
    ] as const) {
      expect(seen.has(p)).toBe(true)
    }
  })
})

describe('diagnosis corpus: the client stacks and mail apps issue 11 names', () => {
  it('holds at least one text of each, from its own source', () => {
    const tagged = new Map<string, Set<string>>()
    for (const e of CORPUS) if (e.stack) tagged.set(e.stack, (tagged.get(e.stack) ?? new Set()).add(e.source))
    for (const stack of [
      'openssl',
      'gnutls',
      'curl',
      'python',
      'java',
      'mailkit',
      'system-net-mail',
      'phpmailer',
      'symfony-mailer',
      'go',
      'node',
      'thunderbird',
      'apple-mail',
      'outlook',
      'phone',
    ] as const) {
      expect(tagged.get(stack)?.size ?? 0, stack).toBeGreaterThanOrEqual(1)
    }
  })

  it('names Outlook’s error numbers the issue lists by their meaning', () => {
    const outlook = CORPUS.filter((e) => e.stack === 'outlook').map((e) => e.text.match(/0x[0-9A-F]{8}/i)?.[0])
    for (const code of ['0x800CCC0E', '0x800CCC0F', '0x800CCC92', '0x800CCC90', '0x80042109'])
      expect(outlook.map((c) => c?.toUpperCase())).toContain(code.toUpperCase())
  })
})
