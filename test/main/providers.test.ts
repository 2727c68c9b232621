import { describe, expect, it } from 'vitest'
import { createProviderDetector } from '../../src/main/discovery/detect-provider.js'
import { providerForAddress, providerForMx, PROVIDERS } from '../../src/shared/providers.js'

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
  it('uses the preset without touching DNS', async () => {
    const detect = createProviderDetector(PROVIDERS, () => Promise.reject(new Error('no DNS in this test')))
    const d = await detect('alice@gmail.com')
    expect(d).toMatchObject({
      source: 'preset',
      incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
      incomingAlternatives: [{ protocol: 'pop3', host: 'pop.gmail.com', port: 995 }],
      outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      outgoingAlternatives: [{ port: 587, security: 'starttls' }],
      username: 'alice@gmail.com',
    })
  })

  it('recognises Google Workspace from the MX records', async () => {
    const detect = createProviderDetector(PROVIDERS, (domain) =>
      Promise.resolve(domain === 'school.example' ? ['aspmx.l.google.com'] : []),
    )
    const d = await detect('teacher@school.example')
    expect(d.source).toBe('mx')
    expect(d.provider?.id).toBe('google-workspace')
    expect(d.provider?.appPassword?.createUrl).toBe('https://myaccount.google.com/apppasswords')
  })

  it('guesses imap./smtp. names for an unknown domain and says it is a guess', async () => {
    const d = await createProviderDetector(PROVIDERS, () => Promise.resolve([]))('me@example.org')
    expect(d).toMatchObject({
      source: 'guess',
      provider: null,
      incoming: { host: 'imap.example.org' },
      outgoing: { host: 'smtp.example.org' },
    })
  })
})
