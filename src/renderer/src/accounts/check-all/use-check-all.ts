import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import { mailkey, settle } from '../../lib/api.js'
import { newTestId } from '../../lib/test-id.js'
import { checkAllReducer, idleCheckAll, type CheckAllState } from './check-all-state.js'

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

  const current = useRef<string | null>(null)
  useEffect(() => {
    current.current = runningId
  }, [runningId])
  useEffect(
    () => () => {
      const runId = current.current
      if (runId) void settle(() => mailkey().cancelCheckAll({ runId }))
    },
    [],
  )

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
  const cancel = useCallback(() => {
    if (!runningId) return
    dispatch({ type: 'cancelRequested' })
    void settle(() => mailkey().cancelCheckAll({ runId: runningId }))
  }, [runningId])
  return [state, { start, cancel, dismiss: () => dispatch({ type: 'dismissed' }) }]
}
