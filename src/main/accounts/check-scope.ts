import type { Account } from '../../shared/account.js'
import type { Group } from '../../shared/group.js'
import { AppError } from '../app-error.js'

/** Which saved accounts a check-all covers: all, some by id, or one group by name (issue 17 part B). */
export type CheckScope = { kind: 'all' } | { kind: 'ids'; ids: readonly string[] } | { kind: 'group'; name: string }

/**
 * The filter for a scope. A group is found by name, case-blind; an unknown one is an input error that
 * names the groups there are (the CLI turns it into a usage error, exit 2).
 */
export function scopeFilter(scope: CheckScope, groups: readonly Group[] = []): (account: Account) => boolean {
  switch (scope.kind) {
    case 'all':
      return () => true
    case 'ids': {
      const ids = new Set(scope.ids)
      return (a) => ids.has(a.id)
    }
    case 'group': {
      const wanted = scope.name.trim().toLowerCase()
      const group = groups.find((g) => g.name.toLowerCase() === wanted)
      if (!group) throw new AppError('INVALID_INPUT', unknownGroup(scope.name, groups))
      return (a) => a.groupId === group.id
    }
  }
}

function unknownGroup(name: string, groups: readonly Group[]): string {
  const asked = `There is no group named "${name.slice(0, 60)}".`
  if (groups.length === 0)
    return `${asked} Mailkey has no groups yet: check all accounts instead (leave out the group).`
  const names = groups
    .map((g) => g.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, 20)
  return `${asked} The groups are: ${names.map((n) => `"${n}"`).join(', ')}${groups.length > 20 ? ', …' : ''}.`
}
