import { z } from 'zod'
import { OAUTH_PROVIDER_KINDS, type OAuthProviderKind } from './oauth-kinds.js'

/**
 * Sign-in with OAuth 2.0 (XOAUTH2/OAUTHBEARER for IMAP, POP3 and SMTP): the shapes the page, main and
 * the CLI share. Secrets (client secret, tokens) never appear in these types except as input going in.
 */
export { OAUTH_PROVIDER_KINDS, type OAuthProviderKind } from './oauth-kinds.js'
export const OAuthProviderKindSchema = z.enum(OAUTH_PROVIDER_KINDS)

/**
 * What the user registers as the redirect URI: the loopback address without a port. Google's Desktop
 * clients and Microsoft's public clients accept any port on it at sign-in time (RFC 8252 §7.3, §8.3).
 */
export const LOOPBACK_REDIRECT = 'http://127.0.0.1'

/** How long a sign-in waits for the browser by default (the user reads, types, approves). */
export const DEFAULT_AUTHORIZE_TIMEOUT_MS = 5 * 60_000

/** RFC 8252 §7.3 loopback hosts as `URL.hostname` spells them. `localhost` is not one (it may resolve elsewhere). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]'
}

/**
 * Why `raw` cannot be an OAuth endpoint, or null when it can: an absolute `https:` URL, or `http:` on a
 * loopback address (a local identity server, the tests), with no user info and no fragment (RFC 6749
 * §3.1, §3.2).
 */
export function oauthEndpointProblem(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'Enter the full address, starting with https://'
  }
  if (url.username || url.password) return 'The address must not contain a user name or password.'
  if (url.hash) return 'The address must not contain a fragment (#…).'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null
  return 'The address must start with https:// (http:// only for 127.0.0.1 or [::1]).'
}

export const OAuthEndpointSchema = z
  .string()
  .trim()
  .max(2048, 'The address is at most 2048 characters.')
  .superRefine((s, ctx) => {
    const problem = oauthEndpointProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** Client IDs are opaque printable strings (Google's end in .apps.googleusercontent.com; Microsoft's are GUIDs). */
export const ClientIdSchema = z
  .string()
  .trim()
  .min(1, 'Enter the client ID.')
  .max(512, 'The client ID is at most 512 characters.')
  .refine((s) => /^[\x21-\x7e]+$/.test(s), 'The client ID has no spaces or special characters.')

export const ClientSecretSchema = z
  .string()
  .min(1, 'Enter the client secret.')
  .max(1024, 'The client secret is at most 1024 characters.')
  .refine((s) => !/[\r\n\0]/.test(s), 'The client secret cannot contain line breaks.')

/** RFC 6749 §3.3: scope tokens are printable ASCII without `"` and `\`, separated by spaces. */
export const ScopeSchema = z
  .string()
  .trim()
  .min(1, 'Enter the scope.')
  .max(1024, 'The scope is at most 1024 characters.')
  .refine(
    (s) => s.split(/ +/).every((t) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(t)),
    'A scope is one or more words of letters, digits and punctuation, separated by spaces.',
  )

/**
 * The OAuth client a sign-in uses, as the user or the provider preset gives it. Google and Microsoft
 * fill the endpoints and scope from the preset; "custom" needs them all. The secret is optional
 * (public clients have none) and goes to the keychain only.
 */
export const OAuthClientInput = z
  .strictObject({
    provider: OAuthProviderKindSchema,
    clientId: ClientIdSchema,
    clientSecret: ClientSecretSchema.optional(),
    authorizationEndpoint: OAuthEndpointSchema.optional(),
    tokenEndpoint: OAuthEndpointSchema.optional(),
    revocationEndpoint: OAuthEndpointSchema.optional(),
    scope: ScopeSchema.optional(),
    /** From an OpenID issuer's discovery document, when the endpoints were filled from it. */
    issuer: OAuthEndpointSchema.optional(),
  })
  .refine(
    (c) => c.provider !== 'custom' || (c.authorizationEndpoint && c.tokenEndpoint && c.scope),
    'Another provider needs the authorization and token endpoints and the scope.',
  )
export type OAuthClient = z.infer<typeof OAuthClientInput>

/** The OAuth client of a saved account: everything but the secret, which lives in the keychain. */
export interface OAuthSettings {
  provider: OAuthProviderKind
  clientId: string
  authorizationEndpoint: string
  tokenEndpoint: string
  /** RFC 7009 revocation endpoint, when the provider has one (Google yes, Microsoft no). */
  revocationEndpoint: string | null
  /** The scope asked for. */
  scope: string
  /** The issuer an ID token must name, when known (the preset's, or the discovered one). */
  issuer: string | null
  /** What the provider granted at the last sign-in (a user may untick a scope on Google's consent screen). */
  grantedScope: string | null
  /**
   * The client has a secret (a confidential client), kept in the keychain; an imported account's
   * keychain holds none until its first sign-in on this computer, which asks for it.
   */
  hasClientSecret: boolean
}

/**
 * A saved sign-in's client as sign-in input again, with the client secret the user gives now: for an
 * account whose keychain holds no secret (imported from an accounts file, which never carries one).
 */
export function clientOfSettings(settings: OAuthSettings, clientSecret?: string): OAuthClient {
  return {
    provider: settings.provider,
    clientId: settings.clientId,
    authorizationEndpoint: settings.authorizationEndpoint,
    tokenEndpoint: settings.tokenEndpoint,
    scope: settings.scope,
    ...(settings.revocationEndpoint ? { revocationEndpoint: settings.revocationEndpoint } : {}),
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(clientSecret !== undefined ? { clientSecret } : {}),
  }
}

/** A finished sign-in, as the page sees it: never a token. */
export interface OAuthGrantInfo {
  /** Names the tokens kept in main until the account is saved (or they expire unused). */
  grantId: string
  provider: OAuthProviderKind
  /** The granted scope. */
  scope: string
  /** Seconds until the access token expires. */
  expiresIn: number
}

/** The endpoints an OpenID issuer publishes (its discovery document), to fill a custom client. */
export interface DiscoveredEndpoints {
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
  revocationEndpoint: string | null
  /** The scopes it says it supports, when it lists them. */
  scopesSupported: string[]
}
