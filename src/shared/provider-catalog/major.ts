import type { AppPasswordInfo, Provider } from '../providers.js'
import { ispdb, MICROSOFT_BASIC_AUTH_OFF } from './sources.js'
import { GOOGLE_OAUTH, MICROSOFT_OAUTH } from './oauth.js'

/** Google, Microsoft, Yahoo, AOL and Apple: the providers most addresses belong to. */

export const GOOGLE_APP_PASSWORD: AppPasswordInfo = {
  required: true,
  format: { charset: 'letters', length: 16, example: 'abcd efgh ijkl mnop' },
  createUrl: 'https://myaccount.google.com/apppasswords',
  helpUrl: 'https://support.google.com/accounts/answer/185833',
  prerequisiteUrl: 'https://myaccount.google.com/signinoptions/two-step-verification',
}

const GOOGLE_SERVERS = {
  incoming: {
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    pop3: { host: 'pop.gmail.com', port: 995, security: 'tls' },
  },
  outgoing: [
    { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
  ],
} as const

const MICROSOFT_SERVERS = {
  imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
  pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
} as const

/** iCloud+ custom domains: mail lands in the Apple Account's iCloud Mail, which is what mail apps sign in to. */
const ICLOUD_CUSTOM_DOMAINS =
  'https://www.suped.com/email-deliverability/answers/how-do-i-set-up-and-use-custom-email-domains-with-icloud-and-what-are-common-issues-with-it'

/** ISPDB hotmail.com.xml's domains, the common ones. */
const OUTLOOK_DOMAINS = [
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'windowslive.com',
  'hotmail.co.uk',
  'hotmail.de',
  'hotmail.fr',
  'hotmail.it',
  'hotmail.es',
  'hotmail.nl',
  'hotmail.ca',
  'hotmail.com.au',
  'hotmail.com.br',
  'outlook.de',
  'outlook.fr',
  'outlook.it',
  'outlook.es',
  'outlook.jp',
  'outlook.com.au',
  'outlook.com.br',
  'live.co.uk',
  'live.de',
  'live.fr',
  'live.it',
  'live.nl',
  'live.ca',
  'live.com.au',
]

export const MAJOR_PROVIDERS: readonly Provider[] = [
  {
    id: 'gmail',
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    mxSuffixes: [],
    ...GOOGLE_SERVERS,
    appPassword: GOOGLE_APP_PASSWORD,
    oauth: GOOGLE_OAUTH,
    helpUrl: 'https://support.google.com/mail/answer/7126229',
    signIn: 'app-password',
    sources: { servers: ispdb('googlemail.com.xml'), signIn: GOOGLE_APP_PASSWORD.helpUrl },
  },
  {
    id: 'google-workspace',
    name: 'Google Workspace',
    domains: [],
    // new domains get the single `smtp.google.com`, older ones `aspmx.l.google.com` and its alternates
    mxSuffixes: ['google.com', 'googlemail.com'],
    ...GOOGLE_SERVERS,
    appPassword: GOOGLE_APP_PASSWORD,
    oauth: GOOGLE_OAUTH,
    helpUrl: 'https://support.google.com/a/answer/9003945',
    signIn: 'app-password',
    note: 'An administrator can allow only OAuth sign-in (“Sign in with Google”) for the organisation.',
    sources: {
      servers: ispdb('googlemail.com.xml'),
      signIn: 'https://support.google.com/a/answer/14114704',
      mx: 'https://intodns.ai/citations/google-workspace-mx-records',
    },
  },
  {
    id: 'outlook',
    name: 'Outlook.com',
    domains: OUTLOOK_DOMAINS,
    mxSuffixes: ['olc.protection.outlook.com'],
    incoming: MICROSOFT_SERVERS,
    outgoing: [{ host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' }],
    oauthOnly: true,
    oauth: MICROSOFT_OAUTH,
    helpUrl:
      'https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
    signIn: 'oauth2',
    sources: {
      servers:
        'https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
      signIn: MICROSOFT_BASIC_AUTH_OFF,
      mx: ispdb('hotmail.com.xml'),
    },
  },
  {
    id: 'microsoft-365',
    name: 'Microsoft 365',
    domains: [],
    // `<domain>.mail.protection.outlook.com`, and `<domain>.<id>.mx.microsoft` for domains added since 2026
    mxSuffixes: ['mail.protection.outlook.com', 'mx.microsoft'],
    incoming: MICROSOFT_SERVERS,
    outgoing: [{ host: 'smtp.office365.com', port: 587, security: 'starttls' }],
    // basic auth for IMAP and POP is off in every tenant since 2023; SMTP AUTH goes off by default at the
    // end of 2026 (round2.md §1): Mailkey signs Microsoft 365 in with OAuth only
    oauthOnly: true,
    oauth: MICROSOFT_OAUTH,
    helpUrl:
      'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
    signIn: 'oauth2',
    sources: {
      servers: ispdb('office365.com.xml'),
      signIn: MICROSOFT_BASIC_AUTH_OFF,
      mx: 'https://c7solutions.com/2024/02/what-is-mx-microsoft',
    },
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    domains: [
      'yahoo.com',
      'ymail.com',
      'rocketmail.com',
      'myyahoo.com',
      'yahoo.co.uk',
      'yahoo.fr',
      'yahoo.de',
      'yahoo.it',
      'yahoo.es',
      'yahoo.ca',
      'yahoo.co.in',
      'yahoo.com.au',
      'yahoo.com.br',
    ],
    mxSuffixes: ['yahoodns.net'],
    incoming: {
      imap: { host: 'imap.mail.yahoo.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.mail.yahoo.com', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' },
      { host: 'smtp.mail.yahoo.com', port: 587, security: 'starttls' },
    ],
    appPassword: {
      required: true,
      format: { charset: 'letters', length: 16, example: 'abcd efgh ijkl mnop' },
      createUrl: 'https://login.yahoo.com/account/security',
      helpUrl: 'https://help.yahoo.com/kb/SLN15241.html',
    },
    helpUrl: 'https://help.yahoo.com/kb/SLN4075.html',
    signIn: 'app-password',
    sources: {
      servers: ispdb('yahoo.com.xml'),
      signIn: 'https://help.yahoo.com/kb/SLN15241.html',
      mx: ispdb('yahoo.com.xml'),
    },
  },
  {
    id: 'aol',
    name: 'AOL Mail',
    domains: ['aol.com', 'aim.com', 'aol.de', 'aol.fr', 'aol.it', 'aol.es', 'aol.co.uk', 'aol.com.au', 'netscape.net'],
    mxSuffixes: ['mail.gm0.yahoodns.net'],
    incoming: {
      imap: { host: 'imap.aol.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.aol.com', port: 995, security: 'tls' },
    },
    outgoing: [{ host: 'smtp.aol.com', port: 465, security: 'tls' }],
    appPassword: {
      required: true,
      format: { charset: 'letters', length: 16, example: 'abcd efgh ijkl mnop' },
      createUrl: 'https://login.aol.com/account/security',
      helpUrl: 'https://help.aol.com/articles/Create-and-manage-app-password',
    },
    helpUrl: 'https://help.aol.com/articles/how-do-i-use-other-email-applications-to-send-and-receive-my-aol-mail',
    signIn: 'app-password',
    sources: {
      servers: ispdb('aol.com.xml'),
      signIn: 'https://help.aol.com/articles/Create-and-manage-app-password',
      mx: ispdb('aol.com.xml'),
    },
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    // also the MX of custom domains in iCloud Mail (mx01.mail.icloud.com)
    mxSuffixes: ['mail.icloud.com'],
    incoming: { imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' } },
    outgoing: [{ host: 'smtp.mail.me.com', port: 587, security: 'starttls' }],
    appPassword: {
      required: true,
      format: { charset: 'letters', length: 16, example: 'abcd-efgh-ijkl-mnop' },
      createUrl: 'https://account.apple.com/account/manage',
      helpUrl: 'https://support.apple.com/en-us/102654',
    },
    helpUrl: 'https://support.apple.com/en-us/102525',
    signIn: 'app-password',
    note: 'An address at your own domain signs in with your iCloud Mail address (name@icloud.com).',
    sources: {
      servers: 'https://support.apple.com/en-us/102525',
      signIn: 'https://support.apple.com/en-us/102654',
      mx: ICLOUD_CUSTOM_DOMAINS,
    },
  },
]
