import type { Provider, ProviderRegion } from '../providers.js'
import { FAIREMAIL_PROVIDERS, ispdb, MXSNIFF_PROVIDERS } from './sources.js'

/**
 * Hosting companies whose mail small offices use at their own domains. Where no source names their MX
 * hosts, they are recognised from the server names in published settings only.
 */

/**
 * IONOS's provider-database entries (ionos.de, ionos.com, ionos.co.uk, ionos.fr, ionos.es, ionos.it), one
 * per country, each naming the MX domains of that country's mail servers (read 2026-11-30; these files
 * have no .xml suffix).
 */
const ISPDB_IONOS = 'https://github.com/thunderbird/autoconfig/blob/3c267a844f3c4ff1066441244ce85af37735a8e0/ispdb'

/** One IONOS region per country: its hosts (imap.ionos.de...) and its MX and address domains. */
const IONOS_REGIONS: readonly ProviderRegion[] = [
  { hosts: 'ionos.com', names: ['ionos.com', '1and1.com', 'perfora.net'] },
  { hosts: 'ionos.de', names: ['ionos.de', 'kundenserver.de', 'schlund.de', 'online.de'] },
  { hosts: 'ionos.co.uk', names: ['ionos.co.uk', '1and1.co.uk', 'oneandone.co.uk'] },
  { hosts: 'ionos.fr', names: ['ionos.fr', '1and1.fr', 'unetun.com'] },
  { hosts: 'ionos.es', names: ['ionos.es', '1and1.es', 'clienteservidor.es'] },
  { hosts: 'ionos.it', names: ['ionos.it', '1and1.it', 'servercliente.it'] },
]

const MAILBOX_PASSWORD = 'Sign in with the mailbox’s own password, not the password of the hosting account.'

export const HOSTING_PROVIDERS: readonly Provider[] = [
  {
    id: 'ionos',
    name: 'IONOS',
    domains: [],
    // customers' domains receive at mx00.ionos.<tld> and mx01.ionos.<tld>, older ones at
    // mx00.kundenserver.de (1&1), mx00.1and1.co.uk...: the provider database's IONOS entries list
    // these MX domains, one entry per country
    mxSuffixes: IONOS_REGIONS.flatMap((r) => r.names.filter((n) => n !== 'online.de')),
    regions: IONOS_REGIONS,
    incoming: { imap: { host: 'imap.ionos.com', port: 993, security: 'tls' } },
    outgoing: [{ host: 'smtp.ionos.com', port: 465, security: 'tls' }],
    helpUrl: 'https://www.ionos.com/help/email/general-topics/settings-for-your-email-programs-imap-pop3/',
    signIn: 'password',
    note: MAILBOX_PASSWORD,
    sources: {
      servers: FAIREMAIL_PROVIDERS,
      signIn: FAIREMAIL_PROVIDERS,
      mx: `${ISPDB_IONOS}/ionos.de`,
    },
  },
  {
    id: 'ovh',
    name: 'OVHcloud',
    domains: ['ovh.net'],
    // Thunderbird finds OVH from the MX host's base domain, ovh.net (mx1.mail.ovh.net)
    mxSuffixes: ['ovh.net'],
    incoming: {
      imap: { host: 'ssl0.ovh.net', port: 993, security: 'tls' },
      pop3: { host: 'ssl0.ovh.net', port: 995, security: 'tls' },
    },
    outgoing: [{ host: 'ssl0.ovh.net', port: 465, security: 'tls' }],
    helpUrl:
      'https://docs.ovh.com/fr/emails/mail-mutualise-guide-configuration-dun-telephone-mobile-sous-android-version-51/',
    signIn: 'password',
    sources: { servers: ispdb('ovh.net.xml'), mx: ispdb('ovh.net.xml') },
  },
  {
    id: 'godaddy',
    name: 'GoDaddy Workspace Email',
    domains: [],
    // smtp.secureserver.net and mailstore1.secureserver.net (and their .europe. and .asia. forms)
    mxSuffixes: ['secureserver.net'],
    incoming: { imap: { host: 'imap.secureserver.net', port: 993, security: 'tls' } },
    outgoing: [{ host: 'smtpout.secureserver.net', port: 465, security: 'tls' }],
    helpUrl: 'https://www.godaddy.com/help/server-and-port-settings-for-workspace-email-6949',
    signIn: 'password',
    note: 'GoDaddy’s newer “Microsoft 365 from GoDaddy” mailboxes are Microsoft 365: they need Microsoft sign-in.',
    sources: {
      servers: 'https://www.godaddy.com/help/server-and-port-settings-for-workspace-email-6949',
      mx: MXSNIFF_PROVIDERS,
    },
  },
  {
    id: 'namecheap',
    name: 'Namecheap Private Email',
    domains: [],
    mxSuffixes: ['privateemail.com'],
    incoming: { imap: { host: 'mail.privateemail.com', port: 993, security: 'tls' } },
    outgoing: [{ host: 'mail.privateemail.com', port: 465, security: 'tls' }],
    helpUrl:
      'https://www.namecheap.com/support/knowledgebase/article.aspx/1179/2175/general-private-email-configuration-for-mail-clients-and-mobile-devices/',
    signIn: 'password',
    sources: {
      servers: FAIREMAIL_PROVIDERS,
      mx: 'https://namecheap.com/support/knowledgebase/article.aspx/1262/2176/what-does-namecheap-private-email-dns-verification-imply',
    },
  },
  {
    id: 'strato',
    name: 'STRATO',
    domains: ['strato.de'],
    mxSuffixes: ['rzone.de'],
    incoming: {
      imap: { host: 'imap.strato.de', port: 993, security: 'tls' },
      pop3: { host: 'pop3.strato.de', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'smtp.strato.de', port: 465, security: 'tls' },
      { host: 'smtp.strato.de', port: 587, security: 'starttls' },
    ],
    helpUrl: 'https://www.strato.com/faq/en_us/product/the-strato-email-server/',
    signIn: 'password',
    sources: { servers: ispdb('strato.de.xml'), mx: ispdb('strato.de.xml') },
  },
  {
    id: 'hostinger',
    name: 'Hostinger',
    domains: [],
    mxSuffixes: ['hostinger.com'],
    incoming: { imap: { host: 'imap.hostinger.com', port: 993, security: 'tls' } },
    outgoing: [{ host: 'smtp.hostinger.com', port: 465, security: 'tls' }],
    helpUrl:
      'https://www.hostinger.com/support/4768584-how-to-set-up-hostinger-email-on-mozilla-thunderbird-desktop-windows/',
    signIn: 'password',
    sources: { servers: FAIREMAIL_PROVIDERS, mx: FAIREMAIL_PROVIDERS },
  },
]
