import { randomBytes } from 'node:crypto'
import type { Account } from '../../shared/account.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import { secretKey, type SecretStore } from '../credentials/secret-store.js'
import type { AccountsRepository } from './accounts-repository.js'

export interface NewAccount {
  email: string
  displayName?: string | undefined
  username?: string | undefined
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  password: string
  /** When both servers accepted exactly this configuration, if they did. */
  verifiedAt: string | null
}

function newId(): string {
  return randomBytes(9).toString('base64url')
}

/**
 * Saves accounts in two places that must agree: the secret in the keychain, the rest in settings.
 * The secret goes first, so a keychain failure saves nothing; a settings failure removes the secret
 * again. Saving an address that exists replaces that account and keeps its id.
 */
export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly secrets: SecretStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Account[] {
    return this.repo.list()
  }

  async save(input: NewAccount): Promise<Account> {
    const existing = this.repo.findByEmail(input.email)
    const account: Account = {
      id: existing?.id ?? newId(),
      email: input.email,
      displayName: input.displayName ?? existing?.displayName ?? '',
      username: input.username ?? input.email,
      providerId: input.providerId,
      incoming: input.incoming,
      outgoing: input.outgoing,
      createdAt: existing?.createdAt ?? this.now().toISOString(),
      lastVerifiedAt: input.verifiedAt,
    }
    await this.secrets.set(secretKey.incoming(account.id), input.password)
    try {
      this.repo.put(account)
    } catch (e) {
      if (!existing) await this.secrets.delete(secretKey.incoming(account.id)).catch(() => false)
      throw e
    }
    return account
  }

  /** Deletes the account and every keychain entry it owns. */
  async remove(id: string): Promise<boolean> {
    const keys = await this.secrets.keys()
    for (const key of keys.filter((k) => secretKey.ofAccount(id, k))) await this.secrets.delete(key)
    return this.repo.remove(id)
  }
}
