import { randomBytes } from 'node:crypto'
import type { Account, AccountView } from '../../shared/account.js'
import type { ConnectionSettings, ProxySetting } from '../../shared/connection.js'
import { DIRECT_CONNECTION } from '../../shared/connection-defaults.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import type { OAuthSettings } from '../../shared/oauth.js'
import type { Credentials, OAuthSecrets } from '../credentials/credentials.js'
import type { AccountsRepository } from './accounts-repository.js'
import { assertSavedSecretFits, sameServer } from './secret-binding.js'

export interface SaveRequest {
  /** Editing a saved account; unset: a new one (or the one with this address). */
  accountId?: string | undefined
  email: string
  displayName?: string | undefined
  username?: string | undefined
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  /** A new secret; unset when editing keeps the saved one. */
  password?: string | undefined
  /** A new OAuth sign-in instead of a password: the client, and its secrets for the keychain. */
  oauth?: { settings: OAuthSettings; secrets: OAuthSecrets } | undefined
  /**
   * Sending signs in as someone else (a relay, a host with separate logins): that user name, or null
   * for the account's own login on both servers; unset keeps what the account had.
   */
  outgoingUsername?: string | null | undefined
  /** The separate sending secret, stored under `<id>:outgoing`; unset keeps the saved one. */
  outgoingPassword?: string | undefined
  /** When both servers accepted exactly this configuration, if they did. */
  verifiedAt: string | null
  /** The account's group (null: none); unset keeps what the account had. */
  groupId?: string | null | undefined
  /** Office connection options; unset when editing keeps the saved ones. */
  connection?: ConnectionSettings | undefined
  /** A new password for the proxy; unset: keep the saved one, if it is for the same proxy. */
  proxyPassword?: string | undefined
  outgoingFallbacks?: Server[] | undefined
  /** null: no Reply-To; unset: keep the saved one. */
  replyTo?: string | null | undefined
}

/** The same proxy and user: a saved proxy password may be used with it (and only with it). */
export function sameProxy(a: ProxySetting | null | undefined, b: ProxySetting | null | undefined): boolean {
  return (
    !!a &&
    !!b &&
    a.kind === b.kind &&
    a.host.toLowerCase() === b.host.toLowerCase() &&
    a.port === b.port &&
    a.username === b.username
  )
}

/** What the OAuth sign-in adds to keeping accounts (issue 15). */
export interface AccountsHooks {
  /** Before an account is removed, or its OAuth sign-in replaced by a password: revoke the sign-in at the provider. */
  beforeRemove?: (account: Account) => Promise<void>
  /** Owners of keychain entries besides the accounts: OAuth sign-ins saved without an account. */
  otherOwners?: () => readonly { id: string }[]
  /** Account ids of kept settings backups: their keychain entries are no orphans (issue 12, fault 6). */
  keptIds?: () => readonly string[]
}

function newId(): string {
  return randomBytes(9).toString('base64url')
}

/**
 * Saved accounts, kept in two places that must agree: secrets in the keychain, the rest in settings.
 * `save` is the one path that writes an account with its secret (the wizard, validate-and-save, the
 * stale-credential reset all come here): a new secret goes first, so a keychain failure saves nothing;
 * a settings failure removes it again. Saving an address that exists replaces that account and keeps
 * its id. `update` changes what holds no secret (check records, aliases, stale flags).
 */
