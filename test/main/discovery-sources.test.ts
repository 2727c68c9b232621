import { describe, expect, it } from 'vitest'
import { createDiscovery } from '../../src/main/discovery/discover.js'
import { parseDnsServer } from '../../src/main/discovery/net/dns.js'
import type { SavedAccount } from '../../src/main/discovery/sources/saved.js'
import { discoverable, parseDiscoveryAddress } from '../../src/shared/discovery-address.js'
import { PRESETS } from '../../src/shared/providers.js'
import { fakeNet } from './discovery-fakes.js'

const bob: SavedAccount = {
  email: 'bob@example.com',
  username: 'bob',
  providerId: null,
  incoming: { protocol: 'imap', host: 'mail.example.com', port: 993, security: 'tls' },
  outgoing: { host: 'mail.example.com', port: 587, security: 'starttls' },
  lastVerifiedAt: '2026-11-20T10:00:00.000Z',
  stale: null,
}

describe('your saved accounts at the domain', () => {
  it('give a second mailbox the settings that work, with its own user name, and no network call', async () => {
    const { net, calls } = fakeNet()
    const saved = (domain: string) => (domain === 'example.com' ? [bob] : [])
    const d = await createDiscovery({ catalog: PRESETS, net, saved })('carol@Example.com')
    expect(d).toMatchObject({ source: 'saved', savedFor: 'bob@example.com' })
    expect(d.incoming[0]).toMatchObject({
      server: bob.incoming,
      username: 'carol',
      trusted: true,
      via: 'the saved account bob@example.com',
    })
    expect(d.outgoing[0]).toMatchObject({ server: bob.outgoing, username: 'carol' })
    expect(calls).toEqual({ dns: [], http: [], connect: [] })
    expect(d.lookups.filter((l) => l.outcome === 'skipped').map((l) => l.source)).toEqual([
      'preset',
      'autoconfig',
      'well-known',
      'ispdb',
      'mx',
      'srv',
      'guess',
    ])
  })

  it('only an account whose last check passed and whose password is not stale counts', async () => {
    const { net } = fakeNet()
    const stale = {
      ...bob,
      stale: { since: 'x', side: 'both' as const, cause: 'invalid_credentials' as const, reason: 'r' },
    }
    const never = { ...bob, lastVerifiedAt: null }
    const d = await createDiscovery({ catalog: PRESETS, net, saved: () => [stale, never] })('carol@example.com', {
      deadlineMs: 500,
    })
    expect(d.source).not.toBe('saved')
  })

  it('come before the presets: the office’s own choice (POP3, port 587) wins over the generic one', async () => {
    const { net } = fakeNet()
    const gmail: SavedAccount = {
      ...bob,
      email: 'boss@gmail.com',
      username: 'boss@gmail.com',
      providerId: 'gmail',
      incoming: { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' },
      outgoing: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
    }
    const d = await createDiscovery({ catalog: PRESETS, net, saved: () => [gmail] })('me@gmail.com')
    expect(d).toMatchObject({ source: 'saved', provider: { id: 'gmail' }, signIn: 'app-password' })
    expect(d.incoming[0]).toMatchObject({ server: { protocol: 'pop3' }, username: 'me@gmail.com' })
  })
})

describe('presets', () => {
  it('Zoho: the region follows the address or the MX host', async () => {
    const { net } = fakeNet((domain) => (domain === 'shop.example' ? [{ exchange: 'mx.zoho.eu', priority: 10 }] : []))
    const discover = createDiscovery({ catalog: PRESETS, net })
    expect((await discover('a@zohomail.eu')).incoming[0]?.server.host).toBe('imap.zoho.eu')
    const byMx = await discover('a@shop.example')
    expect(byMx).toMatchObject({ source: 'mx', provider: { id: 'zoho' } })
    expect(byMx.outgoing[0]?.server.host).toBe('smtp.zoho.eu')
  })

  it('web.de signs in with the part before the @ (ISPDB %EMAILLOCALPART%)', async () => {
    const { net } = fakeNet()
    expect((await createDiscovery({ catalog: PRESETS, net })('max.muster@web.de')).incoming[0]?.username).toBe(
      'max.muster',
    )
  })
})

describe('addresses', () => {
  it.each([
    ['Ann@Bücher.example', { domain: 'xn--bcher-kva.example', localPart: 'Ann' }],
    ['ann@[192.0.2.1]', { domain: '[192.0.2.1]', literal: '192.0.2.1' }],
    ['ann@[IPv6:2001:db8::1]', { domain: '[2001:db8::1]', literal: '2001:db8::1' }],
  ])('%s', (raw, expected) => {
    expect(parseDiscoveryAddress(raw)).toMatchObject(expected)
  })

  it.each([
    'ann',
    'ann@',
    '@example.com',
    'a b@example.com',
    'ann@[999.1.1.1]',
    'ann@exa mple.com',
    'ann@localhost',
    `${'a'.repeat(250)}@x.io`,
  ])('%j is refused in words', (raw) => {
    expect(typeof parseDiscoveryAddress(raw)).toBe('string')
  })

  it('--dns-server accepts IP[:PORT] and bracketed IPv6 only', () => {
    expect(parseDnsServer('127.0.0.1:5353')).toBe('127.0.0.1:5353')
    expect(parseDnsServer('::1')).toBe('::1')
    expect(parseDnsServer('[::1]:53')).toBe('[::1]:53')
    expect(parseDnsServer('dns.example')).toMatchObject({ error: expect.any(String) })
    expect(parseDnsServer('127.0.0.1:99999')).toMatchObject({ error: expect.any(String) })
  })
})

describe('an IDN domain (issue 14)', () => {
  const saved = (email: string): SavedAccount => ({ ...bob, email, username: email })

  it.each([
    [
      'a saved account on the punycode domain, a Unicode address typed',
      'bob@xn--bcher-kva.example',
      'anna@Bücher.example',
    ],
    [
      'a saved account on the Unicode domain, a punycode address typed',
      'bob@bücher.example',
      'anna@xn--bcher-kva.example',
    ],
    ['both in Unicode, another case', 'bob@BÜCHER.example', 'anna@bücher.example'],
  ])('%s: its servers are offered', async (_what, savedEmail, typed) => {
    const { net, calls } = fakeNet()
    const d = await createDiscovery({ catalog: PRESETS, net, saved: () => [saved(savedEmail)] })(typed)
    expect(d).toMatchObject({ source: 'saved', savedFor: savedEmail })
    expect(d.incoming[0]).toMatchObject({ server: bob.incoming, username: typed })
    expect(calls).toEqual({ dns: [], http: [], connect: [] })
  })

  it('is shown in Unicode in what the user reads, and looked up as punycode', async () => {
    const { net, calls } = fakeNet()
    const d = await createDiscovery({ catalog: PRESETS, net, deadlineMs: 2000 })('anna@bücher.example')
    expect(d.address).toMatchObject({ domain: 'xn--bcher-kva.example', shown: 'bücher.example' })
    expect(calls.dns).toContain('MX xn--bcher-kva.example')
    // the words name the domain in Unicode; a URL stays what was fetched
    const words = d.lookups.map((l) => (l.detail ?? '').replace(/https?:\/\/\S+/g, '<url>')).join('\n')
    expect(words).toContain('the provider database has no entry for bücher.example')
    expect(words).toContain('bücher.example has no MX records')
    expect(words).not.toContain('xn--')
  })
})

describe('a domain still being typed (issue 14)', () => {
  it.each(['alice@example.c', 'alice@mail.example.q'])(
    '%s: no DNS, no HTTP, no connection; every network lookup says why',
    async (typed) => {
      const { net, calls } = fakeNet()
      const d = await createDiscovery({ catalog: PRESETS, net })(typed)
      expect(calls).toEqual({ dns: [], http: [], connect: [] })
      for (const source of ['autoconfig', 'well-known', 'ispdb', 'mx', 'srv', 'guess'] as const)
        expect(d.lookups.find((l) => l.source === source)).toMatchObject({
          outcome: 'skipped',
          detail: expect.stringContaining('is not a complete domain name'),
        })
    },
  )

  it.each([
    ['alice@example.co', true],
    ['alice@bücher.example', true],
    ['alice@mail.xn--p1ai', true],
    ['alice@[192.0.2.1]', true],
    ['alice@example.c', false],
    ['alice@example.123', false],
  ])('%s may be looked up: %s', (typed, expected) => {
    expect(discoverable(typed)).toBe(expected)
  })
})
