import type { Account } from '../../shared/account.js'
import { AppError } from '../app-error.js'

/**
 * Which saved accounts a check-all covers. A group (issue 17 part B) will be one more filter over the
 * accounts; until groups exist, naming one is an input error, said plainly.
 */
export type CheckScope = { kind: 'all' } | { kind: 'ids'; ids: readonly string[] } | { kind: 'group'; name: string }

export function scopeFilter(scope: CheckScope): (account: Account) => boolean {
  switch (scope.kind) {
    case 'all':
      return () => true
    case 'ids': {
      const ids = new Set(scope.ids)
      return (a) => ids.has(a.id)
    }
    case 'group':
      throw new AppError(
        'INVALID_INPUT',
        `There is no group named "${scope.name.slice(0, 60)}": Mailkey has no groups of accounts yet. Check all accounts instead (leave out the group).`,
      )
  }
}
