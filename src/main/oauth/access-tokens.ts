import * as client from 'openid-client'
import type { OAuthSettings } from '../../shared/oauth.js'
import { AppError } from '../app-error.js'
import { ProbeCancelled } from '../mail/probe-failure.js'
import { clientConfiguration } from './oauth-client.js'
import { oauthFailure } from './oauth-failure.js'
import type { AccessToken } from './token-set.js'

/** Whose sign-in: an account, or an OAuth grant saved without one. */
export interface OAuthOwner {
  id: string
  oauth: OAuthSettings
}

/** Where an owner's refresh token and client secret are kept (the keychain; in memory before saving). */
export interface OAuthSecretSource {
  oauthSecrets(ownerId: string): Promise<{ refreshToken: string; clientSecret: string | null } | null>
  /** A provider that rotates refresh tokens (Microsoft) hands out a new one with each refresh. */
  replaceRefreshToken(ownerId: string, refreshToken: string): Promise<void>
}

/** Refresh this long before the access token expires, so it never expires mid-test. */
export const REFRESH_MARGIN_MS = 60_000

/**
 * Access tokens in memory, one per owner, refreshed silently with the saved refresh token when they
 * are about to expire (RFC 6749 §6). Two sides of a test asking at once share one refresh. A refused
 * refresh (invalid_grant: revoked, expired, a Google app in "Testing" after 7 days) throws the
 * provider's refusal as a ProbeFailure, for the stale-sign-in diagnosis; a network failure throws the
 * network's. Nothing here is ever written anywhere but memory, except a rotated refresh token.
 */
export class AccessTokens {
  private readonly cache = new Map<string, AccessToken>()
  private readonly inFlight = new Map<string, Promise<AccessToken>>()

  constructor(
    private readonly secrets: OAuthSecretSource,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Keeps a token just obtained (at sign-in), so the first test needs no refresh. */
  seed(ownerId: string, token: AccessToken): void {
    this.cache.set(ownerId, token)
  }

  forget(ownerId: string): void {
    this.cache.delete(ownerId)
  }

  /** The cached token, if it is still good for REFRESH_MARGIN_MS. */
  fresh(ownerId: string): AccessToken | undefined {
    const t = this.cache.get(ownerId)
    return t && t.expiresAt - this.now() > REFRESH_MARGIN_MS ? t : undefined
  }

  /** A usable access token for `owner`: cached, or refreshed now. */
  async accessToken(owner: OAuthOwner, signal: AbortSignal): Promise<string> {
    const cached = this.fresh(owner.id)
    if (cached) return cached.accessToken
    let refreshing = this.inFlight.get(owner.id)
    if (!refreshing) {
      // not tied to one caller's signal: the other side of the test may still want it
      refreshing = this.refresh(owner).finally(() => this.inFlight.delete(owner.id))
      this.inFlight.set(owner.id, refreshing)
    }
    const token = await abortable(refreshing, signal)
    return token.accessToken
  }

  private async refresh(owner: OAuthOwner): Promise<AccessToken> {
    const saved = await this.secrets.oauthSecrets(owner.id)
    if (!saved) {
      throw new AppError('NOT_FOUND', 'The saved sign-in for this account is missing from the keychain. Sign in again.')
    }
    let response: Awaited<ReturnType<typeof client.refreshTokenGrant>>
    try {
      response = await client.refreshTokenGrant(
        clientConfiguration(owner.oauth, saved.clientSecret),
        saved.refreshToken,
      )
    } catch (e) {
      throw oauthFailure(e, owner.oauth.tokenEndpoint, owner.oauth.clientId)
    }
    if (response.refresh_token && response.refresh_token !== saved.refreshToken) {
      await this.secrets.replaceRefreshToken(owner.id, response.refresh_token)
    }
    const token = {
      accessToken: response.access_token,
      expiresAt: this.now() + (response.expires_in ?? 3600) * 1000,
      scope: response.scope ?? owner.oauth.grantedScope ?? owner.oauth.scope,
    }
    this.cache.set(owner.id, token)
    return token
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new ProbeCancelled())
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new ProbeCancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}
