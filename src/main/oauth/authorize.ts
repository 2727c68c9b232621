import * as client from 'openid-client'
import type { OAuthSettings } from '../../shared/oauth.js'
import { ProbeFailure } from '../mail/probe-failure.js'
import { startLoopbackListener } from './loopback-listener.js'
import { clientConfiguration, providerAuthorizationParams } from './oauth-client.js'
import { oauthFailure } from './oauth-failure.js'
import type { TokenSet } from './token-set.js'

export type ClientSettings = Omit<OAuthSettings, 'grantedScope' | 'hasClientSecret'>

export interface AuthorizeOptions {
  settings: ClientSettings
  clientSecret?: string | null | undefined
  /** The address being set up, as a hint for the provider's account chooser (OIDC `login_hint`). */
  loginHint?: string | undefined
  /**
   * Opens the authorization URL in the system browser (never an embedded window: RFC 8252 §8.12), or
   * prints it (`--no-browser`). Called once, after the listener is up.
   */
  open: (url: string) => Promise<void>
  timeoutMs: number
  /** Cancel: closes the listener and stops any request in flight. */
  signal?: AbortSignal | undefined
}

/** A finished authorization: the tokens (main only), and what the page may see. */
export interface Authorization {
  tokens: TokenSet
  /** Requests the listener refused while waiting (a wrong state, another path). */
  refusedRequests: number
}

/**
 * The authorization code grant with PKCE (RFC 7636, S256) and `state`, through the system browser and
 * a loopback redirect (RFC 8252): start the listener, open the authorization URL, wait for the one
 * redirect, exchange the code (openid-client checks the state and the response again), and return the
 * tokens. Throws ProbeFailure (the provider's refusal, the network, the timeout: code EOAUTHTIMEOUT) or
 * ProbeCancelled; the listener is closed on every path. A response without a refresh token is a
 * failure: nothing could be saved from it.
 */
export async function authorize(opts: AuthorizeOptions): Promise<Authorization> {
  const { settings } = opts
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const listener = await startLoopbackListener({ expectedState: state, timeoutMs: opts.timeoutMs, signal: opts.signal })
  try {
    const config = clientConfiguration(settings, opts.clientSecret, opts.signal)
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: listener.redirectUri,
      scope: settings.scope,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...(opts.loginHint ? { login_hint: opts.loginHint } : {}),
      ...providerAuthorizationParams(settings),
    })
    await opts.open(url.href)
    const callback = await listener.callback
    const response = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    })
    if (!response.refresh_token) {
      throw new ProbeFailure({
        code: 'EOAUTH',
        message: `The provider issued no refresh token, so the sign-in cannot be kept (Microsoft needs the scope offline_access; other providers an offline-access setting of the client)`,
        endpoint: { host: new URL(settings.tokenEndpoint).hostname, port: 443, security: 'tls' },
      })
    }
    return {
      tokens: {
        accessToken: response.access_token,
        refreshToken: response.refresh_token,
        expiresAt: Date.now() + (response.expires_in ?? 3600) * 1000,
        // RFC 6749 §5.1: no scope in the response means the one asked for was granted
        scope: response.scope ?? settings.scope,
      },
      refusedRequests: listener.refused(),
    }
  } catch (e) {
    throw oauthFailure(e, settings.tokenEndpoint, settings.clientId)
  } finally {
    listener.close()
  }
}
