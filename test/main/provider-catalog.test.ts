import { describe, expect, it } from 'vitest'
import { HELP_HOSTS, PRESETS, PROVIDER_IDS, providerById, providerForMx, RELAYS } from '../../src/shared/providers.js'

describe('the preset catalog', () => {
  it('has every id once, and every listed id has a preset', () => {
    const ids = PRESETS.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...PROVIDER_IDS].sort())
  })

  it('gives each preset a source for its servers, and help pages the app may open', () => {
    for (const p of PRESETS) {
      expect(p.sources.servers, p.id).toMatch(/^https:\/\//)
      for (const url of Object.values(p.sources)) expect(url, p.id).toMatch(/^https:\/\//)
      expect(HELP_HOSTS, p.id).toContain(new URL(p.helpUrl).hostname)
    }
  })

  it('relays only send, each with its user-name rule', () => {
    for (const r of RELAYS) {
      expect(r).toMatchObject({ kind: 'relay', incoming: {}, domains: [], mxSuffixes: [] })
      expect(r.outgoing.length).toBeGreaterThan(0)
      expect(r.note, r.id).toBeTruthy()
    }
    expect(providerById('sendgrid').username).toEqual({ fixed: 'apikey' })
  })

  it('Proton Mail goes through Bridge on this computer: 127.0.0.1:1143 and :1025 with STARTTLS', () => {
    expect(providerById('proton-bridge')).toMatchObject({
      kind: 'bridge',
      incoming: { imap: { host: '127.0.0.1', port: 1143, security: 'starttls' } },
      outgoing: [{ host: '127.0.0.1', port: 1025, security: 'starttls' }],
    })
  })

  it.each([
    [['smtp.google.com'], 'google-workspace'],
    [['contoso-com.mail.protection.outlook.com'], 'microsoft-365'],
    [['contoso-com.b-v1.mx.microsoft'], 'microsoft-365'],
    [['outlook-com.olc.protection.outlook.com'], 'outlook'],
    [['mx-aol.mail.gm0.yahoodns.net'], 'aol'],
    [['mta7.am0.yahoodns.net'], 'yahoo'],
    [['mail.protonmail.ch', 'mailsec.protonmail.ch'], 'proton-bridge'],
    [['mx1.privateemail.com'], 'namecheap'],
    [['smtpin.rzone.de'], 'strato'],
    [['mx1.hostinger.com'], 'hostinger'],
    [['mx.zoho.com.au'], 'zoho'],
    [['filter.example.net', 'aspmx.l.google.com'], 'google-workspace'],
  ])('MX %j → %s', (mx, id) => {
    expect(providerForMx(mx)?.id).toBe(id)
  })

  it('says which sign-in: OAuth for Microsoft, an app password for Google', () => {
    expect(providerById('microsoft-365').signIn).toBe('oauth2')
    expect(providerById('outlook').signIn).toBe('oauth2')
    expect(providerById('google-workspace').signIn).toBe('app-password')
    expect(providerById('gmail').signIn).toBe('app-password')
  })
})
