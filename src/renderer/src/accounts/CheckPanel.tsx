import { useEffect, useRef } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import { FallbackResults } from '../test-view/FallbackResults.js'
import { Findings } from '../test-view/Findings.js'
import { findings } from '../test-view/findings.js'
import { Reachability } from '../test-view/Reachability.js'
import { SidePanels } from '../test-view/SidePanel.js'
import { SupportDetails } from '../test-view/SupportDetails.js'
import { useEscape } from '../ui/use-escape.js'
import type { AccountCheckState } from './account-check.js'
import { isRejection } from '../../../shared/account.js'
import { checkHeading } from './check-words.js'
import type { AccountCheckControls } from './use-account-check.js'

type Shown = Extract<AccountCheckState, { kind: 'running' } | { kind: 'finished' } | { kind: 'error' }>

interface Props {
  state: Shown
  controls: AccountCheckControls
  idPrefix: string
  onFix: (side: Side, fix: Fix) => void
  /** The card's stale banner already says the saved password is refused, and what to do. */
  staleShown: boolean
  /** Trusts the certificate a side's server showed, then checks again. */
  onTrust?: ((side: Side) => void) | undefined
}

/** A re-test or reset of a saved account: both servers live, then the outcome and what it changed. */
export function CheckPanel({ state, controls, idPrefix, onFix, staleShown, onTrust }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const running = state.kind === 'running'
  const testId = state.kind === 'error' ? null : state.run.testId
  useEffect(() => headingRef.current?.focus(), [running, testId])
  useEscape(running, controls.cancel)
  const titleId = `${idPrefix}check-title`
  // the stale banner above says it once; a reset's own verdict is news of its own
  const saidAbove =
    staleShown &&
    state.kind === 'finished' &&
    state.mode === 'retest' &&
    findings(state.run.report).some((f) => isRejection(f.report.cause))
  return (
    <section className="check" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1} className="check-title">
        {checkHeading(state)}
      </h3>
      {state.kind === 'finished' && state.mode === 'reset' && (
        <p className={state.saved ? 'check-outcome check-outcome--ok' : 'check-outcome'}>
          {state.saved
            ? 'Both servers accept it. It replaced the old password in your keychain.'
            : 'Your old password is still saved; nothing was changed. Check the new one and try again.'}
        </p>
      )}
      {state.kind === 'finished' && (
        <>
          {saidAbove && <p className="check-outcome">The servers refused the saved password: what to do is above.</p>}
          <Findings
            report={state.run.report}
            onFix={onFix}
            busy={false}
            idPrefix={idPrefix}
            primaryFix={!staleShown}
            hide={saidAbove ? (f) => isRejection(f.report.cause) : undefined}
            onTrust={onTrust}
          />
        </>
      )}
      {state.kind === 'error' ? (
        <p className="panel panel--error">{state.message}</p>
      ) : (
        <SidePanels run={state.run} onFix={onFix} onTrust={onTrust} busy={false} idPrefix={idPrefix} />
      )}
      {state.kind === 'finished' && (
        <FallbackResults reports={state.run.report.outgoingFallbacks ?? []} idPrefix={idPrefix} />
      )}
      {state.kind === 'finished' && <Reachability report={state.run.report} idPrefix={idPrefix} />}
      <div className="actions">
        {running ? (
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Escape"
            disabled={state.run.cancelling}
            onClick={controls.cancel}
          >
            Cancel check <kbd>Esc</kbd>
          </button>
        ) : (
          <>
            {state.kind === 'finished' && state.mode === 'reset' && !state.saved && (
              <button type="button" className="button" onClick={controls.openReset}>
                Try another password
              </button>
            )}
            <button type="button" className="button" onClick={controls.dismiss}>
              Close
            </button>
          </>
        )}
      </div>
      {state.kind === 'finished' && (
        <SupportDetails
          key={state.run.testId}
          testId={state.run.testId}
          report={state.run.report}
          idPrefix={idPrefix}
        />
      )}
    </section>
  )
}
