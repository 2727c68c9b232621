import { useReducer } from 'react'
import type { AccountView } from '../../../shared/account.js'
import { assertNever } from '../../../shared/result.js'
import { mailkey, settle } from '../lib/api.js'
import { newTestId } from '../lib/test-id.js'
import { useFocusRequest } from '../ui/use-focus-request.js'
import { ALIAS_FIELD_ORDER, parseAliasDraft, type AliasDraftChange } from './alias-draft.js'
import { aliasesReducer } from './aliases-reducer.js'
import { aliasIds, type AliasIds } from './alias-ids.js'
import { initialAliasesState, type AliasesState, type AliasPanel } from './aliases-state.js'
import { sendsThroughGmail } from './alias-words.js'
import { recipientProblem } from './send-test.js'
import { useAliasCheck } from './use-alias-check.js'

export interface AliasControls {
  openAdd: () => void
  changeDraft: (change: AliasDraftChange) => void
  submitAdd: () => void
  openRemove: (aliasId: string) => void
  confirmRemove: () => void
  setDefault: (aliasId: string | null) => void
  openCheck: (aliasId: string) => void
  toggleRoundTrip: (on: boolean) => void
  startCheck: () => void
  checkAgain: () => void
  cancelCheck: () => void
  openExport: () => void
  copyExport: () => void
  openSend: () => void
  changeSendTo: (to: string) => void
  changeSendFrom: (aliasId: string | null) => void
  submitSend: () => void
  /** Closes the open panel and puts focus back on what opened it. */
  close: () => void
}

/** Where focus goes back to when a panel closes: the button that opened it. */
function opener(panel: AliasPanel, ids: AliasIds): string {
  switch (panel.kind) {
    case 'add':
      return ids.addButton
    case 'remove':
      return ids.alias(panel.aliasId).remove
    case 'check':
      return ids.alias(panel.aliasId).check
    case 'export':
      return ids.exportButton
    case 'send':
      return ids.sendButton
    case 'closed':
      return ids.title
    default:
      return assertNever(panel)
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // refused or unavailable: the text is on screen, selected, for Ctrl+C
    return false
  }
}

/**
 * The effects of an account's send-as section: each call to main made once, the account handed up
 * after every change, and focus put where the user should look next (a check's live effects are in
 * useAliasCheck).
 */
export function useAliases(
  account: AccountView,
  onUpdated: (account: AccountView) => void,
): [AliasesState, AliasControls] {
  const [state, dispatch] = useReducer(aliasesReducer, initialAliasesState)
  const focus = useFocusRequest()
  const ids = aliasIds(account.id)
  const { panel } = state
  const cancelCheck = useAliasCheck(account, panel, dispatch, onUpdated)

  const close = (): void => {
    dispatch({ type: 'closed' })
    focus(opener(panel, ids))
  }

  const submitAdd = (): void => {
    if (panel.kind !== 'add' || panel.saving) return
    const parsed = parseAliasDraft(panel.draft, account)
    dispatch({ type: 'addSubmitted', account })
    if (!parsed.ok) {
      const first = ALIAS_FIELD_ORDER.find((f) => parsed.problems[f])
      if (first) focus(ids.field(first))
      return
    }
    const { address } = parsed.input
    void settle(() => mailkey().addAlias(parsed.input)).then((r) => {
      if (r.ok) onUpdated(r.value)
      dispatch({ type: 'addFinished', address, result: r })
      const added = r.ok ? r.value.aliases.find((a) => a.address === address) : undefined
      if (added) focus(ids.alias(added.id).name)
    })
  }

  const confirmRemove = (): void => {
    if (panel.kind !== 'remove' || panel.removing) return
    const alias = account.aliases.find((a) => a.id === panel.aliasId)
    dispatch({ type: 'removeConfirmed' })
    void settle(() => mailkey().removeAlias({ accountId: account.id, aliasId: panel.aliasId })).then((r) => {
      if (r.ok) onUpdated(r.value)
      dispatch({ type: 'removeFinished', address: alias?.address ?? 'The address', result: r })
      if (r.ok) focus(ids.title)
    })
  }

  const setDefault = (aliasId: string | null): void => {
    if (state.changingDefault) return
    const address = account.aliases.find((a) => a.id === aliasId)?.address ?? account.email
    dispatch({ type: 'defaultRequested' })
    void settle(() => mailkey().setDefaultAlias({ accountId: account.id, aliasId })).then((r) => {
      if (r.ok) onUpdated(r.value)
      dispatch({ type: 'defaultFinished', address, result: r })
      // the "Make default" button just pressed is gone: land on the new default
      focus(aliasId ? ids.alias(aliasId).name : ids.own)
    })
  }

  const openExport = (): void => {
    if (panel.kind === 'export') return
    dispatch({ type: 'exportOpened' })
    void settle(() => mailkey().exportIdentities({ accountId: account.id })).then(async (r) => {
      dispatch({ type: 'exportLoaded', result: r })
      if (r.ok) dispatch({ type: 'exportCopied', copied: await copyText(r.value.text) })
    })
  }

  const copyExport = (): void => {
    if (panel.kind !== 'export' || panel.exported.status !== 'ready') return
    void copyText(panel.exported.text).then((copied) => dispatch({ type: 'exportCopied', copied }))
  }

  const submitSend = (): void => {
    if (panel.kind !== 'send' || panel.send.outcome.status === 'sending') return
    const { to, aliasId: from } = panel.send
    dispatch({ type: 'sendSubmitted' })
    if (recipientProblem(to)) return
    const input = { accountId: account.id, to: to.trim(), ...(from ? { aliasId: from } : {}) }
    void settle(() => mailkey().sendTestMessage(input)).then((result) => {
      dispatch({ type: 'sendFinished', result })
      focus(ids.sendResult)
    })
  }

  const defaultAlias = account.aliases.find((a) => a.isDefault)?.id ?? null
  const controls: AliasControls = {
    openAdd: () => dispatch({ type: 'addOpened' }),
    changeDraft: (change) => dispatch({ type: 'draftChanged', change }),
    submitAdd,
    openRemove: (aliasId) => dispatch({ type: 'removeOpened', aliasId }),
    confirmRemove,
    setDefault,
    openCheck: (aliasId) => {
      const alias = account.aliases.find((a) => a.id === aliasId)
      // on Gmail only the test message proves anything: it is on unless the user turns it off
      const roundTrip = alias !== undefined && sendsThroughGmail(account, alias) && account.incoming.protocol === 'imap'
      dispatch({ type: 'checkOpened', aliasId, roundTrip })
    },
    toggleRoundTrip: (on) => dispatch({ type: 'roundTripToggled', on }),
    startCheck: () => {
      if (panel.kind !== 'check') return
      const alias = account.aliases.find((a) => a.id === panel.aliasId)
      dispatch({ type: 'checkStarted', testId: newTestId(), smtp: alias?.smtp ?? account.outgoing })
    },
    checkAgain: () => dispatch({ type: 'optionsReopened' }),
    cancelCheck,
    openExport,
    copyExport,
    openSend: () => dispatch({ type: 'sendOpened', aliasId: defaultAlias }),
    changeSendTo: (to) => dispatch({ type: 'sendToChanged', to }),
    changeSendFrom: (aliasId) => dispatch({ type: 'sendFromChanged', aliasId }),
    submitSend,
    close,
  }
  return [state, controls]
}
