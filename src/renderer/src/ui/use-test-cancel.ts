import { useCallback, useEffect, useRef } from 'react'
import { mailkey, settle } from '../lib/api.js'

/** The usual cancel: the test main runs under this id (`cancelCall` stands in for other runs, e.g. check all). */
function cancelTest(testId: string): Promise<unknown> {
  return settle(() => mailkey().cancelTest({ testId }))
}

/**
 * Cancelling a test main runs under `runningId` (null: none runs): returns the cancel action, which
 * calls `onRequested` first (to show "cancelling…"), and cancels a running test when the component
 * goes, rather than letting it run unseen. `cancelCall` must be the same function on every render (a
 * module-level one).
 */
export function useTestCancel(
  runningId: string | null,
  onRequested: () => void,
  cancelCall: (id: string) => Promise<unknown> = cancelTest,
): () => void {
  const current = useRef<string | null>(null)
  useEffect(() => {
    current.current = runningId
  }, [runningId])
  useEffect(
    () => () => {
      const testId = current.current
      if (testId) void cancelCall(testId)
    },
    [cancelCall],
  )
  return useCallback(() => {
    if (!runningId) return
    onRequested()
    void cancelCall(runningId)
  }, [runningId, onRequested, cancelCall])
}
