import type { Account, Alias, SecretPresence } from '../../shared/account.js'
import { AppError } from '../app-error.js'
import type { Login } from '../mail/login.js'
import { HEALTH_KEY } from './keychain-health.js'
import { secretKey, type SecretStore } from './secret-store.js'

/** An account's saved logins, one per side (the same secret on both unless sending signs in as someone else). */
export interface AccountLogins {
  incoming: Login
  outgoing: Login
}

const MISSING = 'The saved password for this account is missing from the keychain. Enter it again.'

const KEY = /^([A-Za-z0-9_-]{1,64}):(incoming|outgoing|oauth-refresh|proxy|alias:[A-Za-z0-9_-]{1,64})$/

/**
 * The one door to an account's secrets in the keychain: every service that needs a secret gets this
 * object and asks it by verb; nothing else reads the SecretStore. By default one app password serves
 * both servers: it is stored once, under `<id>:incoming`, and sending uses it too. Only when sending
 * signs in as someone else (`outgoingUsername`) does `<id>:outgoing` hold a separate secret.
 */
export class Credentials {
  constructor(private readonly secrets: SecretStore) {}

  /** Both saved logins of an account; NOT_FOUND when a secret is gone from the keychain. */
  async logins(account: Account): Promise<AccountLogins> {
    const incoming = await this.incomingLogin(account)
    const outgoing = await this.outgoingLogin(account)
    if (!incoming || !outgoing) throw new AppError('NOT_FOUND', MISSING)
    return { incoming, outgoing }
  }

  /** The login an alias sends with; NOT_FOUND when its secret is gone from the keychain. */
  async requireAliasLogin(account: Account, alias: Alias): Promise<Login> {
    const login = await this.aliasLogin(account, alias)
    if (!login) {
      throw new AppError('NOT_FOUND', 'The saved password for this alias is missing from the keychain. Enter it again.')
    }
    return login
  }

  keys(): Promise<string[]> {
    return this.secrets.keys()
  }

  async incomingLogin(account: Account): Promise<Login | null> {
    const password = await this.secrets.get(secretKey.incoming(account.id))
    return password === null ? null : { username: account.username, password }
  }

  async outgoingLogin(account: Account): Promise<Login | null> {
    if (account.outgoingUsername === null) return this.incomingLogin(account)
    const password = await this.secrets.get(secretKey.outgoing(account.id))
    return password === null ? null : { username: account.outgoingUsername, password }
  }

  async presence(account: Account, keys?: readonly string[]): Promise<SecretPresence> {
    const all = keys ?? (await this.secrets.keys())
    const incoming = all.includes(secretKey.incoming(account.id))
    const proxy = account.connection.proxy?.username
      ? { proxy: all.includes(secretKey.proxy(account.id)) ? ('saved' as const) : ('missing' as const) }
      : {}
    if (account.outgoingUsername === null) return { incoming, outgoing: 'shared', ...proxy }
    return { incoming, outgoing: all.includes(secretKey.outgoing(account.id)) ? 'own' : 'missing', ...proxy }
  }

  /** The password of the account's proxy, when it has one with a user name and the keychain holds it. */
  async proxyPassword(account: Account): Promise<string | null> {
    if (!account.connection.proxy?.username) return null
    return this.secrets.get(secretKey.proxy(account.id))
  }

  async storeProxy(accountId: string, password: string): Promise<void> {
    await this.secrets.set(secretKey.proxy(accountId), password)
  }

  async deleteProxy(accountId: string): Promise<void> {
    await this.secrets.delete(secretKey.proxy(accountId))
  }

  /** The login an alias sends with: its own (a relay or another provider) or the account's. */
  async aliasLogin(account: Account, alias: Alias): Promise<Login | null> {
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

  /** Deletes every entry of the account: incoming, outgoing, aliases, tokens. */
  async clearAccount(accountId: string): Promise<number> {
    const mine = (await this.secrets.keys()).filter((k) => secretKey.ofAccount(accountId, k))
    for (const key of mine) await this.secrets.delete(key)
    return mine.length
  }

  /** Entries under the service that belong to no saved account (a deleted or half-finished setup). */
  async orphans(accounts: readonly Account[]): Promise<string[]> {
    const ids = new Set(accounts.map((a) => a.id))
    return (await this.secrets.keys()).filter((key) => {
      if (key === HEALTH_KEY) return false
      const m = KEY.exec(key)
      return !m || !ids.has(m[1] ?? '')
    })
  }

  async removeOrphans(accounts: readonly Account[]): Promise<number> {
    const orphans = await this.orphans(accounts)
    for (const key of orphans) await this.secrets.delete(key)
    return orphans.length
  }
}
