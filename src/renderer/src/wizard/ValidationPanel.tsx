import { useCallback, useEffect, useRef, useState } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import { sideProgress } from '../test-view/announce.js'
import { RoundTripCard } from '../test-view/RoundTripCard.js'
import { allStagesDone, SIDES } from '../test-view/test-run.js'
import { useEscape } from '../ui/use-escape.js'
import type { ValidationSave } from './save-transitions.js'

interface Props {
  save: ValidationSave
  email: string
  onFix: (fix: Fix) => void
  /** Stops a running validation (its test, or the wait for its message); nothing is saved then. */
  onStop: (testId: string) => void
}

/** Validate and save: both servers again and the validation message, live; or why nothing was saved. */
export function ValidationPanel({ save, email, onFix, onStop }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  // its start and its verdict each take focus: the Save button that was pressed is off meanwhile
  useEffect(() => headingRef.current?.focus(), [save.status])
  const runningId = save.status === 'validating' ? save.run.testId : null
  const [stopping, setStopping] = useState<string | null>(null)
  const stop = useCallback(() => {
    if (!runningId || stopping === runningId) return
    setStopping(runningId)
    onStop(runningId)
  }, [runningId, stopping, onStop])
  useEscape(runningId !== null, stop)
  if (save.status === 'validating') {
    const serversDone = allStagesDone(save.run)
    return (
      <section className="validation" aria-labelledby="validation-heading">
        <h3 id="validation-heading" ref={headingRef} tabIndex={-1} className="panel-title">
          Proving delivery before saving…
        </h3>
        <ul className="validation-steps">
          {SIDES.map((side) => (
            <li key={side}>{sideProgress(save.run, side)}</li>
          ))}
          <li>
            {serversDone
              ? `Validation message: sent to ${email}, waiting for it to arrive (up to a minute)…`
              : 'Validation message: sent once both servers pass.'}
          </li>
        </ul>
        <div className="actions actions--start">
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Escape"
            disabled={stopping === runningId}
            onClick={stop}
          >
            {stopping === runningId ? 'Stopping…' : 'Stop'} <kbd>Esc</kbd>
          </button>
        </div>
      </section>
    )
  }
  return (
    <section className="validation validation--failed" aria-labelledby="validation-heading">
      <h3 id="validation-heading" ref={headingRef} tabIndex={-1} className="panel-title">
        The account was not saved
      </h3>
      <p>{save.reason}</p>
      {save.roundTrip && <RoundTripCard id="validation-message" report={save.roundTrip} onFix={onFix} />}
      <p className="note">
        Everything you entered is kept.{' '}
        {save.roundTrip
          ? 'Try again, change the settings, or untick “Prove delivery” to save without the validation message.'
          : 'Test again, or change the settings.'}
      </p>
    </section>
  )
}
