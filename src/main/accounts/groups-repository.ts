import type Conf from 'conf'
import type { Group } from '../../shared/group.js'
import type { SettingsData } from './settings-schema.js'

/** Where groups of accounts are kept (the settings' `groups`, schema v6). */
export interface GroupsRepository {
  list(): Group[]
  get(id: string): Group | undefined
  put(group: Group): void
  remove(id: string): boolean
}

export function confGroups(store: Conf<SettingsData>): GroupsRepository {
  const all = (): Group[] => store.get('groups')
  return {
    list: all,
    get: (id) => all().find((g) => g.id === id),
    put(group) {
      const list = all()
      const at = list.findIndex((g) => g.id === group.id)
      store.set('groups', at < 0 ? [...list, group] : list.map((g, i) => (i === at ? group : g)))
    },
    remove(id) {
      const before = all()
      const after = before.filter((g) => g.id !== id)
      store.set('groups', after)
      return after.length !== before.length
    },
  }
}
