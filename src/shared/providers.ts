import type { IncomingProtocol, Security } from './mail.js'
import type { OAuthProviderKind } from './oauth.js'

/**
 * Server presets of the big providers, as data. Sources: each provider's own help page (helpUrl).
 * Workspace and Microsoft 365 use their customers' domains and are recognised from MX records.
 */
export type ProviderId =
  'gmail' | 'google-workspace' | 'outlook' | 'microsoft-365' | 'yahoo' | 'aol' | 'icloud' | 'fastmail' | 'zoho' | 'gmx'

export interface ServerPreset {
  host: string
  port: number
  security: Security
}

export interface AppPasswordFormat {
  /** Characters the provider puts in its passwords; separators are stripped before checking. */
  charset: 'letters' | 'alphanumeric'
  length: number
  /** How the provider displays it, e.g. "abcd efgh ijkl mnop". */
  example: string
}

export interface AppPasswordInfo {
  /** The provider refuses the normal account password for IMAP/POP/SMTP. */
  required: boolean
  format?: AppPasswordFormat
  /** Where the user creates one. */
  createUrl: string
  /** The provider's own explanation. */
  helpUrl: string
  /** What must be switched on first, e.g. Google's 2-Step Verification. */
  prerequisiteUrl?: string
}

/**
 * How a provider's accounts sign in with OAuth 2.0 (authorization code with PKCE, loopback redirect).
 * Mailkey ships no client ID: the user registers their own client (guidance screens link `consoleUrl`).
 */
export interface OAuthPreset {
  kind: Exclude<OAuthProviderKind, 'custom'>
  /** The issuer an ID token (if one comes back) must name. */
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
  /** RFC 7009 revocation endpoint, or null when the provider offers none. */
  revocationEndpoint: string | null
  /** Every scope mail needs, space-separated: the one IMAP, POP3 and SMTP all accept. */
  scope: string
  /** Extra authorization parameters the provider needs to hand out a refresh token. */
  authorizationParams: Readonly<Record<string, string>>
  /** Where the user registers an OAuth client. */
  consoleUrl: string
  /** The provider's own guide to registering one. */
  guideUrl: string
}

/**
 * Google (https://developers.google.com/identity/protocols/oauth2/native-app, scope from
 * https://developers.google.com/gmail/imap/xoauth2-protocol): `access_type=offline` asks for a refresh
 * token, `prompt=consent` asks for a new one on every sign-in (Google sends it only on first consent
 * otherwise).
 */
const GOOGLE_OAUTH: OAuthPreset = {
  kind: 'google',
  issuer: 'https://accounts.google.com',
  authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  revocationEndpoint: 'https://oauth2.googleapis.com/revoke',
  scope: 'https://mail.google.com/',
  authorizationParams: { access_type: 'offline', prompt: 'consent' },
  consoleUrl: 'https://console.cloud.google.com/apis/credentials',
  guideUrl: 'https://developers.google.com/identity/protocols/oauth2/native-app',
}

/**
 * Microsoft identity platform, `common` tenant (work, school and personal accounts), scopes from
 * https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 * (the same for Outlook.com and Microsoft 365). `offline_access` asks for a refresh token. No revocation
 * endpoint: a Microsoft sign-in is ended on the account's own page.
 */
const MICROSOFT_OAUTH: OAuthPreset = {
  kind: 'microsoft',
  issuer: 'https://login.microsoftonline.com/common/v2.0',
  authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  tokenEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  revocationEndpoint: null,
  scope:
    'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access',
  authorizationParams: {},
  consoleUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
  guideUrl:
    'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
}

/**
 * The scope a provider's mail server wants in a token for one protocol (what a refused token lacked,
 * when its granted scope does not have it): Google's one scope for everything; Microsoft's per protocol.
 */
export function mailScopeFor(kind: OAuthPreset['kind'], protocol: 'imap' | 'pop3' | 'smtp'): string {
  if (kind === 'google') return GOOGLE_OAUTH.scope
  const name = { imap: 'IMAP.AccessAsUser.All', pop3: 'POP.AccessAsUser.All', smtp: 'SMTP.Send' }[protocol]
  return `https://outlook.office.com/${name}`
}

/** The OAuth presets by kind, for a sign-in whose provider is named but whose account is not known. */
export const OAUTH_PRESETS: Readonly<Record<OAuthPreset['kind'], OAuthPreset>> = {
  google: GOOGLE_OAUTH,
  microsoft: MICROSOFT_OAUTH,
}

export interface Provider {
  id: ProviderId
  name: string
  /** Address domains served by the provider (empty for custom-domain providers found by MX). */
  domains: readonly string[]
  /** MX host suffixes that identify the provider for a custom domain. */
  mxSuffixes: readonly string[]
  incoming: Partial<Record<IncomingProtocol, ServerPreset>>
  /** The first one is the default. */
  outgoing: readonly ServerPreset[]
  appPassword?: AppPasswordInfo
  /** Basic (password) authentication is switched off by the provider; only OAuth works. */
  oauthOnly?: boolean
  /** How its accounts sign in with OAuth, when they can. */
  oauth?: OAuthPreset
  helpUrl: string
}

