import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import { mailkey, settle } from '../../lib/api.js'
import { newTestId } from '../../lib/test-id.js'
import { useTestCancel } from '../../ui/use-test-cancel.js'
import { checkAllReducer, idleCheckAll, type CheckAllState } from './check-all-state.js'

function cancelRun(runId: string): Promise<unknown> {
  return settle(() => mailkey().cancelCheckAll({ runId }))
}

export interface CheckAllControls {
  start: () => void
  cancel: () => void
  dismiss: () => void
}

/**
 * Runs "Check all" in main: rows follow main's live events, the accounts are re-read when it ends
 * (stale flags and verified times changed), and a running check is cancelled if the screen goes.
 */
export function useCheckAll(
  accounts: readonly AccountView[],
  onAccounts: (accounts: AccountView[]) => void,
): [CheckAllState, CheckAllControls] {
  const [state, dispatch] = useReducer(checkAllReducer, idleCheckAll)
  const runningId = state.kind === 'running' ? state.runId : null

  useEffect(() => {
    if (!runningId) return
    return mailkey().onCheckAllProgress((event) => dispatch({ type: 'event', event }))
  }, [runningId])

  const started = useRef(new Set<string>())
  useEffect(() => {
    if (state.kind !== 'running' || started.current.has(state.runId)) return
    const { runId, order } = state
    started.current.add(runId)
    void settle(() => mailkey().checkAllAccounts({ runId, accountIds: order })).then(async (result) => {
      dispatch({ type: 'finished', runId, result })
      const list = await settle(() => mailkey().listAccounts())
      if (list.ok) onAccounts(list.value)
    })
  }, [state, onAccounts])

  const ids = accounts.map((a) => a.id)
  const start = (): void => {
    // main takes run ids of up to 48 characters (each account's test is `<runId>-<n>`)
    if (ids.length) dispatch({ type: 'started', runId: newTestId().slice(0, 32), accountIds: ids })
  }
  // leaving the screen mid-check stops it rather than letting it run unseen
  const requested = useCallback(() => dispatch({ type: 'cancelRequested' }), [])
  const cancel = useTestCancel(runningId, requested, cancelRun)
  return [state, { start, cancel, dismiss: () => dispatch({ type: 'dismissed' }) }]
}
