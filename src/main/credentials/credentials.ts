import type { Account, Alias, SecretPresence } from '../../shared/account.js'
import type { ConnectionSettings } from '../../shared/connection.js'
import { AppError } from '../app-error.js'
import type { LoginSource, PendingTokenLogin } from '../mail/login.js'
import type { OAuthOwner, OAuthSecretSource } from '../oauth/access-tokens.js'
import { HEALTH_KEY } from './keychain-health.js'
import { secretKey, type SecretStore } from './secret-store.js'

/**
 * An account's saved logins, one per side (the same secret on both unless sending signs in as someone
 * else). An account that signs in with OAuth gets token logins whose access token is fetched when the
 * test runs (its "authorizing" stage).
 */
export interface AccountLogins {
  incoming: LoginSource
  outgoing: LoginSource
}

/** Where access tokens come from (oauth/access-tokens.ts): cached, or refreshed with the saved refresh token. */
export interface AccessTokenSource {
  accessToken(owner: OAuthOwner, signal: AbortSignal): Promise<string>
}

/** What an OAuth sign-in leaves in the keychain. */
export interface OAuthSecrets {
  refreshToken: string
  /** Null for a public client (no secret). */
  clientSecret: string | null
}

const MISSING = 'The saved password for this account is missing from the keychain. Enter it again.'

const KEY =
  /^([A-Za-z0-9_-]{1,64}):(incoming|outgoing|oauth-refresh|oauth-client-secret|proxy|alias:[A-Za-z0-9_-]{1,64})$/

/**
 * The one door to an account's secrets in the keychain: every service that needs a secret gets this
 * object and asks it by verb; nothing else reads the SecretStore. By default one app password serves
 * both servers: it is stored once, under `<id>:incoming`, and sending uses it too. Only when sending
 * signs in as someone else (`outgoingUsername`) does `<id>:outgoing` hold a separate secret. An OAuth
 * sign-in keeps its refresh token under `<id>:oauth-refresh` and a client secret, if any, under
 * `<id>:oauth-client-secret`; `tokens` turns them into access tokens (none without it).
 */
export class Credentials implements OAuthSecretSource {
  private readonly tokens: AccessTokenSource | undefined

  constructor(
    private readonly secrets: SecretStore,
    tokens?: (door: OAuthSecretSource) => AccessTokenSource,
  ) {
    this.tokens = tokens?.(this)
  }

  /** Both saved logins of an account; NOT_FOUND when a secret is gone from the keychain. */
  async logins(account: Account): Promise<AccountLogins> {
    const incoming = await this.incomingLogin(account)
    const outgoing = await this.outgoingLogin(account)
    if (!incoming || !outgoing) throw new AppError('NOT_FOUND', account.oauth ? MISSING_SIGN_IN : MISSING)
    return { incoming, outgoing }
  }

  /** The login an alias sends with; NOT_FOUND when its secret is gone from the keychain. */
  async requireAliasLogin(account: Account, alias: Alias): Promise<LoginSource> {
    const login = await this.aliasLogin(account, alias)
    if (!login) {
      throw new AppError('NOT_FOUND', 'The saved password for this alias is missing from the keychain. Enter it again.')
    }
    return login
  }

  keys(): Promise<string[]> {
    return this.secrets.keys()
  }

  async incomingLogin(account: Account): Promise<LoginSource | null> {
    if (account.oauth) return this.tokenLogin({ ...account, oauth: account.oauth })
    const password = await this.secrets.get(secretKey.incoming(account.id))
    return password === null ? null : { username: account.username, password }
  }

  async outgoingLogin(account: Account): Promise<LoginSource | null> {
    // one OAuth sign-in serves both servers (the scope covers IMAP/POP and SMTP)
    if (account.oauth || account.outgoingUsername === null) return this.incomingLogin(account)
    const password = await this.secrets.get(secretKey.outgoing(account.id))
    return password === null ? null : { username: account.outgoingUsername, password }
  }

  async presence(account: Account, keys?: readonly string[]): Promise<SecretPresence> {
    const all = keys ?? (await this.secrets.keys())
    if (account.oauth) return { incoming: all.includes(secretKey.oauthRefresh(account.id)), outgoing: 'shared' }
    const incoming = all.includes(secretKey.incoming(account.id))
    const proxy = account.connection.proxy?.username
      ? { proxy: all.includes(secretKey.proxy(account.id)) ? ('saved' as const) : ('missing' as const) }
      : {}
    if (account.outgoingUsername === null) return { incoming, outgoing: 'shared', ...proxy }
    return { incoming, outgoing: all.includes(secretKey.outgoing(account.id)) ? 'own' : 'missing', ...proxy }
  }

  /**
   * The password of the proxy of an account (or of a group: its id and default options), when that
   * proxy names a user and the keychain holds it.
   */
  async proxyPassword(owner: { id: string; connection: Pick<ConnectionSettings, 'proxy'> }): Promise<string | null> {
    if (!owner.connection.proxy?.username) return null
    return this.secrets.get(secretKey.proxy(owner.id))
  }