const GOOGLE_APP_PASSWORD: AppPasswordInfo = {
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

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'gmail',
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    mxSuffixes: [],
    ...GOOGLE_SERVERS,
    appPassword: GOOGLE_APP_PASSWORD,
    oauth: GOOGLE_OAUTH,
    helpUrl: 'https://support.google.com/mail/answer/7126229',
  },
  {
    id: 'google-workspace',
    name: 'Google Workspace',
    domains: [],
    mxSuffixes: ['google.com', 'googlemail.com'],
    ...GOOGLE_SERVERS,
    appPassword: GOOGLE_APP_PASSWORD,
    oauth: GOOGLE_OAUTH,
    helpUrl: 'https://support.google.com/a/answer/9003945',
  },
  {
    id: 'outlook',
    name: 'Outlook.com',
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'outlook.de', 'hotmail.fr'],
    mxSuffixes: [],
    incoming: {
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
    },
    outgoing: [{ host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' }],
    oauthOnly: true,
    oauth: MICROSOFT_OAUTH,
    helpUrl:
      'https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
  },
  {
    id: 'microsoft-365',
    name: 'Microsoft 365',
    domains: [],
    mxSuffixes: ['mail.protection.outlook.com'],
    incoming: {
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
    },
    outgoing: [{ host: 'smtp.office365.com', port: 587, security: 'starttls' }],
    // basic auth for IMAP and POP is off in every tenant since 2023; SMTP AUTH goes off by default at the
    // end of 2026 (round2.md §1): Mailkey signs Microsoft 365 in with OAuth only
    oauthOnly: true,
    oauth: MICROSOFT_OAUTH,
    helpUrl:
      'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    domains: ['yahoo.com', 'ymail.com', 'rocketmail.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de'],
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
  },
  {
    id: 'aol',
    name: 'AOL Mail',
    domains: ['aol.com', 'aim.com'],
    mxSuffixes: [],
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
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
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
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    domains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'],
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
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    domains: ['zoho.com', 'zohomail.com'],
    mxSuffixes: ['zoho.com', 'zoho.eu'],
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
  },
  {
    id: 'gmx',
    name: 'GMX',
    domains: ['gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch'],
    mxSuffixes: ['gmx.net'],
    incoming: {
      imap: { host: 'imap.gmx.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.gmx.com', port: 995, security: 'tls' },
    },
    outgoing: [
      { host: 'mail.gmx.com', port: 465, security: 'tls' },
      { host: 'mail.gmx.com', port: 587, security: 'starttls' },
    ],
    helpUrl: 'https://support.gmx.com/pop-imap/imap/server.html',
  },
]

export function providerById(id: ProviderId): Provider {
  const p = PROVIDERS.find((x) => x.id === id)
  if (!p) throw new Error(`unknown provider ${id}`)
  return p
}

/** The provider that serves this address's domain, by the domain alone (no network). */
export function providerForAddress(address: string, catalog: readonly Provider[] = PROVIDERS): Provider | undefined {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase()
  if (!domain) return undefined
  return catalog.find((p) => p.domains.includes(domain))
}

/** The provider that runs the given MX hosts (Google Workspace, Microsoft 365...). */
export function providerForMx(
  mxHosts: readonly string[],
  catalog: readonly Provider[] = PROVIDERS,
): Provider | undefined {
  const hosts = mxHosts.map((h) => h.toLowerCase().replace(/\.$/, ''))
  return catalog.find((p) => p.mxSuffixes.some((s) => hosts.some((h) => h === s || h.endsWith(`.${s}`))))
}

/**
 * Pages of the providers' own that fixes and guidance link to, beyond a provider's `helpUrl` and
 * app-password pages. The one place provider URLs live (every host is in HELP_HOSTS below).
 */
export const PROVIDER_PAGES = {
  /** Gmail settings → Accounts → "Send mail as". */
  gmailSendAs: 'https://mail.google.com/mail/u/0/#settings/accounts',
  /** Gmail settings → "Forwarding and POP/IMAP". */
  gmailPopImap: 'https://mail.google.com/mail/u/0/#settings/fwdandpop',
  /** "Sign in using a web browser" (Gmail's WEBALERT / web-login-required). */
  googleWebLogin: 'https://support.google.com/mail/accounts/answer/78754',
  /** Gmail and Workspace sending limits. */
  googleSendingLimits: 'https://support.google.com/a/answer/166852',
  /** Google's App passwords page: the fix when a pasted error names no provider of its own. */
  googleAppPasswords: GOOGLE_APP_PASSWORD.createUrl,
  /** Exchange Online: enabling SMTP AUTH for a mailbox (admins). */
  microsoftSmtpAuth:
    'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  microsoftAccount: 'https://account.microsoft.com/',
} as const

/** Hosts of provider help pages that the app may open in the system browser. */
export const HELP_HOSTS: readonly string[] = [
  'myaccount.google.com',
  'support.google.com',
  'mail.google.com',
  'admin.google.com',
  'login.yahoo.com',
  'help.yahoo.com',
  'login.aol.com',
  'help.aol.com',
  'account.apple.com',
  'support.apple.com',
  'app.fastmail.com',
  'www.fastmail.help',
  'accounts.zoho.com',
  'www.zoho.com',
  'support.microsoft.com',
  'learn.microsoft.com',
  'account.microsoft.com',
  'admin.microsoft.com',
  'support.gmx.com',
  // where users register their own OAuth client (the OAuth guidance screens)
  'console.cloud.google.com',
  'developers.google.com',
  'entra.microsoft.com',
]
