import { XMLParser } from 'fast-xml-parser'
import { parse } from 'plist'
import { describe, expect, it } from 'vitest'
import { exportAccounts } from '../../src/main/export/index.js'
import { exportIdentities } from '../../src/main/export/identities.js'
import type { Account } from '../../src/shared/account.js'

/**
 * Issue 13, item 6: the exports for one account (Thunderbird autoconfig, Apple profile, setup sheet),
 * each parsed back with a real parser, none with a password unless asked.
 */

const GMAIL: Account = {
  id: 'acc1',
  email: 'Alice@Example.test',
  displayName: 'Alice <Sales> & Co',
  username: 'Alice@Example.test',
  providerId: 'gmail',
  incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
  outgoingUsername: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastVerifiedAt: '2026-11-02T10:00:00.000Z',
  stale: null,
  aliases: [],
  filter: null,
  oauth: null,
  replyTo: null,
  outgoingFallbacks: [],
  connection: { proxy: null, minTls: [], pins: [], cas: [] },
}

const RELAY: Account = {
  ...GMAIL,
  id: 'acc2',
  email: 'bob@shop.test',
  displayName: '',
  username: 'bob',
  providerId: null,
  incoming: { protocol: 'pop3', host: 'pop.shop.test', port: 110, security: 'starttls' },
  outgoing: { host: 'smtp.relay.test', port: 2525, security: 'starttls' },
  outgoingUsername: 'apikey',
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false })

type Dict = Record<string, unknown>

