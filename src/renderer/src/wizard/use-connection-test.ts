import { useEffect, useRef, type Dispatch } from 'react'
import { mailkey, settle } from '../lib/api.js'
import { useTestCancel } from '../ui/use-test-cancel.js'
import { testInput } from './connection-input.js'
import type { WizardAction, WizardState } from './wizard-state.js'

/**
 * The wizard's side of a connection test. It listens to progress for as long as the wizard is shown
 * (the reducer drops events of other tests), and starts each run the reducer asks for exactly once,
 * even when React runs effects twice (StrictMode). The listener is declared first so it is in place
 * before the first run starts.
 */
export function useConnectionTest(state: WizardState, dispatch: Dispatch<WizardAction>): void {
  useEffect(() => mailkey().onTestProgress((event) => dispatch({ type: 'stageEvent', event })), [dispatch])

  const started = useRef(new Set<string>())
  useEffect(() => {
    if (state.step !== 'test' || state.run.status !== 'running') return
    const { testId, tested } = state.run
    if (started.current.has(testId)) return
    started.current.add(testId)
    const input = testInput(state.setup, testId, tested)
    void settle(() => mailkey().testConnection(input)).then((result) =>
      dispatch({ type: 'testFinished', testId, result }),
    )
  }, [state, dispatch])

  // leaving the wizard mid-test (Back to accounts, or mid-validation) stops it instead of letting it run unseen
  useTestCancel(runningTestId(state), noop)
}

const noop = (): void => undefined

function runningTestId(state: WizardState): string | null {
  if (state.step !== 'test') return null
  const { run } = state
  if (run.status === 'running') return run.testId
  return run.status === 'finished' && run.save.status === 'validating' ? run.save.run.testId : null
}
