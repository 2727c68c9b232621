import type Conf from 'conf'
import type { Account } from '../../shared/account.js'
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
