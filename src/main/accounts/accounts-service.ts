import { randomBytes } from 'node:crypto'
import type { Account, AccountView } from '../../shared/account.js'
import { DIRECT_CONNECTION, type ConnectionSettings, type ProxySetting } from '../../shared/connection.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import type { AccountsRepository } from './accounts-repository.js'

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
  /** When both servers accepted exactly this configuration, if they did. */
  verifiedAt: string | null
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
  ) {}

  async list(): Promise<AccountView[]> {
    const accounts = this.repo.list()
    const keys = await this.credentials.keys()
    return Promise.all(accounts.map((a) => this.view(a, keys)))
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

  update(account: Account): void {
    this.repo.put(account)
  }

  async save(req: SaveRequest): Promise<AccountView> {
    const existing = req.accountId ? this.get(req.accountId) : this.repo.findByEmail(req.email)
    if (!existing && req.password === undefined) throw new AppError('INVALID_INPUT', 'Enter the password.')
    const account: Account = {
      id: existing?.id ?? newId(),
      email: req.email,
      displayName: req.displayName ?? existing?.displayName ?? '',
      username: req.username ?? req.email,
      providerId: req.providerId,
      incoming: req.incoming,
      outgoing: req.outgoing,
      outgoingUsername: existing?.outgoingUsername ?? null,
      createdAt: existing?.createdAt ?? this.now().toISOString(),
      lastVerifiedAt: req.verifiedAt,
      // a new secret or a proven configuration ends a stale state; an unproven edit keeps it
      stale: req.password !== undefined || req.verifiedAt ? null : (existing?.stale ?? null),
      aliases: existing?.aliases ?? [],
      replyTo: req.replyTo !== undefined ? req.replyTo : (existing?.replyTo ?? null),
      outgoingFallbacks: req.outgoingFallbacks ?? existing?.outgoingFallbacks ?? [],
      connection: req.connection ?? existing?.connection ?? DIRECT_CONNECTION,
    }
    const proxy = account.connection.proxy
    if (req.password !== undefined) await this.credentials.storeShared(account.id, req.password)
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

  /** Deletes the account and every keychain entry it owns. */
  async remove(id: string): Promise<boolean> {
    await this.credentials.clearAccount(id)
    return this.repo.remove(id)
  }

  orphans(): Promise<string[]> {
    return this.credentials.orphans(this.repo.list())
  }

  removeOrphans(): Promise<number> {
    return this.credentials.removeOrphans(this.repo.list())
  }
}
