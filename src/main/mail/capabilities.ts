import type { ImapCapabilities, Pop3Capabilities, SmtpCapabilities } from '../../shared/report.js'

/** What imapflow knows after signing in (its `capabilities` map), plus the quota root's usage if asked. */
export function imapCapabilities(
  caps: ReadonlyMap<string, unknown>,
  quota?: { storage?: { usage?: number; limit?: number } } | false,
): ImapCapabilities {
  const has = (name: string): boolean => caps.has(name)
  const storage = quota ? quota.storage : undefined
  return {
    protocol: 'imap',
    idle: has('IDLE'),
    condstore: has('CONDSTORE') || has('QRESYNC'),
    qresync: has('QRESYNC'),
    move: has('MOVE'),
    quota: has('QUOTA') || [...caps.keys()].some((c) => c.startsWith('QUOTA=')),
    ...(storage && typeof storage.usage === 'number'
      ? {
          quotaUsage: {
            usedBytes: storage.usage,
            limitBytes: typeof storage.limit === 'number' ? storage.limit : null,
          },
        }
      : {}),
    utf8Accept: has('UTF8=ACCEPT') || has('UTF8=ONLY'),
    all: [...caps.keys()].sort(),
  }
}

/**
 * The keywords of an EHLO reply (RFC 5321 §4.1.1.1): every line after the first ("250-host greets
 * you"), as the server wrote them. SIZE carries the limit in bytes; 0 or none means no stated limit.
 */
export function smtpCapabilities(ehloLines: readonly string[]): SmtpCapabilities {
  const keywords = ehloLines
    .slice(1)
    .map((l) => l.replace(/^250[ -]/, '').trim())
    .filter(Boolean)
  const names = new Set(keywords.map((k) => (k.split(/[\s=]/)[0] ?? '').toUpperCase()))
  const size = Number(keywords.find((k) => /^SIZE\b/i.test(k))?.split(/\s+/)[1])
  return {
    protocol: 'smtp',
    sizeMb: Number.isFinite(size) && size > 0 ? Math.round((size / 1024 / 1024) * 10) / 10 : null,
    smtputf8: names.has('SMTPUTF8'),
    eightBitMime: names.has('8BITMIME'),
    pipelining: names.has('PIPELINING'),
    dsn: names.has('DSN'),
    all: keywords,
  }
}

/** A POP3 CAPA list (upper-cased lines). */
export function pop3Capabilities(capa: ReadonlySet<string>): Pop3Capabilities {
  const names = new Set([...capa].map((l) => l.split(' ')[0] ?? ''))
  return { protocol: 'pop3', uidl: names.has('UIDL'), top: names.has('TOP'), all: [...capa].sort() }
}