export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly credentials: Credentials,
    private readonly now: () => Date = () => new Date(),
    private readonly hooks: AccountsHooks = {},
  ) {}

  async list(): Promise<AccountView[]> {
    const accounts = this.repo.list()
    const keys = await this.credentials.keys()
    return Promise.all(accounts.map((a) => this.view(a, keys)))
  }

  /** The saved accounts as settings hold them (no keychain look-up). */
  listSaved(): Account[] {
    return this.repo.list()
  }

  async view(account: Account, keys?: readonly string[]): Promise<AccountView> {
    return { ...account, secrets: await this.credentials.presence(account, keys) }
  }

  /** The saved account, or NOT_FOUND. */
  get(id: string): Account {
    const account = this.repo.get(id)
    if (!account) throw new AppError('NOT_FOUND', 'That account no longer exists.')
    return account
  }

  /** The saved account with this address, if any. */
  findByEmail(email: string): Account | undefined {
    return this.repo.findByEmail(email)
  }

  update(account: Account): void {
    this.repo.put(account)
  }

  async save(req: SaveRequest): Promise<AccountView> {
    const existing = req.accountId ? this.get(req.accountId) : this.repo.findByEmail(req.email)
    if (!existing && req.password === undefined && req.oauth === undefined)
      throw new AppError('INVALID_INPUT', 'Enter the password.')
    const newSecret = req.password !== undefined || req.oauth !== undefined
    // keeping the saved secret is only allowed for the servers it was saved for
    if (existing && !newSecret) assertSavedSecretFits(existing, req)
    // a new password ends an OAuth sign-in and the reverse; an edit without a secret keeps what it had
    const oauth = req.oauth ? req.oauth.settings : req.password !== undefined ? null : (existing?.oauth ?? null)
    const groupId = req.groupId !== undefined ? req.groupId : existing?.groupId
    const account: Account = {
      id: existing?.id ?? newId(),
      email: req.email,
      displayName: req.displayName ?? existing?.displayName ?? '',
      username: req.username ?? req.email,
      providerId: req.providerId,
      incoming: req.incoming,
      outgoing: req.outgoing,
      // a sending login of its own, named now or kept from before; a kept one stays with its server (a
      // new outgoing server takes the shared secret: the old one was bound to the old server)
      // an OAuth sign-in serves both servers: it has no sending login of its own
      outgoingUsername: req.oauth
        ? null
        : req.outgoingUsername !== undefined
          ? req.outgoingUsername
          : existing && sameServer(existing.outgoing, req.outgoing)
            ? existing.outgoingUsername
            : null,
      createdAt: existing?.createdAt ?? this.now().toISOString(),
      lastVerifiedAt: req.verifiedAt,
      // a new secret or a proven configuration ends a stale state; an unproven edit keeps it
      stale: newSecret || req.verifiedAt ? null : (existing?.stale ?? null),
      aliases: existing?.aliases ?? [],
      filter: existing?.filter ?? null,
      oauth,
      ...(groupId !== undefined ? { groupId } : {}),
      replyTo: req.replyTo !== undefined ? req.replyTo : (existing?.replyTo ?? null),
      outgoingFallbacks: req.outgoingFallbacks ?? existing?.outgoingFallbacks ?? [],
      connection: req.connection ?? existing?.connection ?? DIRECT_CONNECTION,
    }
    const proxy = account.connection.proxy
    if (req.password !== undefined) {
      await this.credentials.storeShared(account.id, req.password)
      if (existing?.oauth) {
        // a sign-in the account no longer uses is ended at the provider too (best effort), then forgotten
        await this.hooks.beforeRemove?.(existing).catch(() => undefined)
        await this.credentials.deleteOAuth(account.id)
      }
    }
    if (req.oauth) {
      await this.credentials.storeOAuth(account.id, req.oauth.secrets)
      if (existing && !existing.oauth) await this.credentials.deletePasswords(account.id)
    }
    if (account.outgoingUsername === null) {
      if (existing?.outgoingUsername) await this.credentials.deleteOutgoing(account.id)
    } else if (req.outgoingPassword !== undefined) {
      await this.credentials.storeOutgoing(account.id, req.outgoingPassword)
    }
    if (req.proxyPassword !== undefined && proxy?.username)
      await this.credentials.storeProxy(account.id, req.proxyPassword)
    try {
      this.repo.put(account)
    } catch (e) {
      if (!existing) await this.credentials.clearAccount(account.id).catch(() => 0)
      throw e
    }
    // a saved proxy password serves the proxy it was saved for, never another one
    const kept = req.proxyPassword !== undefined || sameProxy(existing?.connection.proxy, proxy)
    if (existing?.connection.proxy?.username && (!proxy?.username || !kept)) {
      await this.credentials.deleteProxy(account.id)
    }
    return this.view(account)
  }

  /**
   * Deletes the account and every keychain entry it owns; an OAuth sign-in is first revoked at the
   * provider where it offers revocation (best effort: removal goes on whatever the provider says).
   */
  async remove(id: string): Promise<boolean> {
    const account = this.repo.get(id)
    if (account && this.hooks.beforeRemove) await this.hooks.beforeRemove(account).catch(() => undefined)
    await this.credentials.clearAccount(id)
    return this.repo.remove(id)
  }

  /**
   * Keychain entries that belong to no account (nor to an OAuth sign-in saved without one, nor to an
   * account of a kept settings backup).
   */
  orphans(): Promise<string[]> {
    return this.credentials.orphans(this.owners())
  }

  removeOrphans(): Promise<number> {
    return this.credentials.removeOrphans(this.owners())
  }

  private owners(): { id: string }[] {
    return [
      ...this.repo.list(),
      ...(this.hooks.otherOwners?.() ?? []),
      ...(this.hooks.keptIds?.() ?? []).map((id) => ({ id })),
    ]
  }
}
