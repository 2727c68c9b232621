import type { IncomingProtocol, Security } from './mail.js'
import { BRIDGES } from './provider-catalog/bridges.js'
import { HOSTING_PROVIDERS } from './provider-catalog/hosting.js'
import { GOOGLE_APP_PASSWORD, MAJOR_PROVIDERS } from './provider-catalog/major.js'
import { MAIL_PROVIDERS } from './provider-catalog/mail-services.js'
import { RELAYS } from './provider-catalog/relays.js'
import { GOOGLE_OAUTH, MICROSOFT_OAUTH } from './provider-catalog/oauth.js'
import type { OAuthProviderKind } from './oauth.js'

/**
 * Server presets of the providers a small office meets, as data: each fact with its source
 * (`sources`). Mailbox providers are found from the address's domain, or from the domain's MX records
 * when they host customers' own domains (Google Workspace, Microsoft 365, Zoho...). Relays only send;
 * a bridge runs on the user's own computer.
 */
export const PROVIDER_IDS = [
  'gmail',
  'google-workspace',
  'outlook',
  'microsoft-365',
  'yahoo',
  'aol',
  'icloud',
  'fastmail',
  'zoho',
  'gmx',
  'gmx-com',
  'web-de',
  'mail-com',
  'yandex',
  'proton-bridge',
  'ionos',
  'ovh',
  'godaddy',
  'namecheap',
  'strato',
  'hostinger',
  'sendgrid',
  'mailgun',
  'amazon-ses',
  'brevo',
  'postmark',
] as const

export type ProviderId = (typeof PROVIDER_IDS)[number]

/**
 * How mail apps sign in: an app-specific password (the normal one is refused), OAuth2 (SASL XOAUTH2;
 * passwords are switched off), or the account's (or mailbox's) own password.
 */
export type SignIn = 'app-password' | 'oauth2' | 'password'

/**
 * The user name a server wants: the whole address, the part before the `@` (Thunderbird's
 * `%EMAILLOCALPART%`), or a fixed name (SendGrid's `apikey`).
 */
export type UsernameRule = 'address' | 'local-part' | { fixed: string }

export interface ServerPreset {
  host: string
  port: number
  security: Security
  /** When this server wants another user name than the provider's rule. */
  username?: UsernameRule
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

/** One region of a regional service: its hosts' suffix and the names (address domains, MX hosts) in it. */
export interface ProviderRegion {
  /** The suffix of this region's server hosts, e.g. `zoho.eu` (imap.zoho.eu). */
  hosts: string
  /** Address domains and MX suffixes that belong to this region, e.g. `zoho.eu`, `zohomail.eu`. */
  names: readonly string[]
}

/** Where the facts of a preset come from (URLs). */
export interface ProviderSources {
  /** Hosts, ports, security and user names. */
  servers: string
  /** Which sign-in the provider needs. */
  signIn?: string
  /** The MX host names its customers' domains point to. */
  mx?: string
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
  /** The sign-in mail apps need (app password, OAuth2 or the normal password). */
  signIn: SignIn
  /** The user name the servers want (the address unless a server says otherwise). */
  username?: UsernameRule
  /**
   * The same service under regional names (Zoho's zoho.eu, zoho.in...): the presets name the first
   * region's hosts; an address or MX host in another region gets that region's hosts.
   */
  regions?: readonly ProviderRegion[]
  /** `relay`: sends only (no mailbox); `bridge`: a program on the user's own computer. */
  kind?: 'relay' | 'bridge'
  /** What the user must know that no setting can say, in plain words. */
  note?: string
  sources: ProviderSources
}

/** Mailbox providers reached over the internet on the standard ports. */
export const PROVIDERS: readonly Provider[] = [...MAJOR_PROVIDERS, ...MAIL_PROVIDERS, ...HOSTING_PROVIDERS]

export { BRIDGES, RELAYS }

/** Every preset: mailbox providers, local bridges and sending relays. */
export const PRESETS: readonly Provider[] = [...PROVIDERS, ...BRIDGES, ...RELAYS]

export function providerById(id: ProviderId): Provider {
  const p = PRESETS.find((x) => x.id === id)
  if (!p) throw new Error(`unknown provider ${id}`)
  return p
}

/** The provider that serves this address's domain, by the domain alone (no network). */
export function providerForAddress(address: string, catalog: readonly Provider[] = PRESETS): Provider | undefined {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase()
  if (!domain) return undefined
  return catalog.find((p) => p.domains.includes(domain))
}

/**
 * The provider that runs the given MX hosts (Google Workspace, Microsoft 365...): the longest matching
 * suffix wins, so AOL's `mail.gm0.yahoodns.net` is not taken for Yahoo's `yahoodns.net`.
 */
export function providerForMx(
  mxHosts: readonly string[],
  catalog: readonly Provider[] = PRESETS,
): Provider | undefined {
  let best: { provider: Provider; length: number } | undefined
  for (const raw of mxHosts) {
    const host = raw.toLowerCase().replace(/\.$/, '')
    for (const provider of catalog) {
      for (const suffix of provider.mxSuffixes) {
        const match = host === suffix || host.endsWith(`.${suffix}`)
        if (match && suffix.length > (best?.length ?? 0)) best = { provider, length: suffix.length }
      }
    }
    // the lowest-priority MX (first) decides; a backup MX elsewhere does not
    if (best) return best.provider
  }
  return undefined
}

/** Every server host a preset names, in every region, for recognising a provider from published settings. */
export function presetHosts(provider: Provider): string[] {
  const hosts = [...Object.values(provider.incoming), ...provider.outgoing].map((s) => s.host)
  const regional = (provider.regions ?? []).flatMap((region) => hosts.map((h) => regionalHost(provider, h, region)))
  return [...new Set([...hosts, ...regional])]
}

/** A preset host in another of the provider's regions (imap.zoho.com → imap.zoho.eu). */
export function regionalHost(provider: Provider, host: string, region: ProviderRegion): string {
  const home = provider.regions?.[0]?.hosts
  return home && host.endsWith(`.${home}`) ? `${host.slice(0, -home.length)}${region.hosts}` : host
}

/** The region that an address domain or MX host belongs to; the first (home) region otherwise. */
export function regionOf(provider: Provider, names: readonly string[]): ProviderRegion | undefined {
  const lower = names.map((n) => n.toLowerCase().replace(/\.$/, ''))
  const inRegion = (r: ProviderRegion): boolean =>
    r.names.some((name) => lower.some((n) => n === name || n.endsWith(`.${name}`)))
  return provider.regions?.find(inRegion) ?? provider.regions?.[0]
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
  /** Gmail settings → "Filters and Blocked Addresses" (Gmail runs no Sieve scripts). */
  gmailFilters: 'https://mail.google.com/mail/u/0/#settings/filters',
  /** Fastmail: Settings → Mail rules → "Edit custom Sieve code". */
  fastmailSieve: 'https://www.fastmail.help/hc/en-us/articles/1500000280481-Using-Sieve-scripts-in-Fastmail',
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
  'hilfe.gmx.net',
  'hilfe.web.de',
  'support.mail.com',
  'yandex.com',
  'proton.me',
  'www.ionos.com',
  'docs.ovh.com',
  'www.godaddy.com',
  'www.namecheap.com',
  'www.strato.com',
  'www.hostinger.com',
  'www.twilio.com',
  'documentation.mailgun.com',
  'docs.aws.amazon.com',
  'developers.brevo.com',
  'postmarkapp.com',
  // where users register their own OAuth client (the OAuth guidance screens)
  'console.cloud.google.com',
  'developers.google.com',
  'entra.microsoft.com',
]
