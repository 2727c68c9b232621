import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IMAP_CLIENT_INFO } from '../../src/main/mail/protocol-options.js'
import { DEFAULT_TIMEOUTS } from '../../src/main/mail/timeouts.js'
import packageJson from '../../package.json' with { type: 'json' }
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { runTest } from './run-test.js'

const b = bed()
const alice = BED_USERS.alice

/** Dovecot's log lines for IMAP ID (the bed sets `imap_id_log = *`). */
function idLines(): string[] {
  const log = readFileSync(join(b.dir, 'dovecot', 'log', 'dovecot.log'), 'utf8')
  return log.split('\n').filter((line) => line.includes('ID sent:'))
}

describe('IMAP ID (RFC 2971) names Mailkey, not the library', () => {
  it('fills every field imapflow would otherwise fill with its own name, version, vendor and URL', () => {
    expect(IMAP_CLIENT_INFO).toEqual({
      name: 'Mailkey',
      version: packageJson.version,
      vendor: 'Mailkey',
      'support-url': false,
    })
  })

  it('what reaches a real server (Dovecot) is Mailkey with its version', async () => {
    const before = idLines().length
    const { report } = await runTest({
      email: alice.address,
      password: alice.appPassword,
      incoming: b.imaps,
      timeouts: DEFAULT_TIMEOUTS,
      trust: { ca: b.ca },
    })
    expect(report.incoming?.ok).toBe(true)
    // Dovecot's log process writes a moment later; bounded wait
    const deadline = Date.now() + 3000
    while (idLines().length <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    const sent = idLines().slice(before).join('\n')
    expect(sent).toContain(`name=Mailkey, version=${packageJson.version}, vendor=Mailkey`)
    expect(sent).not.toMatch(/imapflow|Postal Systems|postalsys/i)
  })
})
