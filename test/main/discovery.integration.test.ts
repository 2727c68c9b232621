import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Discovery } from '../../src/main/discovery/discover.js'
import { DiscoveryService } from '../../src/main/discovery/discovery-service.js'
import { runTest } from './run-test.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { startZone, type ZoneServers } from './discovery-zone.js'

/**
 * Discovery against real parts on loopback: a DNS server (dns2) serving the test zone, an HTTPS and an
 * HTTP server publishing autoconfig files and a provider database mirror with the bed's CA, and the
 * bed's Dovecot and SMTP servers answering guesses. One case per kind the issue lists.
 */
const b = bed()
const alice = BED_USERS.alice
let zone: ZoneServers

beforeAll(async () => {
  zone = await startZone(b)
})
afterAll(() => zone.stop())

/** One line per case for the closing note: source and time. */
function note(what: string, d: Discovery): void {
  console.log(`discovery case: ${what.padEnd(28)} → ${String(d.source).padEnd(10)} ${d.ms} ms`)
}

function lookup(d: Discovery, source: string) {
  return d.lookups.find((l) => l.source === source)
}

describe('discovery on loopback', () => {
  it('autoconfig found: the domain’s file wins, user name from its template, plaintext servers left out', async () => {
    const d = await zone.discover('alice@published.test')
    note('autoconfig', d)
    expect(d.source).toBe('autoconfig')
    expect(d.incoming[0]).toMatchObject({
      server: { protocol: 'imap', host: 'mail.published.test', port: b.ports.imaps, security: 'tls' },
      username: 'alice',
      source: 'autoconfig',
      trusted: true,
    })
    expect(d.incoming.map((f) => f.server.protocol)).toEqual(['imap', 'pop3'])
    expect(d.incoming.some((f) => f.server.host === 'legacy.published.test')).toBe(false)
    expect(lookup(d, 'autoconfig')?.detail).toMatch(/legacy\.published\.test:143 without encryption/)
    expect(d.outgoing[0]).toMatchObject({
      server: { host: 'mail.published.test', security: 'starttls' },
      username: 'alice@published.test',
    })
    expect(d.publisher).toBe('Published Mail')
    expect(d.signIn).toBe('password')
    // only the domain's own servers were asked, and never with the address
    expect(zone.web.requests.filter((r) => r.includes('published.test')).every((r) => !r.includes('alice'))).toBe(true)
  })

  it('only .well-known published: found there', async () => {
    const d = await zone.discover('bob@wellknown.test')
    note('well-known only', d)
    expect(d.source).toBe('well-known')
    expect(lookup(d, 'autoconfig')?.outcome).toBe('nothing')
    expect(d.incoming[0]).toMatchObject({ server: { host: 'mail.wellknown.test' }, trusted: true })
  })

  it('HTTP only: not used unless allowed; allowed, every host needs confirming', async () => {
    const strict = await zone.discover('carol@plainhttp.test')
    // without the user's leave the HTTP file is not read: the guessed server (valid certificate) answers
    expect(lookup(strict, 'autoconfig')?.outcome).toBe('nothing')
    expect(zone.web.requests).not.toContain('http://autoconfig.plainhttp.test/mail/config-v1.1.xml')
    expect(strict.incoming[0]).toMatchObject({ source: 'guess', trusted: true })
    const allowed = await zone.discover('carol@plainhttp.test', { allowHttp: true })
    note('HTTP only (allowed)', allowed)
    expect(allowed.source).toBe('autoconfig')
    expect(allowed.incoming[0]).toMatchObject({ server: { host: 'mail.plainhttp.test' }, trusted: false })
    expect(allowed.incoming[0]?.caution).toMatch(/mail\.plainhttp\.test came from .*plain HTTP/)
    expect(allowed.incoming[0]?.via).toMatch(/^http:\/\/autoconfig\.plainhttp\.test:\d+\/mail\/config-v1\.1\.xml$/)
  })

  it('published settings pointing outside the domain need confirming, naming the host', async () => {
    const d = await zone.discover('dan@elsewhere.test')
    expect(d.incoming[0]).toMatchObject({ server: { host: 'mail.hostco.test' }, trusted: false })
    expect(d.incoming[0]?.caution).toMatch(/mail\.hostco\.test is not part of elsewhere\.test/)
  })

  it.each([
    ['workspace.test', 'smtp.google.com'],
    ['workspace-legacy.test', 'aspmx.l.google.com'],
  ])('MX → Google Workspace (%s, %s), and it says which sign-in', async (domain) => {
    const d = await zone.discover(`erin@${domain}`)
    note(`MX Workspace ${domain}`, d)
    expect(d).toMatchObject({ source: 'mx', provider: { id: 'google-workspace' }, signIn: 'app-password' })
    expect(d.incoming[0]).toMatchObject({ server: { host: 'imap.gmail.com', port: 993 }, trusted: true })
  })

  it.each([
    ['m365.test', 'legacy *.mail.protection.outlook.com'],
    ['m365new.test', 'newer *.mx.microsoft'],
  ])('MX → Microsoft 365 (%s, %s): OAuth', async (domain) => {
    const d = await zone.discover(`frank@${domain}`)
    note(`MX Microsoft 365 ${domain}`, d)
    expect(d).toMatchObject({ source: 'mx', provider: { id: 'microsoft-365' }, signIn: 'oauth2' })
    expect(d.outgoing[0]).toMatchObject({ server: { host: 'smtp.office365.com', port: 587, security: 'starttls' } })
  })

  it('ISPDB via MX: the MX host’s domain in the provider database', async () => {
    const d = await zone.discover('gina@hosted.test')
    note('ISPDB via MX', d)
    expect(d.source).toBe('mx')
    expect(d.incoming[0]).toMatchObject({ server: { host: 'imap.hostco.test', port: b.ports.imaps }, trusted: true })
    expect(d.incoming[0]?.via).toMatch(/v1\.1\/hostco\.test \(MX mx1\.mail\.hostco\.test\)/)
    // the sub-domain first, then the base domain (Thunderbird's order); only domains were sent
    const asked = zone.web.requests.filter((r) => r.includes('/v1.1/') && r.includes('hostco'))
    expect(asked).toEqual(
      expect.arrayContaining(['https://127.0.0.1/v1.1/mail.hostco.test', 'https://127.0.0.1/v1.1/hostco.test']),
    )
  })

  it('ISPDB: the domain itself in the provider database', async () => {
    const d = await zone.discover('hugo@hostco.test')
    note('ISPDB', d)
    expect(d).toMatchObject({ source: 'ispdb' })
    expect(d.outgoing[0]).toMatchObject({ server: { host: 'smtp.hostco.test', port: b.ports.smtps, security: 'tls' } })
  })

  it('SRV only: implicit TLS first, then by priority', async () => {
    const d = await zone.discover('ida@srvonly.test')
    note('SRV only', d)
    expect(d.source).toBe('srv')
    expect(d.incoming.map((f) => [f.server.host, f.server.port, f.server.security])).toEqual([
      ['mail.srvonly.test', b.ports.imaps, 'tls'],
      ['mail.srvonly.test', b.ports.imap, 'starttls'],
    ])
    expect(d.outgoing.map((f) => f.server.host)).toEqual(['mail.srvonly.test', 'backup.srvonly.test'])
    expect(d.outgoing.every((f) => f.trusted && f.via === 'SRV _submission._tcp.srvonly.test')).toBe(true)
  })

  it('an SRV target of "." means not offered: said so, and not guessed into the answer either', async () => {
    const d = await zone.discover('jo@srvdot.test')
    note('SRV "." target', d)
    expect(d.incoming).toEqual([])
    expect(d.outgoing[0]).toMatchObject({ server: { host: 'mail.srvdot.test', port: b.ports.smtps } })
    expect(lookup(d, 'srv')).toMatchObject({ outcome: 'partial' })
    expect(lookup(d, 'srv')?.detail).toMatch(/_imaps\._tcp\.srvdot\.test: "\." \(not offered\)/)
  })

  it('nothing published → guess: the bed’s servers answered at imap./smtp. names, and they pass a real test', async () => {
    const d = await zone.discover('alice@guess.test')
    note('nothing published → guess', d)
    expect(d.source).toBe('guess')
    expect(d.incoming[0]).toMatchObject({
      server: { host: 'imap.guess.test', port: b.ports.imaps, security: 'tls' },
      trusted: true,
    })
    expect(d.outgoing[0]).toMatchObject({
      server: { host: 'smtp.guess.test', port: b.ports.smtps, security: 'tls' },
      trusted: true,
    })
    for (const source of ['autoconfig', 'well-known', 'ispdb', 'mx', 'srv'] as const) {
      expect(lookup(d, source)?.outcome).toBe('nothing')
    }
    const incoming = d.incoming[0].server
    const outgoing = d.outgoing[0].server
    // the zone's names resolve through its DNS only: the probes are given the addresses
    const { report } = await runTest({
      email: alice.address,
      password: alice.appPassword,
      trust: { ca: b.ca },
      incoming: { ...incoming, host: '127.0.0.1' },
      outgoing: { ...outgoing, host: '127.0.0.1' },
    })
    expect(report.incoming?.ok && report.outgoing?.ok).toBe(true)
  })

  it('every lookup black-holed: a result by the deadline, each lookup timed out', async () => {
    const t0 = Date.now()
    const d = await zone.discover('ken@blackhole.test', { deadlineMs: 2000 })
    note('all black-holed (2 s deadline)', d)
    expect(Date.now() - t0).toBeLessThan(2800)
    expect(d.incoming).toEqual([])
    for (const source of ['autoconfig', 'well-known', 'ispdb', 'mx', 'srv', 'guess'] as const) {
      expect(lookup(d, source)?.outcome).toBe('timeout')
    }
  })

  it.each([
    ['badxml.test', /not well-formed XML \(line 1/],
    ['bigxml.test', /more than 262144 bytes/],
    ['redirect.test', /redirected to https:\/\/evil\.test: not followed/],
  ])('a bad autoconfig answer at %s is a clear failure of that lookup', async (domain, detail) => {
    const d = await zone.discover(`lee@${domain}`)
    note(`bad answer ${domain}`, d)
    expect(lookup(d, 'autoconfig')).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(detail) })
    expect(zone.web.requests.some((r) => r.includes('evil.test'))).toBe(false)
  })

  it('IDN domain: looked up as punycode', async () => {
    const d = await zone.discover('mia@bücher.test')
    note('IDN bücher.test', d)
    expect(d.address.domain).toBe('xn--bcher-kva.test')
    expect(d.source).toBe('autoconfig')
    expect(d.incoming[0]?.server.host).toBe('mail.xn--bcher-kva.test')
  })

  it('IDN domain: what the wizard shows names it in Unicode, the lookups went out as punycode', async () => {
    const detected = await new DiscoveryService(zone.deps()).detect('mia@bücher.test')
    expect(detected).toMatchObject({ source: 'autoconfig', domain: 'xn--bcher-kva.test', displayDomain: 'bücher.test' })
    // the words the user reads name it in Unicode too
    const words = [
      ...(detected.lookups ?? []).map((l) => l.detail ?? ''),
      ...(detected.found?.incoming ?? []).map((f) => f.caution ?? ''),
    ]
    expect(words.join('\n').replace(/https?:\/\/\S+/g, '')).not.toContain('xn--')
    expect(zone.web.requests.some((r) => r.includes('xn--bcher-kva.test'))).toBe(true)
  })

  it('user@[IP]: no domain lookups, the address itself is guessed', async () => {
    const d = await zone.discover('alice@[127.0.0.1]')
    note('user@[127.0.0.1]', d)
    expect(d.address.domain).toBe('[127.0.0.1]')
    expect(lookup(d, 'mx')).toMatchObject({ outcome: 'skipped', detail: expect.stringMatching(/IP address/) })
    expect(d).toMatchObject({ source: 'guess' })
    expect(d.incoming[0]?.server).toMatchObject({ host: '127.0.0.1', port: b.ports.imaps, security: 'tls' })
  })
})
