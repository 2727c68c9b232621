import { describe, expect, it } from 'vitest'
import { detectedSettings } from '../../src/main/discovery/detected-settings.js'
import { createDiscovery } from '../../src/main/discovery/discover.js'
import { PRESETS, providerForAddress, providerForMx, PROVIDERS } from '../../src/shared/providers.js'
import { fakeNet } from './discovery-fakes.js'

describe('provider presets', () => {
  it.each([
    ['alice@gmail.com', 'gmail'],
    ['Alice@GoogleMail.com', 'gmail'],
    ['bob@outlook.com', 'outlook'],
    ['bob@hotmail.com', 'outlook'],
    ['carol@yahoo.com', 'yahoo'],
    ['dan@aol.com', 'aol'],
    ['erin@icloud.com', 'icloud'],
    ['frank@fastmail.com', 'fastmail'],
    ['gina@zoho.com', 'zoho'],
    ['hugo@gmx.net', 'gmx'],
  ])('%s → %s', (address, id) => {
    expect(providerForAddress(address)?.id).toBe(id)
  })

  it('knows no preset for a custom domain', () => {
    expect(providerForAddress('me@example.org')).toBeUndefined()
  })

  it.each([
    [['aspmx.l.google.com', 'alt1.aspmx.l.google.com'], 'google-workspace'],
    [['example-org.mail.protection.outlook.com.'], 'microsoft-365'],
    [['in1-smtp.messagingengine.com'], 'fastmail'],
    [['mx.zoho.eu'], 'zoho'],
    [['mx.example.org'], undefined],
  ])('MX %j → %s', (mx, id) => {
    expect(providerForMx(mx)?.id).toBe(id)
  })

  it('every preset has an incoming and an outgoing server on a standard port/mode pair', () => {
    const pairs: Record<number, string> = {
      465: 'tls',
      587: 'starttls',
      993: 'tls',
      995: 'tls',
      143: 'starttls',
      110: 'starttls',
    }
    for (const p of PROVIDERS) {
      const servers = [...Object.values(p.incoming), ...p.outgoing]
      expect(servers.length).toBeGreaterThanOrEqual(2)
      for (const s of servers) expect(pairs[s.port]).toBe(s.security)
    }
  })
})

describe('detecting the settings for an address', () => {
  it('uses the preset without touching the network', async () => {
    const { net, calls } = fakeNet()
    const d = detectedSettings(await createDiscovery({ catalog: PRESETS, net })('alice@gmail.com'))
    expect(d).toMatchObject({
      source: 'preset',
      incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
      incomingAlternatives: [{ protocol: 'pop3', host: 'pop.gmail.com', port: 995 }],
      outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      outgoingAlternatives: [{ port: 587, security: 'starttls' }],
      username: 'alice@gmail.com',
    })
    expect(calls).toEqual({ dns: [], http: [], connect: [] })
  })

  it('recognises Google Workspace from the MX records', async () => {
    const { net } = fakeNet((domain) =>
      domain === 'school.example' ? [{ exchange: 'aspmx.l.google.com', priority: 1 }] : [],
    )
    const d = detectedSettings(await createDiscovery({ catalog: PRESETS, net })('teacher@school.example'))
    expect(d.source).toBe('mx')
    expect(d.provider?.id).toBe('google-workspace')
    expect(d.provider?.appPassword?.createUrl).toBe('https://myaccount.google.com/apppasswords')
    expect(d.signIn).toBe('app-password')
  })

  it('writes down no untested guess for an unknown domain: nothing answered, nothing offered', async () => {
    const { net, calls } = fakeNet()
    const d = detectedSettings(await createDiscovery({ catalog: PRESETS, net })('me@example.org'))
    expect(d).toMatchObject({ provider: null, incoming: null, outgoing: null, found: { incoming: [], outgoing: [] } })
    // every guess was probed, none answered
    expect(calls.connect).toEqual(
      expect.arrayContaining(['imap.example.org:993', 'mail.example.org:993', 'smtp.example.org:465']),
    )
    expect(d.lookups?.find((l) => l.source === 'guess')).toMatchObject({ outcome: 'nothing' })
  })
})
