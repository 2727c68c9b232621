import { randomBytes } from 'node:crypto'
import type { OAuthGrantInfo, OAuthSettings } from '../../shared/oauth.js'
import { AppError } from '../app-error.js'
import type { PendingTokenLogin } from '../mail/login.js'
import { AccessTokens, type OAuthSecretSource } from './access-tokens.js'
import type { TokenSet } from './token-set.js'

/** A sign-in finished in the wizard, not yet saved: its tokens in memory only. */
export interface PendingGrant {
  id: string
  email: string
  settings: OAuthSettings
  refreshToken: string
  clientSecret: string | null
  createdAt: number
}

/** How long a finished sign-in waits to be saved (the test, an optional test message, the save). */
export const PENDING_TTL_MS = 30 * 60_000
const MAX_PENDING = 20

/**
 * Sign-ins the wizard finished but has not saved yet: "validate and save" authorizes first, tests both
 * servers with the new token, and only then saves; until then, and if it never does, the tokens stay in
 * memory here and nowhere else (seed 004: nothing is saved when validation fails). A grant is named by
 * a random id the page holds; it belongs to one address and expires unused.
 */
export class PendingGrants implements OAuthSecretSource {
  private readonly grants = new Map<string, PendingGrant>()
  readonly tokens: AccessTokens

  constructor(private readonly now: () => number = () => Date.now()) {
    this.tokens = new AccessTokens(this, now)
  }

  add(email: string, settings: OAuthSettings, clientSecret: string | null, tokens: TokenSet): OAuthGrantInfo {
    this.prune()
    const id = randomBytes(12).toString('base64url')
    this.grants.set(id, {
      id,
      email,
      settings: { ...settings, grantedScope: tokens.scope },
      refreshToken: tokens.refreshToken,
      clientSecret,
      createdAt: this.now(),
    })
    this.tokens.seed(id, { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, scope: tokens.scope })
    while (this.grants.size > MAX_PENDING) this.discard(this.grants.keys().next().value as string)
    return {
      grantId: id,
      provider: settings.provider,
      scope: tokens.scope,
      expiresIn: Math.max(0, Math.round((tokens.expiresAt - this.now()) / 1000)),
    }
  }

  /** The grant, for this address only; NOT_FOUND when unknown, expired or another address's. */
  get(grantId: string, email: string): PendingGrant {
    this.prune()
    const g = this.grants.get(grantId)
    if (!g || g.email.toLowerCase() !== email.toLowerCase()) {
      throw new AppError('NOT_FOUND', 'That sign-in has expired or belongs to another address. Sign in again.')
    }
    return g
  }

  /** A token login for both servers, its access token taken from memory (or refreshed). */
  login(grantId: string, email: string): PendingTokenLogin {
    const g = this.get(grantId, email)
    return {
      username: email,
      grant: `pending:${g.id}`,
      grantedScope: g.settings.grantedScope ?? undefined,
      clientId: g.settings.clientId,
      provider: g.settings.provider,
      authorize: (signal) => this.tokens.accessToken({ id: g.id, oauth: g.settings }, signal),
    }
  }

  /** Removes the grant (it was saved, or abandoned) and returns it with its current access token, if fresh. */
  take(
    grantId: string,
    email: string,
  ): PendingGrant & { accessToken?: { accessToken: string; expiresAt: number; scope: string } } {
    const g = this.get(grantId, email)
    const fresh = this.tokens.fresh(grantId)
    this.discard(grantId)
    return { ...g, ...(fresh ? { accessToken: fresh } : {}) }
  }

  discard(grantId: string): void {
    this.grants.delete(grantId)
    this.tokens.forget(grantId)
  }

  oauthSecrets(ownerId: string): Promise<{ refreshToken: string; clientSecret: string | null } | null> {
    const g = this.grants.get(ownerId)
    return Promise.resolve(g ? { refreshToken: g.refreshToken, clientSecret: g.clientSecret } : null)
  }

  replaceRefreshToken(ownerId: string, refreshToken: string): Promise<void> {
    const g = this.grants.get(ownerId)
    if (g) g.refreshToken = refreshToken
    return Promise.resolve()
  }

  private prune(): void {
    const now = this.now()
    for (const [id, g] of this.grants) if (now - g.createdAt > PENDING_TTL_MS) this.discard(id)
  }
}
