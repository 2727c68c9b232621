import { useCallback, useEffect, useRef } from 'react'
import { mailkey, settle } from '../lib/api.js'

/**
 * Cancelling a test main runs under `runningId` (null: none runs): returns the cancel action, which
 * calls `onRequested` first (to show "cancelling…"), and cancels a running test when the component
 * goes, rather than letting it run unseen.
 */
export function useTestCancel(runningId: string | null, onRequested: () => void): () => void {
  const current = useRef<string | null>(null)
  useEffect(() => {
    current.current = runningId
  }, [runningId])
  useEffect(
    () => () => {
      const testId = current.current
      if (testId) void settle(() => mailkey().cancelTest({ testId }))
    },
    [],
  )
  return useCallback(() => {
    if (!runningId) return
    onRequested()
    void settle(() => mailkey().cancelTest({ testId: runningId }))
  }, [runningId, onRequested])
}
