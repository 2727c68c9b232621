import type Conf from 'conf'
import type { Account, SavedOAuthGrant } from '../../shared/account.js'
import type { SettingsData } from './settings-schema.js'

/** Where accounts are kept. The app uses electron-store (a Conf), tests and the CLI a plain Conf. */
export interface AccountsRepository {
  list(): Account[]
  get(id: string): Account | undefined
  findByEmail(email: string): Account | undefined
  put(account: Account): void
  remove(id: string): boolean
}

export function confAccounts(store: Conf<SettingsData>): AccountsRepository {
  const all = (): Account[] => store.get('accounts')
  return {
    list: all,
    get: (id) => all().find((a) => a.id === id),
    findByEmail: (email) => all().find((a) => a.email.toLowerCase() === email.toLowerCase()),
    put(account) {
      const rest = all().filter((a) => a.id !== account.id)
      store.set('accounts', [...rest, account])
    },
    remove(id) {
      const before = all()
      const after = before.filter((a) => a.id !== id)
      store.set('accounts', after)
      return after.length !== before.length
    },
  }
}

/** OAuth sign-ins saved for an address without an account (`mailkey oauth authorize`). */
export interface OAuthGrantsRepository {
  list(): SavedOAuthGrant[]
  findByEmail(email: string): SavedOAuthGrant | undefined
  put(grant: SavedOAuthGrant): void
  remove(id: string): boolean
}

export function confOAuthGrants(store: Conf<SettingsData>): OAuthGrantsRepository {
  const all = (): SavedOAuthGrant[] => store.get('oauthGrants')
  return {
    list: all,
    findByEmail: (email) => all().find((g) => g.email.toLowerCase() === email.toLowerCase()),
    put(grant) {
      store.set('oauthGrants', [...all().filter((g) => g.id !== grant.id), grant])
    },
    remove(id) {
      const before = all()
      const after = before.filter((g) => g.id !== id)
      store.set('oauthGrants', after)
      return after.length !== before.length
    },
  }
}
