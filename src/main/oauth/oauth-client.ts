import * as client from 'openid-client'
import { isLoopbackHost, type OAuthClient, type OAuthSettings } from '../../shared/oauth.js'
import { OAUTH_PRESETS } from '../../shared/providers.js'

/**
 * The OAuth client of a sign-in as openid-client wants it, built in one place: endpoints from the
 * provider preset (Google, Microsoft) or from the user (custom), client authentication (a secret sent
 * in the form body, RFC 6749 §2.3.1, or none for a public client), http: only for loopback hosts, and
 * every request bounded in time and cancellable.
 */

/** Each token-endpoint request, at most (openid-client takes seconds). */
export const TOKEN_REQUEST_TIMEOUT_MS = 15_000

/** The saved form of a client: endpoints filled in from the preset for Google and Microsoft. */
export function oauthSettings(c: OAuthClient): Omit<OAuthSettings, 'grantedScope'> {
  const preset = c.provider === 'custom' ? undefined : OAUTH_PRESETS[c.provider]
  const authorizationEndpoint = c.authorizationEndpoint ?? preset?.authorizationEndpoint
  const tokenEndpoint = c.tokenEndpoint ?? preset?.tokenEndpoint
  const scope = c.scope ?? preset?.scope
  if (!authorizationEndpoint || !tokenEndpoint || !scope) {
    throw new Error('an OAuth client needs its authorization and token endpoints and a scope')
  }
  return {
    provider: c.provider,
    clientId: c.clientId,
    authorizationEndpoint,
    tokenEndpoint,
    revocationEndpoint: c.revocationEndpoint ?? preset?.revocationEndpoint ?? null,
    scope,
    issuer: c.issuer ?? preset?.issuer ?? null,
    hasClientSecret: c.clientSecret !== undefined,
  }
}

/** Parameters the provider needs on the authorization request (Google: offline access, consent). */
export function providerAuthorizationParams(settings: Pick<OAuthSettings, 'provider'>): Record<string, string> {
  return settings.provider === 'custom' ? {} : { ...OAUTH_PRESETS[settings.provider].authorizationParams }
}

function isLoopbackHttp(url: string): boolean {
  const u = new URL(url)
  return u.protocol === 'http:' && isLoopbackHost(u.hostname)
}

/**
 * An openid-client Configuration for these settings. The issuer is the one an ID token (if the server
 * sends one) must name: the preset's or the discovered one, else the authorization endpoint's origin.
 * `signal` cancels every request made with it.
 */
export function clientConfiguration(
  settings: Pick<
    OAuthSettings,
    'clientId' | 'authorizationEndpoint' | 'tokenEndpoint' | 'revocationEndpoint' | 'issuer'
  >,
  clientSecret: string | null | undefined,
  signal?: AbortSignal,
): client.Configuration {
  const server: client.ServerMetadata = {
    issuer: settings.issuer ?? new URL(settings.authorizationEndpoint).origin,
    authorization_endpoint: settings.authorizationEndpoint,
    token_endpoint: settings.tokenEndpoint,
    ...(settings.revocationEndpoint ? { revocation_endpoint: settings.revocationEndpoint } : {}),
  }
  const auth = clientSecret ? client.ClientSecretPost(clientSecret) : client.None()
  const config = new client.Configuration(server, settings.clientId, undefined, auth)
  config.timeout = TOKEN_REQUEST_TIMEOUT_MS / 1000
  const endpoints = [settings.authorizationEndpoint, settings.tokenEndpoint, settings.revocationEndpoint ?? '']
  if (endpoints.some((e) => e && isLoopbackHttp(e))) client.allowInsecureRequests(config)
  if (signal) {
    config[client.customFetch] = (url, options) => {
      // openid-client's body type (a Uint8Array among others) is one the Node types' RequestInit omits
      const init = {
        ...options,
        signal: options.signal ? AbortSignal.any([options.signal, signal]) : signal,
      } as unknown as RequestInit
      return fetch(url, init)
    }
  }
  return config
}
