import { useCallback, useEffect, useRef, type Dispatch } from 'react'
import { discoverable } from '../../../shared/discovery-address.js'
import { mailkey, settle } from '../lib/api.js'
import { isEmail, normalizeAddress } from './setup.js'
import type { At, WizardAction } from './wizard-state.js'

const DEBOUNCE_MS = 300

let runs = 0

/** A name for a run, unique in this window: which answer belongs to the run last started. */
function nextRunId(): string {
  runs += 1
  return `run-${runs}`
}

/**
 * Recognises the provider while the address is typed: only for a well-formed address whose domain is
 * complete enough to look up (`alice@example.c` is not: shared/discovery-address.ts plausibleDomain),
 * after a 300 ms pause (at once when the user already pressed Continue), and never twice for one
 * address. Starting a run cancels the one before it in main (its lookups stop), so does changing the
 * address away from a running one, or leaving the step; and each run has a name, the reducer taking
 * an answer only from the run it last saw start, so a late answer never overwrites a newer one.
 */
export function useProviderDetection(state: At<'address'>, dispatch: Dispatch<WizardAction>): void {
  const email = normalizeAddress(state.email)
  const known = state.detection.status === 'idle' ? null : state.detection.email
  const urgent = state.advanceWhenFound
  const allowHttp = state.allowHttp === true
  const running = useRef<{ email: string; runId: string } | null>(null)

  const cancelRunning = useCallback((): void => {
    const run = running.current
    running.current = null
    if (run) void settle(() => mailkey().cancelDetection({ email: run.email }))
  }, [])

  // leaving the address step stops whatever still runs
  useEffect(() => cancelRunning, [cancelRunning])

  useEffect(() => {
    // a run for an address no longer typed can never be shown: stop its lookups now
    if (running.current && running.current.email !== email) cancelRunning()
    if (!isEmail(email) || !discoverable(email) || known === email) return
    const timer = setTimeout(
      () => {
        cancelRunning()
        const runId = nextRunId()
        running.current = { email, runId }
        dispatch({ type: 'detectionStarted', email, runId })
        const input = allowHttp ? { email, allowHttp: true as const } : { email }
        void settle(() => mailkey().detectProvider(input)).then((result) => {
          if (running.current?.runId === runId) running.current = null
          dispatch({ type: 'detectionFinished', email, runId, result })
        })
      },
      urgent ? 0 : DEBOUNCE_MS,
    )
    return () => clearTimeout(timer)
  }, [email, known, urgent, allowHttp, dispatch, cancelRunning])
}
