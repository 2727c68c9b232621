import { useCallback, useEffect, useRef, type Dispatch } from 'react'
import type { AccountView } from '../../../shared/account.js'
import { mailkey, settle } from '../lib/api.js'
import { useTestCancel } from '../ui/use-test-cancel.js'
import type { AliasesAction, AliasPanel } from './aliases-state.js'

/**
 * The effects of an alias check: live progress while it runs, the check sent to main once per test
 * id, the updated account handed up, and a running check stopped if the section goes. Returns the
 * cancel action (during the round trip it stops the wait: a sent message cannot be called back).
 */
export function useAliasCheck(
  account: AccountView,
  panel: AliasPanel,
  dispatch: Dispatch<AliasesAction>,
  onUpdated: (account: AccountView) => void,
): () => void {
  const check = panel.kind === 'check' ? panel.check : null
  const runningId = check?.status === 'running' ? check.testId : null

  // listening first, so the first stage of a check is not missed
  useEffect(() => {
    if (!runningId) return
    return mailkey().onTestProgress((event) => dispatch({ type: 'stageEvent', event }))
  }, [runningId, dispatch])

  const started = useRef(new Set<string>())
  const aliasId = panel.kind === 'check' ? panel.aliasId : null
  const roundTrip = check?.roundTrip ?? false
  useEffect(() => {
    if (!runningId || !aliasId || started.current.has(runningId)) return
    started.current.add(runningId)
    const testId = runningId
    void settle(() => mailkey().checkAlias({ accountId: account.id, aliasId, testId, roundTrip })).then((r) => {
      if (r.ok) onUpdated(r.value.account)
      dispatch({ type: 'checkFinished', testId, result: r })
    })
  }, [runningId, aliasId, roundTrip, account.id, onUpdated, dispatch])

  // leaving the screen mid-check stops it rather than letting it run unseen
  const requested = useCallback(() => dispatch({ type: 'cancelRequested' }), [dispatch])
  return useTestCancel(runningId, requested)
}