describe('Thunderbird autoconfig (config-v1.1)', () => {
  it('parses back to the servers, with Thunderbird’s socket types and placeholders, and no password', () => {
    const doc = exportAccounts('thunderbird-autoconfig', [GMAIL])
    expect(doc.fileName).toBe('example.test.xml')
    expect(doc.mimeType).toBe('application/xml')
    const provider = (xml.parse(doc.content) as Dict)['clientConfig'] as Dict
    expect(provider['@_version']).toBe('1.1')
    const p = provider['emailProvider'] as Dict
    expect(p['@_id']).toBe('example.test')
    expect(p['domain']).toBe('example.test')
    expect(p['displayName']).toBe('Gmail')
    expect(p['incomingServer']).toEqual({
      '@_type': 'imap',
      hostname: 'imap.gmail.com',
      port: '993',
      socketType: 'SSL',
      authentication: 'password-cleartext',
      username: '%EMAILADDRESS%',
    })
    expect(p['outgoingServer']).toMatchObject({ '@_type': 'smtp', port: '587', socketType: 'STARTTLS' })
    expect((p['documentation'] as Dict)['@_url']).toBe('https://myaccount.google.com/apppasswords')
    expect(doc.content).not.toMatch(/password<|<password/i)
  })

  it('a POP3 account with a local-part login and a relay with its own user', () => {
    const p = ((xml.parse(exportAccounts('thunderbird-autoconfig', [RELAY]).content) as Dict)['clientConfig'] as Dict)[
      'emailProvider'
    ] as Dict
    expect(p['incomingServer']).toMatchObject({
      '@_type': 'pop3',
      socketType: 'STARTTLS',
      username: '%EMAILLOCALPART%',
    })
    expect(p['outgoingServer']).toMatchObject({ hostname: 'smtp.relay.test', port: '2525', username: 'apikey' })
    expect(p['documentation']).toBeUndefined()
  })

  it('a domain’s file: every distinct server of its accounts, each user name as a placeholder (issue 17)', () => {
    const other: Account = { ...GMAIL, id: 'acc4', email: 'carl@example.test', username: 'carl' }
    const pop: Account = {
      ...GMAIL,
      id: 'acc5',
      email: 'dora@example.test',
      username: 'dora@example.test',
      incoming: { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' },
    }
    const p = (
      (xml.parse(exportAccounts('thunderbird-autoconfig', [GMAIL, other, pop]).content) as Dict)['clientConfig'] as Dict
    )['emailProvider'] as Dict
    expect((p['incomingServer'] as Dict[]).map((s) => [s['@_type'], s['hostname'], s['username']])).toEqual([
      ['imap', 'imap.gmail.com', '%EMAILADDRESS%'],
      ['imap', 'imap.gmail.com', '%EMAILLOCALPART%'],
      ['pop3', 'pop.gmail.com', '%EMAILADDRESS%'],
    ])
    expect((p['outgoingServer'] as Dict[]).map((s) => s['username'])).toEqual(['%EMAILADDRESS%', '%EMAILLOCALPART%'])
  })

  it('refuses accounts of two domains: one file describes one domain’s servers', () => {
    expect(() => exportAccounts('thunderbird-autoconfig', [GMAIL, RELAY])).toThrow(/one domain/)
    expect(() => exportAccounts('thunderbird-autoconfig', [])).toThrow(/Choose an account/)
  })
})

describe('Apple configuration profile (.mobileconfig)', () => {
  it('parses back (plist) to one com.apple.mail.managed payload with no password', () => {
    const doc = exportAccounts('apple-profile', [GMAIL])
    expect(doc.fileName).toBe('Alice@Example.test.mobileconfig')
    const profile = parse(doc.content) as Dict
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadRemovalDisallowed: false })
    const [mail, ...rest] = profile['PayloadContent'] as Dict[]
    expect(rest).toEqual([])
    expect(mail).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: 'Alice@Example.test',
      EmailAccountName: 'Alice <Sales> & Co',
      IncomingMailServerHostName: 'imap.gmail.com',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: 'Alice@Example.test',
      OutgoingMailServerHostName: 'smtp.gmail.com',
      OutgoingMailServerPortNumber: 587,
      OutgoingMailServerUseSSL: true,
      OutgoingPasswordSameAsIncomingPassword: true,
    })
    expect(mail).not.toHaveProperty('IncomingPassword')
    expect(mail).not.toHaveProperty('OutgoingPassword')
    expect(String(mail?.['PayloadUUID'])).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/,
    )
  })

  it('the same account exports with the same UUIDs, so a newer profile replaces the older one', () => {
    const uuids = (c: string): unknown[] => {
      const p = parse(c) as Dict
      return [p['PayloadUUID'], ...(p['PayloadContent'] as Dict[]).map((m) => m['PayloadUUID'])]
    }
    expect(uuids(exportAccounts('apple-profile', [GMAIL]).content)).toEqual(
      uuids(exportAccounts('apple-profile', [{ ...GMAIL, displayName: 'Renamed' }]).content),
    )
    expect(uuids(exportAccounts('apple-profile', [RELAY]).content)).not.toEqual(
      uuids(exportAccounts('apple-profile', [GMAIL]).content),
    )
  })

  it('a relay signs in as its own user, and passwords go in only when asked', () => {
    const secrets = new Map([[RELAY.id, { incoming: 'in-secret', outgoing: 'out-secret' }]])
    const plain = (parse(exportAccounts('apple-profile', [RELAY]).content) as Dict)['PayloadContent'] as Dict[]
    expect(plain[0]).toMatchObject({
      EmailAccountType: 'EmailTypePOP',
      OutgoingMailServerUsername: 'apikey',
      OutgoingPasswordSameAsIncomingPassword: false,
    })
    const asked = (parse(exportAccounts('apple-profile', [RELAY], { secrets }).content) as Dict)[
      'PayloadContent'
    ] as Dict[]
    expect(asked[0]).toMatchObject({ IncomingPassword: 'in-secret', OutgoingPassword: 'out-secret' })
  })

  it('several accounts at once: one mail payload per account, each its own UUID, no password (issue 17)', () => {
    const third: Account = { ...GMAIL, id: 'acc3', email: 'Ünal@example.test', username: 'Ünal@example.test' }
    const doc = exportAccounts('apple-profile', [GMAIL, RELAY, third])
    expect(doc.fileName).toBe('mail-accounts.mobileconfig')
    const profile = parse(doc.content) as Dict
    expect(profile['PayloadDisplayName']).toBe('Mail settings')
    const payloads = profile['PayloadContent'] as Dict[]
    expect(payloads.map((p) => [p['PayloadType'], p['EmailAddress'], p['IncomingMailServerHostName']])).toEqual([
      ['com.apple.mail.managed', 'Alice@Example.test', 'imap.gmail.com'],
      ['com.apple.mail.managed', 'bob@shop.test', 'pop.shop.test'],
      ['com.apple.mail.managed', 'Ünal@example.test', 'imap.gmail.com'],
    ])
    expect(new Set(payloads.map((p) => p['PayloadUUID'])).size).toBe(3)
    expect(new Set(payloads.map((p) => p['PayloadIdentifier'])).size).toBe(3)
    expect(payloads.every((p) => !('IncomingPassword' in p) && !('OutgoingPassword' in p))).toBe(true)
  })
})

