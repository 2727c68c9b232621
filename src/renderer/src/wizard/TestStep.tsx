import { useCallback, useEffect, useRef, type Dispatch } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import { mailkey, settle } from '../lib/api.js'
import { newTestId } from '../lib/test-id.js'
import { useEscape } from '../ui/use-escape.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { announcement, headingText } from './announce.js'
import { saveInput } from './connection-input.js'
import { Reachability } from './Reachability.js'
import { SidePanel } from './SidePanel.js'
import { SupportDetails } from './SupportDetails.js'
import { TestActions } from './TestActions.js'
import { SIDES } from './test-run.js'
import type { At, WizardAction } from './wizard-state.js'

interface Props {
  state: At<'test'>
  dispatch: Dispatch<WizardAction>
}

/** Step 5: both servers tested at once, live, then the outcome with a fix for each failure. */
export function TestStep({ state, dispatch }: Props) {
  const { run, setup } = state
  const [openUrl, openProblem] = useOpenExternal()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const running = run.status === 'running'
  const { testId } = run

  // a new run and its outcome each take focus, so keyboard and screen reader users land on the news
  useEffect(() => headingRef.current?.focus(), [running, testId])

  const cancel = useCallback(() => {
    dispatch({ type: 'cancelRequested' })
    void settle(() => mailkey().cancelTest({ testId }))
  }, [dispatch, testId])
  useEscape(running, cancel)

  const onFix = (side: Side, fix: Fix): void => {
    if (fix.kind === 'open-url') openUrl(fix.url)
    else dispatch({ type: 'fixApplied', side, fix, testId: newTestId() })
  }

  const save = async (): Promise<void> => {
    if (run.status !== 'finished') return
    dispatch({ type: 'saveStarted' })
    const result = await settle(() => mailkey().saveAccount(saveInput(setup, run.testId, run.tested)))
    if (result.ok) dispatch({ type: 'saved', account: result.value })
    else dispatch({ type: 'saveFailed', message: result.error.message })
  }

  const saving = run.status === 'finished' && run.save.status === 'saving'
  return (
    <section className="step step--wide" aria-labelledby="test-heading">
      <h2 id="test-heading" key={running ? 'running' : `result-${testId}`} ref={headingRef} tabIndex={-1}>
        {headingText(run)}
      </h2>
      <div className="sides">
        {SIDES.map((side) => (
          <SidePanel key={side} side={side} run={run} onFix={onFix} busy={saving} />
        ))}
      </div>
      {run.status === 'finished' && <Reachability report={run.report} />}
      {run.status === 'error' && (
        <div className="panel panel--error" role="alert">
          <p>Mailkey could not start the test: {run.error.message}</p>
        </div>
      )}
      {openProblem && <p className="field-error">{openProblem}</p>}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement(run)}
      </p>
      <TestActions run={run} dispatch={dispatch} onCancel={cancel} onSave={() => void save()} />
      {run.status === 'finished' && <SupportDetails key={testId} testId={testId} report={run.report} />}
    </section>
  )
}
