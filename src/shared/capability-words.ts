import type { ServerCapabilities } from './report.js'

/** The extensions that matter to a mail app, in a line: "IDLE, MOVE, QUOTA (12 MB of 1024 MB used)". */
export function capabilityWords(c: ServerCapabilities): string {
  const on = (pairs: [boolean, string][]): string[] => pairs.filter(([has]) => has).map(([, name]) => name)
  switch (c.protocol) {
    case 'imap': {
      const quota = c.quotaUsage
        ? `QUOTA (${Math.round(c.quotaUsage.usedBytes / 1048576)} MB${c.quotaUsage.limitBytes ? ` of ${Math.round(c.quotaUsage.limitBytes / 1048576)} MB` : ''} used)`
        : 'QUOTA'
      return on([
        [c.idle, 'IDLE (push)'],
        [c.condstore, 'CONDSTORE'],
        [c.qresync, 'QRESYNC'],
        [c.move, 'MOVE'],
        [c.quota, quota],
        [c.utf8Accept, 'UTF8=ACCEPT'],
      ]).join(', ')
    }
    case 'smtp':
      return on([
        [c.sizeMb !== null, `SIZE (up to ${c.sizeMb ?? 0} MB)`],
        [c.smtputf8, 'SMTPUTF8'],
        [c.eightBitMime, '8BITMIME'],
        [c.pipelining, 'PIPELINING'],
        [c.dsn, 'DSN'],
      ]).join(', ')
    case 'pop3':
      return on([
        [c.uidl, 'UIDL'],
        [c.top, 'TOP'],
      ]).join(', ')
  }
}
