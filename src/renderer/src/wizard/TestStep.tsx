import { useCallback, useEffect, useRef, type Dispatch } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import { mailkey, settle } from '../lib/api.js'
import { newTestId } from '../lib/test-id.js'
import { announcement, headingText } from '../test-view/announce.js'
import { FallbackResults } from '../test-view/FallbackResults.js'
import { Findings } from '../test-view/Findings.js'
import { findings, newPasswordHelps } from '../test-view/findings.js'
import { fixIsAction } from '../test-view/FixAction.js'
import { Reachability } from '../test-view/Reachability.js'
import { SidePanels } from '../test-view/SidePanel.js'
import { SupportDetails } from '../test-view/SupportDetails.js'
import { useEscape } from '../ui/use-escape.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { saveInput, validateInput } from './connection-input.js'
import { saveAnnouncement } from './save-announcement.js'
import { PasswordRetry } from './PasswordRetry.js'
import { saveBusy, validationOf } from './save-transitions.js'
import { TestActions } from './TestActions.js'
import { ValidationPanel } from './ValidationPanel.js'
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

  // a new run and its outcome each take focus, so keyboard and screen reader users land on the news;
  // validate and save's own news (its progress, why it saved nothing) takes focus in its panel
  const validation = validationOf(run)
  const validating = validation !== null
  useEffect(() => {
    if (!validating) headingRef.current?.focus()
  }, [running, testId, validating])

  const cancel = useCallback(() => {
    dispatch({ type: 'cancelRequested' })
    void settle(() => mailkey().cancelTest({ testId }))
  }, [dispatch, testId])
  useEscape(running, cancel)
  const stopValidation = useCallback((id: string) => void settle(() => mailkey().cancelTest({ testId: id })), [])

  const onFix = (side: Side, fix: Fix): void => {
    if (fix.kind === 'open-url') openUrl(fix.url)
    else dispatch({ type: 'fixApplied', side, fix, testId: newTestId() })
  }

  const imap = run.tested.incoming.protocol === 'imap'
  const proveDelivery = setup.proveDelivery === true

  const save = async (): Promise<void> => {
    if (run.status !== 'finished') return
    if (proveDelivery && imap) {
      const id = newTestId()
      dispatch({ type: 'validationStarted', testId: id })
      const input = validateInput(setup, id, run.tested, true)
      const result = await settle(() => mailkey().validateAndSave(input))
      dispatch({ type: 'validationFinished', testId: id, result })
      return
    }
    dispatch({ type: 'saveStarted' })
    const result = await settle(() => mailkey().saveAccount(saveInput(setup, run.testId, run.tested)))
    if (result.ok) dispatch({ type: 'saved', account: result.value })
    else dispatch({ type: 'saveFailed', message: result.error.message })
  }

  const saving = run.status === 'finished' && saveBusy(run.save)
  // a refused password is fixed here: no new password helps when the provider takes none at all
  const retryable = run.status === 'finished' && newPasswordHelps(run.report) && !setup.detected.provider?.oauthOnly
  const fixLeads =
    run.status === 'finished' &&
    (retryable || findings(run.report).some((f) => f.report.fix !== undefined && fixIsAction(f.report.fix, 'act')))
  return (
    <section className="step" aria-labelledby="test-heading">
      <h2 id="test-heading" key={running ? 'running' : `result-${testId}`} ref={headingRef} tabIndex={-1}>
        {headingText(run)}
      </h2>
      {run.status === 'finished' && (
        <Findings
          report={run.report}
          onFix={onFix}
          busy={saving}
          primaryFix
          onTrust={(s) => dispatch({ type: 'certificateTrusted', side: s, testId: newTestId() })}
          passwordRetry={
            retryable ? (
              <PasswordRetry
                provider={setup.detected.provider}
                retry={state.retry}
                dispatch={dispatch}
                disabled={saving}
              />
            ) : undefined
          }
        />
      )}
      <SidePanels
        run={run}
        onFix={onFix}
        onTrust={(s) => dispatch({ type: 'certificateTrusted', side: s, testId: newTestId() })}
        busy={saving}
      />
      {run.status === 'finished' && <FallbackResults reports={run.report.outgoingFallbacks ?? []} />}
      {run.status === 'finished' && <Reachability report={run.report} />}
      {run.status === 'error' && (
        <div className="panel panel--error" role="alert">
          <p>Mailkey could not start the test: {run.error.message}</p>
        </div>
      )}
      {validation && (
        <ValidationPanel
          save={validation}
          email={setup.email}
          onFix={(fix) => onFix('outgoing', fix)}
          onStop={stopValidation}
        />
      )}
      {openProblem && <p className="field-error">{openProblem}</p>}
      <p className="visually-hidden" role="status" aria-live="polite">
        {saveAnnouncement(run, setup.email) ?? announcement(run)}
      </p>
      <TestActions
        run={run}
        dispatch={dispatch}
        onCancel={cancel}
        onSave={() => void save()}
        email={setup.email}
        proveDelivery={proveDelivery}
        imap={imap}
        fixLeads={fixLeads}
      />
      {run.status === 'finished' && <SupportDetails key={testId} testId={testId} report={run.report} />}
    </section>
  )
}
