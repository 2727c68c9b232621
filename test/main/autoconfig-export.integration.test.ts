import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoveryNet } from '../../src/main/discovery/default-net.js'
import { createDiscovery } from '../../src/main/discovery/discover.js'
import { accountsOfDomain } from '../../src/main/export/autoconfig.js'
import { exportAccounts } from '../../src/main/export/index.js'
import type { Account } from '../../src/shared/account.js'
import { PRESETS } from '../../src/shared/providers.js'
import { startAutoconfigServer, type AutoconfigServer } from '../bed/autoconfig-server.js'
import { startDnsServer, type TestDnsServer } from '../bed/dns-server.js'
import { zoneIspdb, zonePorts } from '../bed/discovery-zone.js'
import { bed } from './bed.js'

/**
 * Issue 17, "Export for other devices": the office's autoconfig file for its domain, made from its
 * saved accounts, published at https://autoconfig.<domain>/mail/config-v1.1.xml by a real HTTPS server
 * on loopback (the bed's CA) behind a real DNS server, and read back by Mailkey's own discovery.
 */
const b = bed()
let dns: TestDnsServer
let web: AutoconfigServer
let published = ''

function account(over: Partial<Account>): Account {
  return {
    id: 'a',
    email: 'anna@office.test',
    displayName: '',
    username: 'anna@office.test',
    providerId: null,
    incoming: { protocol: 'imap', host: 'mail.office.test', port: b.ports.imaps, security: 'tls' },
    outgoing: { host: 'mail.office.test', port: b.ports.submission, security: 'starttls' },
    outgoingUsername: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    lastVerifiedAt: null,
    stale: null,
    aliases: [],
    filter: null,
    oauth: null,
    replyTo: null,
    outgoingFallbacks: [],
    connection: { proxy: null, minTls: [], pins: [], cas: [] },
    ...over,
  }
}

const SAVED: Account[] = [
  account({ id: 'a' }),
  // the same servers again: one element, not two
  account({ id: 'b', email: 'bert@office.test', username: 'bert@office.test' }),
  // a POP3 mailbox and a second submission port on the same domain
  account({
    id: 'c',
    email: 'carla@Office.test',
    username: 'carla',
    incoming: { protocol: 'pop3', host: 'mail.office.test', port: b.ports.pop3s, security: 'tls' },
    outgoing: { host: 'mail.office.test', port: b.ports.smtps, security: 'tls' },
  }),
  // another domain: not in this domain's file
  account({ id: 'd', email: 'dan@elsewhere.test', username: 'dan@elsewhere.test' }),
]

beforeAll(async () => {
  dns = await startDnsServer({
    zone: { 'autoconfig.office.test': { A: ['127.0.0.1'] }, 'mail.office.test': { A: ['127.0.0.1'] } },
  })
  web = await startAutoconfigServer({
    key: b.certs.server.key,
    cert: b.certs.server.cert,
    routes: (scheme, host, path) =>
      scheme === 'https' && host === 'autoconfig.office.test' && path.startsWith('/mail/config-v1.1.xml')
        ? { status: 200, body: published }
        : undefined,
  })
})
afterAll(async () => {
  await web.close()
  await dns.close()
})

describe('autoconfig export → published on loopback HTTPS → found by discovery', () => {
  it('discovery finds exactly the exported servers, user names filled from each address', async () => {
    const doc = exportAccounts('thunderbird-autoconfig', accountsOfDomain(SAVED, 'office.test'))
    expect(doc.fileName).toBe('office.test.xml')
    published = doc.content
    const discover = createDiscovery({
      catalog: PRESETS,
      net: discoveryNet({ dnsServers: [dns.server], ca: b.ca, ports: zonePorts(b, web), ispdbBase: zoneIspdb(web) }),
    })
    for (const [email, pop3User] of [
      ['zoe@office.test', 'zoe'],
      ['carla@office.test', 'carla'],
    ] as const) {
      const d = await discover(email)
      expect(d.source).toBe('autoconfig')
      const fromFile = (list: typeof d.incoming | typeof d.outgoing) =>
        list.filter((f) => f.source === 'autoconfig').map((f) => ({ server: f.server, username: f.username }))
      expect(fromFile(d.incoming)).toEqual([
        {
          server: { protocol: 'imap', host: 'mail.office.test', port: b.ports.imaps, security: 'tls' },
          username: email,
        },
        {
          server: { protocol: 'pop3', host: 'mail.office.test', port: b.ports.pop3s, security: 'tls' },
          username: pop3User,
        },
      ])
      expect(fromFile(d.outgoing)).toEqual([
        { server: { host: 'mail.office.test', port: b.ports.submission, security: 'starttls' }, username: email },
        { server: { host: 'mail.office.test', port: b.ports.smtps, security: 'tls' }, username: pop3User },
      ])
    }
    expect(web.requests).toContain('https://autoconfig.office.test/mail/config-v1.1.xml')
    // the address never left: only the domain is asked for
    expect(web.requests.every((r) => !r.includes('zoe') && !r.includes('carla'))).toBe(true)
  })
})
