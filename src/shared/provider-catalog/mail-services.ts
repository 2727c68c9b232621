import type { Provider, ProviderRegion } from '../providers.js'
import { FAIREMAIL_PROVIDERS, ispdb } from './sources.js'

/** Mail services with their own addresses (and, for some, customers' domains): Fastmail, Zoho, GMX... */

/** Zoho runs one data centre per region, each with its own host names (ISPDB zoho.*.xml). */
const ZOHO_REGIONS: readonly ProviderRegion[] = [
  { hosts: 'zoho.com', names: ['zoho.com', 'zohomail.com'] },
  { hosts: 'zoho.eu', names: ['zoho.eu', 'zohomail.eu'] },
  { hosts: 'zoho.in', names: ['zoho.in', 'zohomail.in'] },
  { hosts: 'zoho.com.au', names: ['zoho.com.au', 'zohomail.com.au'] },
  { hosts: 'zoho.jp', names: ['zoho.jp', 'zohomail.jp'] },
  { hosts: 'zohocloud.ca', names: ['zohocloud.ca', 'zohomailcloud.ca'] },
]

const GMX_APP_PASSWORD_NOTE =
  'IMAP must be switched on in the web mail settings first; with two-factor authentication on, use an application-specific password.'

export const MAIL_PROVIDERS: readonly Provider[] = [
  {
    id: 'fastmail',
    name: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
    // customers' domains receive at in1-smtp.messagingengine.com and in2-smtp...
    mxSuffixes: ['messagingengine.com'],
    incoming: {
      imap: { host: 'imap.fastmail.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.fastmail.com', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'smtp.fastmail.com', port: 465, security: 'tls' },
      { host: 'smtp.fastmail.com', port: 587, security: 'starttls' },
    ],
    appPassword: {
      required: true,
      format: { charset: 'alphanumeric', length: 16, example: 'abcd1234efgh5678' },
      createUrl: 'https://app.fastmail.com/settings/security/apps',
      helpUrl: 'https://www.fastmail.help/hc/en-us/articles/360058752854',
    },
    helpUrl: 'https://www.fastmail.help/hc/en-us/articles/1500000278342',
    signIn: 'app-password',
    sources: {
      servers: 'https://www.fastmail.com/help/technical/servernamesandports.html',
      signIn: 'https://www.fastmail.help/hc/en-us/articles/360058752854',
      mx: FAIREMAIL_PROVIDERS,
    },
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    domains: ZOHO_REGIONS.flatMap((r) => r.names),
    // mx.zoho.com, mx.zoho.eu, mx.zoho.in...: one per region
    mxSuffixes: ZOHO_REGIONS.map((r) => r.hosts),
    regions: ZOHO_REGIONS,
    incoming: {
      imap: { host: 'imap.zoho.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.zoho.com', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'smtp.zoho.com', port: 465, security: 'tls' },
      { host: 'smtp.zoho.com', port: 587, security: 'starttls' },
    ],
    appPassword: {
      required: false,
      createUrl: 'https://accounts.zoho.com/home#security/app_password',
      helpUrl: 'https://www.zoho.com/mail/help/adminconsole/two-factor-authentication.html',
    },
    helpUrl: 'https://www.zoho.com/mail/help/imap-access.html',
    signIn: 'password',
    note: 'IMAP access must be switched on in Zoho Mail’s settings; with two-factor authentication on, use an application-specific password.',
    sources: {
      servers: ispdb('zoho.eu.xml'),
      signIn: 'https://www.zoho.com/mail/help/imap-access.html',
      mx: 'https://mxrecordchecker.com/resources/zoho-mx-records',
    },
  },
  {
    id: 'gmx',
    name: 'GMX',
    domains: ['gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.eu', 'gmx.biz', 'gmx.org', 'gmx.info'],
    mxSuffixes: ['gmx.net'],
    incoming: {
      imap: { host: 'imap.gmx.net', port: 993, security: 'tls' },
      pop3: { host: 'pop.gmx.net', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'mail.gmx.net', port: 465, security: 'tls' },
      { host: 'mail.gmx.net', port: 587, security: 'starttls' },
    ],
    helpUrl: 'https://hilfe.gmx.net/pop-imap/imap/imap-serverdaten.html',
    signIn: 'password',
    note: GMX_APP_PASSWORD_NOTE,
    sources: { servers: ispdb('gmx.net.xml'), signIn: FAIREMAIL_PROVIDERS },
  },
  {
    id: 'gmx-com',
    name: 'GMX (gmx.com)',
    domains: ['gmx.com', 'gmx.us', 'gmx.co.uk', 'gmx.fr', 'gmx.es', 'gmx.it', 'gmx.ca', 'gmx.com.br'],
    mxSuffixes: [],
    incoming: {
      imap: { host: 'imap.gmx.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.gmx.com', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'mail.gmx.com', port: 465, security: 'tls' },
      { host: 'mail.gmx.com', port: 587, security: 'starttls' },
    ],
    helpUrl: 'https://support.gmx.com/pop-imap/imap/server.html',
    signIn: 'password',
    note: GMX_APP_PASSWORD_NOTE,
    sources: { servers: ispdb('gmx.com.xml'), signIn: FAIREMAIL_PROVIDERS },
  },
  {
    id: 'web-de',
    name: 'WEB.DE',
    domains: ['web.de'],
    mxSuffixes: [],
    incoming: {
      imap: { host: 'imap.web.de', port: 993, security: 'tls' },
      pop3: { host: 'pop3.web.de', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'smtp.web.de', port: 465, security: 'tls' },
      { host: 'smtp.web.de', port: 587, security: 'starttls' },
    ],
    helpUrl: 'https://hilfe.web.de/pop-imap/imap/imap-serverdaten.html',
    signIn: 'password',
    username: 'local-part',
    note: 'IMAP and POP3 must be switched on in WEB.DE’s settings first; with two-factor authentication on, use an application-specific password.',
    sources: { servers: ispdb('web.de.xml'), signIn: FAIREMAIL_PROVIDERS },
  },
  {
    id: 'mail-com',
    name: 'mail.com',
    domains: [
      'mail.com',
      'email.com',
      'usa.com',
      'post.com',
      'myself.com',
      'consultant.com',
      'accountant.com',
      'engineer.com',
      'techie.com',
      'europe.com',
      'iname.com',
      'writeme.com',
      'dr.com',
      'cheerful.com',
      'linuxmail.org',
    ],
    mxSuffixes: [],
    incoming: {
      imap: { host: 'imap.mail.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.mail.com', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'smtp.mail.com', port: 465, security: 'tls' },
      { host: 'smtp.mail.com', port: 587, security: 'starttls' },
    ],
    helpUrl: 'https://support.mail.com/premium/imap/server.html',
    signIn: 'password',
    note: 'Mail apps need a mail.com premium plan; with two-factor authentication on, use an application-specific password.',
    sources: { servers: ispdb('mail.com.xml'), signIn: FAIREMAIL_PROVIDERS },
  },
  {
    id: 'yandex',
    name: 'Yandex Mail',
    domains: ['yandex.ru', 'yandex.com', 'yandex.net', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.ru', 'narod.ru'],
    // Yandex 360 for business: a customer's domain points its MX at mx.yandex.net (older: mx.yandex.ru)
    mxSuffixes: ['mx.yandex.net', 'mx.yandex.ru'],
    incoming: {
      imap: { host: 'imap.yandex.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.yandex.com', port: 995, security: 'tls' },
    },
    outgoing: [{ host: 'smtp.yandex.com', port: 465, security: 'tls' }],
    helpUrl: 'https://yandex.com/support/mail/mail-clients/others.html',
    signIn: 'password',
    note: 'Mail apps must be allowed in Yandex Mail’s settings (“Email clients”) first.',
    sources: {
      servers: ispdb('yandex.ru.xml'),
      signIn: 'https://yandex.com/support/mail/mail-clients/others.html',
      mx: 'https://yandex.com.tr/support/kurum/set-mail/mx.html',
    },
  },
]
