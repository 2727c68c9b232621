import type { Provider } from '../providers.js'
import { FAIREMAIL_PROVIDERS, ispdb } from './sources.js'

/**
 * Hosting companies whose mail small offices use at their own domains. Where no source names their MX
 * hosts, they are recognised from the server names in published settings only.
 */

const MAILBOX_PASSWORD = 'Sign in with the mailbox’s own password, not the password of the hosting account.'

export const HOSTING_PROVIDERS: readonly Provider[] = [
  {
    id: 'ionos',
    name: 'IONOS',
    domains: [],
    mxSuffixes: [],
    regions: [
      { hosts: 'ionos.com', names: ['ionos.com'] },
      { hosts: 'ionos.de', names: ['ionos.de', 'online.de'] },
      { hosts: 'ionos.co.uk', names: ['ionos.co.uk'] },
      { hosts: 'ionos.fr', names: ['ionos.fr'] },
    ],
    incoming: { imap: { host: 'imap.ionos.com', port: 993, security: 'tls' } },
    outgoing: [{ host: 'smtp.ionos.com', port: 465, security: 'tls' }],
    helpUrl: 'https://www.ionos.com/help/email/general-topics/settings-for-your-email-programs-imap-pop3/',
    signIn: 'password',
    note: MAILBOX_PASSWORD,
    sources: { servers: FAIREMAIL_PROVIDERS, signIn: FAIREMAIL_PROVIDERS },
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
    mxSuffixes: [],
    incoming: { imap: { host: 'imap.secureserver.net', port: 993, security: 'tls' } },
    outgoing: [{ host: 'smtpout.secureserver.net', port: 465, security: 'tls' }],
    helpUrl: 'https://www.godaddy.com/help/server-and-port-settings-for-workspace-email-6949',
    signIn: 'password',
    note: 'GoDaddy’s newer “Microsoft 365 from GoDaddy” mailboxes are Microsoft 365: they need Microsoft sign-in.',
    sources: { servers: 'https://www.godaddy.com/help/server-and-port-settings-for-workspace-email-6949' },
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
