import { describe, expect, it } from 'vitest'
import { createDiscovery } from '../../src/main/discovery/discover.js'
import { PRESETS } from '../../src/shared/providers.js'
import { fakeNet } from './discovery-fakes.js'

/**
 * Every MX form of the providers issue 14 names, as their customers' domains publish them (first the
 * lowest-priority host), and the preset their mail goes to: the provider, its first incoming and
 * outgoing hosts (in the MX host's region where the provider has regions), and no HTTP lookup at all
 * (a known MX host needs no provider database).
 */
const CASES: [mx: string[], provider: string, imap: string, smtp: string][] = [
  // IONOS: mx00/mx01.ionos.<country>, older 1&1 names (provider database entries ionos.*)
  [['mx00.ionos.com', 'mx01.ionos.com'], 'ionos', 'imap.ionos.com', 'smtp.ionos.com'],
  [['mx00.ionos.de', 'mx01.ionos.de'], 'ionos', 'imap.ionos.de', 'smtp.ionos.de'],
  [['mx00.ionos.co.uk', 'mx01.ionos.co.uk'], 'ionos', 'imap.ionos.co.uk', 'smtp.ionos.co.uk'],
  [['mx00.ionos.fr'], 'ionos', 'imap.ionos.fr', 'smtp.ionos.fr'],
  [['mx00.ionos.es', 'mx01.ionos.es', 'mx00.1and1.es'], 'ionos', 'imap.ionos.es', 'smtp.ionos.es'],
  [['mx00.ionos.it'], 'ionos', 'imap.ionos.it', 'smtp.ionos.it'],
  [['mx00.kundenserver.de', 'mx01.kundenserver.de'], 'ionos', 'imap.ionos.de', 'smtp.ionos.de'],
  [['mx00.1and1.co.uk'], 'ionos', 'imap.ionos.co.uk', 'smtp.ionos.co.uk'],
  [['mx00.perfora.net'], 'ionos', 'imap.ionos.com', 'smtp.ionos.com'],
  // GoDaddy Workspace Email: smtp.secureserver.net (0) and mailstore1.secureserver.net (10)
  [
    ['smtp.secureserver.net', 'mailstore1.secureserver.net'],
    'godaddy',
    'imap.secureserver.net',
    'smtpout.secureserver.net',
  ],
  [['mailstore1.europe.secureserver.net'], 'godaddy', 'imap.secureserver.net', 'smtpout.secureserver.net'],
  // Yandex 360 for business
  [['mx.yandex.net'], 'yandex', 'imap.yandex.com', 'smtp.yandex.com'],
  [['mx.yandex.ru'], 'yandex', 'imap.yandex.com', 'smtp.yandex.com'],
  // Zoho: one MX domain per region
  [['mx.zoho.com', 'mx2.zoho.com', 'mx3.zoho.com'], 'zoho', 'imap.zoho.com', 'smtp.zoho.com'],
  [['mx.zoho.eu', 'mx2.zoho.eu'], 'zoho', 'imap.zoho.eu', 'smtp.zoho.eu'],
  [['mx.zoho.in'], 'zoho', 'imap.zoho.in', 'smtp.zoho.in'],
  [['mx.zoho.com.au'], 'zoho', 'imap.zoho.com.au', 'smtp.zoho.com.au'],
  // Fastmail
  [
    ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com'],
    'fastmail',
    'imap.fastmail.com',
    'smtp.fastmail.com',
  ],
  // iCloud+ custom domains
  [['mx01.mail.icloud.com', 'mx02.mail.icloud.com'], 'icloud', 'imap.mail.me.com', 'smtp.mail.me.com'],
  // Yahoo (and AOL on its own MX name)
  [['mta5.am0.yahoodns.net', 'mta6.am0.yahoodns.net'], 'yahoo', 'imap.mail.yahoo.com', 'smtp.mail.yahoo.com'],
  [['mx-aol.mail.gm0.yahoodns.net'], 'aol', 'imap.aol.com', 'smtp.aol.com'],
  // Proton: mail goes through Bridge on this computer
  [['mail.protonmail.ch', 'mailsec.protonmail.ch'], 'proton-bridge', '127.0.0.1', '127.0.0.1'],
  // OVHcloud (MX Plan)
  [['mx1.mail.ovh.net', 'mx2.mail.ovh.net', 'mx3.mail.ovh.net'], 'ovh', 'ssl0.ovh.net', 'ssl0.ovh.net'],
  // STRATO
  [['smtpin.rzone.de'], 'strato', 'imap.strato.de', 'smtp.strato.de'],
  // Hostinger
  [['mx1.hostinger.com', 'mx2.hostinger.com'], 'hostinger', 'imap.hostinger.com', 'smtp.hostinger.com'],
  // Namecheap Private Email
  [['mx1.privateemail.com', 'mx2.privateemail.com'], 'namecheap', 'mail.privateemail.com', 'mail.privateemail.com'],
  // Google Workspace (new and old) and Microsoft 365 (both forms)
  [['smtp.google.com'], 'google-workspace', 'imap.gmail.com', 'smtp.gmail.com'],
  [['aspmx.l.google.com', 'alt1.aspmx.l.google.com'], 'google-workspace', 'imap.gmail.com', 'smtp.gmail.com'],
  [['contoso-com.mail.protection.outlook.com'], 'microsoft-365', 'outlook.office365.com', 'smtp.office365.com'],
  [['contoso-com.c-v1.mx.microsoft'], 'microsoft-365', 'outlook.office365.com', 'smtp.office365.com'],
]

describe('MX → provider', () => {
  it.each(CASES)('MX %j → %s (%s, %s)', async (mx, provider, imap, smtp) => {
    const { net, calls } = fakeNet((domain) =>
      domain === 'office.example' ? mx.map((exchange, i) => ({ exchange, priority: i * 10 })) : [],
    )
    const d = await createDiscovery({ catalog: PRESETS, net })('anna@office.example')
    expect(d.provider?.id).toBe(provider)
    expect(d.source).toBe('mx')
    expect(d.incoming[0]?.server.host).toBe(imap)
    expect(d.outgoing[0]?.server.host).toBe(smtp)
    // a known MX host is enough: the provider database is not asked about the MX host's domains
    expect(calls.http.filter((u) => !u.includes('office.example'))).toEqual([])
    // the MX host's domains vouch for the provider's hosts: offered without asking
    expect(d.incoming[0]?.trusted).toBe(true)
  })
})