describe('printable setup sheet', () => {
  it('names servers, ports, encryption, user names and where to make an app password, escaped, no password', () => {
    const doc = exportAccounts('setup-sheet', [GMAIL, RELAY], { now: new Date('2026-11-22T06:42:00Z') })
    expect(doc.mimeType).toBe('text/html')
    const html = doc.content
    expect(html).toContain('Alice &#60;Sales&#62; &#38; Co &lt;Alice@Example.test&gt;')
    expect(html).not.toContain('<Sales>')
    for (const part of ['imap.gmail.com', '993', 'SSL/TLS', 'STARTTLS', 'smtp.relay.test', 'apikey', 'POP3']) {
      expect(html).toContain(part)
    }
    expect(html).toContain('Gmail needs an app password: create one for each device at')
    expect(html).toContain('https://myaccount.google.com/apppasswords')
    expect(html).toContain('Exported by Mailkey on 2026-11-22')
    expect(html).not.toMatch(/<script|src=|href=/i)
  })
})

describe('the identities export', () => {
  it('prints times for people, not ISO strings', () => {
    const account: Account = {
      ...GMAIL,
      aliases: [
        {
          id: 'al1',
          name: '',
          address: 'sales@example.test',
          replyTo: null,
          treatAsAlias: true,
          smtp: null,
          smtpUsername: null,
          isDefault: false,
          lastCheck: { at: '2026-11-22T06:42:17.123Z', sender: { ok: true, title: 'Accepted' } },
        },
      ],
    }
    const text = exportIdentities(account, new Date('2026-11-22T07:00:00Z'))
    expect(text).toContain('Last checked 2026-11-22 06:42 UTC: Accepted')
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
  })
})

describe('an account that signs in with OAuth (issue 15 meets the exports)', () => {
  const MS: Account = {
    ...GMAIL,
    id: 'acc9',
    email: 'dana@contoso.test',
    providerId: 'microsoft-365',
    incoming: { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls' },
    outgoing: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    oauth: {
      provider: 'microsoft',
      clientId: 'client-1',
      authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      tokenEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      revocationEndpoint: null,
      scope: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
      issuer: null,
      grantedScope: null,
    } as unknown as Account['oauth'],
  }

  it('autoconfig says OAuth2 for both servers, and gives no app-password advice', () => {
    const p = ((xml.parse(exportAccounts('thunderbird-autoconfig', [MS]).content) as Dict)['clientConfig'] as Dict)[
      'emailProvider'
    ] as Dict
    expect((p['incomingServer'] as Dict)['authentication']).toBe('OAuth2')
    expect((p['outgoingServer'] as Dict)['authentication']).toBe('OAuth2')
    expect(p['documentation']).toBeUndefined()
  })

  it('an Apple profile cannot describe it: refused with where to add it instead', () => {
    expect(() => exportAccounts('apple-profile', [MS])).toThrow(/signs in with OAuth.*Settings → Mail → Accounts/)
  })

  it('the setup sheet says to sign in with the provider, not to use a password', () => {
    const html = exportAccounts('setup-sheet', [MS]).content
    expect(html).toContain('signs in with Microsoft 365 (OAuth)')
    expect(html).not.toMatch(/app password|account’s password/)
  })
})
