import { describe, expect, it } from 'vitest'
import { readAutoconfig } from '../../src/main/discovery/autoconfig-xml.js'
import { LookupError } from '../../src/main/discovery/lookup-error.js'
import { parseDiscoveryAddress, type DiscoveryAddress } from '../../src/shared/discovery-address.js'
import { configXml } from '../bed/discovery-zone.js'

const address = parseDiscoveryAddress('Jane.Doe@Example.org') as DiscoveryAddress
const via = 'https://autoconfig.example.org/mail/config-v1.1.xml'

function failure(xml: string): string {
  try {
    readAutoconfig(xml, address, via)
  } catch (e) {
    if (e instanceof LookupError) return e.detail
    throw e
  }
  throw new Error('expected a LookupError')
}

describe('reading config-v1.1.xml', () => {
  it('fills the placeholders: %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% in host names too', () => {
    const f = readAutoconfig(
      configXml(
        'example.org',
        ['example.org'],
        [
          { type: 'imap', host: 'imap.%EMAILDOMAIN%', port: 993, socket: 'SSL', username: '%EMAILLOCALPART%' },
          { type: 'smtp', host: 'smtp.example.org', port: 587, socket: 'STARTTLS', username: '%EMAILADDRESS%' },
        ],
      ),
      address,
      via,
    )
    expect(f.incoming).toEqual([
      { server: { protocol: 'imap', host: 'imap.example.org', port: 993, security: 'tls' }, username: 'Jane.Doe', via },
    ])
    expect(f.outgoing[0]).toMatchObject({
      server: { host: 'smtp.example.org', security: 'starttls' },
      username: 'Jane.Doe@Example.org',
    })
    expect(f.names).toEqual(['example.org'])
  })

  it('leaves out plaintext servers and types Mailkey does not speak, and says so', () => {
    const xml = configXml(
      'x',
      [],
      [
        { type: 'imap', host: 'old.example.org', port: 143, socket: 'plain' },
        { type: 'pop3', host: 'pop.example.org', port: 995, socket: 'SSL' },
        { type: 'smtp', host: 'smtp.example.org', port: 465, socket: 'SSL' },
      ],
    ).replace(
      '<incomingServer type="pop3">',
      '<incomingServer type="exchange"><hostname>ews.example.org</hostname></incomingServer><incomingServer type="pop3">',
    )
    const f = readAutoconfig(xml, address, via)
    expect(f.incoming.map((c) => c.server.host)).toEqual(['pop.example.org'])
    expect(f.detail).toMatch(/old\.example\.org:143 without encryption \(left out\)/)
  })

  it('says which sign-in: OAuth2 only → oauth2; a password method → password', () => {
    const oauth = configXml(
      'x',
      [],
      [
        { type: 'imap', host: 'imap.example.org', port: 993, socket: 'SSL', auth: ['OAuth2'] },
        { type: 'smtp', host: 'smtp.example.org', port: 465, socket: 'SSL', auth: ['OAuth2'] },
      ],
    )
    expect(readAutoconfig(oauth, address, via).signIn).toBe('oauth2')
    const both = oauth.replace(
      '<authentication>OAuth2</authentication>',
      '<authentication>OAuth2</authentication><authentication>password-cleartext</authentication>',
    )
    expect(readAutoconfig(both, address, via).signIn).toBe('password')
  })

  it('refuses malformed XML, a DTD, a foreign root, and bad hosts or ports, each in words', () => {
    expect(failure('<clientConfig><emailProvider>')).toMatch(/not well-formed XML/)
    expect(failure('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig/>')).toMatch(/has a DTD/)
    expect(failure('<html><body>Welcome</body></html>')).toMatch(/not an autoconfig file/)
    const bad = readAutoconfig(
      configXml(
        'x',
        [],
        [
          { type: 'imap', host: 'imap example.org', port: 993, socket: 'SSL' },
          { type: 'smtp', host: 'smtp.example.org', port: 70000, socket: 'SSL' },
        ],
      ),
      address,
      via,
    )
    expect(bad.incoming).toEqual([])
    expect(bad.outgoing).toEqual([])
    expect(bad.detail).toMatch(/no valid port/)
  })

  it('an unknown placeholder in the user name falls back to the address', () => {
    const f = readAutoconfig(
      configXml(
        'x',
        [],
        [{ type: 'imap', host: 'imap.example.org', port: 993, socket: 'SSL', username: '%REALNAME%' }],
      ),
      address,
      via,
    )
    expect(f.incoming[0]?.username).toBe('Jane.Doe@Example.org')
  })
})
