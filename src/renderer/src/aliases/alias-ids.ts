import type { AliasTextField } from './alias-draft.js'

/**
 * Element ids of one account's send-as section. Every card on the accounts screen has its own, so
 * labels, live regions and focus targets never collide.
 */
export function aliasIds(accountId: string) {
  const p = `account-${accountId}-`
  return {
    title: `${p}aliases-title`,
    /** The account's own address in the list (the default From when no alias is). */
    own: `${p}aliases-own`,
    addButton: `${p}aliases-add`,
    exportButton: `${p}aliases-export`,
    sendButton: `${p}aliases-send`,
    form: `${p}alias-form`,
    exportPanel: `${p}aliases-export-panel`,
    sendPanel: `${p}aliases-send-panel`,
    sendResult: `${p}aliases-send-result`,
    field: (field: AliasTextField | 'security' | 'treat' | 'own-server' | 'send-to' | 'send-from') =>
      `${p}alias-${field}`,
    alias: (aliasId: string) => {
      const a = `${p}alias-${aliasId}-`
      return {
        name: `${a}name`,
        check: `${a}check`,
        remove: `${a}remove`,
        panel: `${a}panel`,
        roundTrip: `${a}round-trip`,
      }
    },
  }
}

export type AliasIds = ReturnType<typeof aliasIds>