  async storeProxy(accountId: string, password: string): Promise<void> {
    await this.secrets.set(secretKey.proxy(accountId), password)
  }

  async deleteProxy(accountId: string): Promise<void> {
    await this.secrets.delete(secretKey.proxy(accountId))
  }

  /** The login an alias sends with: its own (a relay or another provider) or the account's. */
  async aliasLogin(account: Account, alias: Alias): Promise<LoginSource | null> {
    if (alias.smtpUsername === null) return this.outgoingLogin(account)
    const password = await this.secrets.get(secretKey.alias(account.id, alias.id))
    return password === null ? null : { username: alias.smtpUsername, password }
  }

  async storeAlias(accountId: string, aliasId: string, password: string): Promise<void> {
    await this.secrets.set(secretKey.alias(accountId, aliasId), password)
  }

  async deleteAlias(accountId: string, aliasId: string): Promise<void> {
    await this.secrets.delete(secretKey.alias(accountId, aliasId))
  }

  /** Stores the one app password that serves both servers (a split outgoing secret is kept). */
  async storeShared(accountId: string, password: string): Promise<void> {
    await this.secrets.set(secretKey.incoming(accountId), password)
  }

  /** Stores the secret sending signs in with when it signs in as someone else (`outgoingUsername`). */
  async storeOutgoing(accountId: string, password: string): Promise<void> {
    await this.secrets.set(secretKey.outgoing(accountId), password)
  }

  /** Forgets the separate sending secret: sending uses the one app password again. */
  async deleteOutgoing(accountId: string): Promise<void> {
    await this.secrets.delete(secretKey.outgoing(accountId))
  }

  /**
   * Stores an OAuth sign-in: the refresh token, and the client secret (or deletes an old one when the
   * client has none now).
   */
  async storeOAuth(ownerId: string, saved: OAuthSecrets): Promise<void> {
    await this.secrets.set(secretKey.oauthRefresh(ownerId), saved.refreshToken)
    if (saved.clientSecret !== null) await this.secrets.set(secretKey.oauthClientSecret(ownerId), saved.clientSecret)
    else await this.secrets.delete(secretKey.oauthClientSecret(ownerId))
  }

  /** An owner's refresh token and client secret; null when the refresh token is gone. Main process only. */
  async oauthSecrets(ownerId: string): Promise<OAuthSecrets | null> {
    const refreshToken = await this.secrets.get(secretKey.oauthRefresh(ownerId))
    if (refreshToken === null) return null
    return { refreshToken, clientSecret: await this.secrets.get(secretKey.oauthClientSecret(ownerId)) }
  }

  async replaceRefreshToken(ownerId: string, refreshToken: string): Promise<void> {
    await this.secrets.set(secretKey.oauthRefresh(ownerId), refreshToken)
  }

  /** Deletes an OAuth sign-in's entries (refresh token and client secret). */
  async deleteOAuth(ownerId: string): Promise<void> {
    await this.secrets.delete(secretKey.oauthRefresh(ownerId))
    await this.secrets.delete(secretKey.oauthClientSecret(ownerId))
  }

  /** Deletes the password entries of an account that now signs in with OAuth. */
  async deletePasswords(accountId: string): Promise<void> {
    await this.secrets.delete(secretKey.incoming(accountId))
    await this.secrets.delete(secretKey.outgoing(accountId))
  }

  /** Deletes every entry of the account: incoming, outgoing, aliases, tokens. */
  async clearAccount(accountId: string): Promise<number> {
    const mine = (await this.secrets.keys()).filter((k) => secretKey.ofAccount(accountId, k))
    for (const key of mine) await this.secrets.delete(key)
    return mine.length
  }

  /** Entries under the service that belong to no saved account or saved sign-in (a deleted or half-finished setup). */
  async orphans(owners: readonly { id: string }[]): Promise<string[]> {
    const ids = new Set(owners.map((a) => a.id))
    return (await this.secrets.keys()).filter((key) => {
      if (key === HEALTH_KEY) return false
      const m = KEY.exec(key)
      return !m || !ids.has(m[1] ?? '')
    })
  }

  async removeOrphans(owners: readonly { id: string }[]): Promise<number> {
    const orphans = await this.orphans(owners)
    for (const key of orphans) await this.secrets.delete(key)
    return orphans.length
  }

  /** A token login for an OAuth account, or null when its refresh token is gone from the keychain. */
  async tokenLogin(owner: OAuthOwner & { username?: string; email?: string }): Promise<PendingTokenLogin | null> {
    const tokens = this.tokens
    if (!tokens) throw new AppError('INTERNAL', 'This Mailkey cannot sign in with OAuth here.')
    if ((await this.secrets.get(secretKey.oauthRefresh(owner.id))) === null) return null
    return {
      username: owner.username ?? owner.email ?? '',
      grant: owner.id,
      grantedScope: owner.oauth.grantedScope ?? undefined,
      clientId: owner.oauth.clientId,
      provider: owner.oauth.provider,
      authorize: (signal) => tokens.accessToken(owner, signal),
    }
  }
}

const MISSING_SIGN_IN = 'The saved sign-in for this account is missing from the keychain. Sign in again.'
