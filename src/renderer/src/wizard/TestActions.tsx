import type { Dispatch } from 'react'
import { newTestId } from '../lib/test-id.js'
import { mailWorks, type TestRun } from '../test-view/test-run.js'
import { DeliveryProof } from './DeliveryProof.js'
import { saveBusy } from './save-transitions.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  run: TestRun
  dispatch: Dispatch<WizardAction>
  onCancel: () => void
  onSave: () => void
  /** The address, for the validation message's wording. */
  email: string
  /** The user asked to prove delivery before saving (and the incoming server can read it back). */
  proveDelivery: boolean
  imap: boolean
  /** A fix on screen leads (one primary button per screen): "Test again" steps back then. */
  fixLeads: boolean
}

/** Cancel while running; afterwards change, retry, or save (optionally proving delivery) once both servers passed. */
export function TestActions({ run, dispatch, onCancel, onSave, email, proveDelivery, imap, fixLeads }: Props) {
  if (run.status === 'running') {
    return (
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Escape"
          disabled={run.cancelling}
          onClick={onCancel}
        >
          Cancel test <kbd>Esc</kbd>
        </button>
      </div>
    )
  }
  const save = run.status === 'finished' ? run.save : null
  const busy = save ? saveBusy(save) : false
  const passed = mailWorks(run)
  const validate = proveDelivery && imap
  return (
    <>
      {save?.status === 'failed' && (
        <p className="panel panel--error" role="alert">
          The account was not saved: {save.message}
        </p>
      )}
      {passed && (
        <DeliveryProof
          email={email}
          checked={proveDelivery}
          imap={imap}
          disabled={busy}
          onChange={(on) => dispatch({ type: 'deliveryProofToggled', on })}
        />
      )}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => dispatch({ type: 'back' })}>
          Change settings
        </button>
        <button
          type="button"
          className={passed || fixLeads ? 'button' : 'button button--primary'}
          disabled={busy}
          onClick={() => dispatch({ type: 'testRequested', testId: newTestId() })}
        >
          Test again
        </button>
        {passed && (
          <button type="button" className="button button--primary" disabled={busy} onClick={onSave}>
            {save?.status === 'saving' ? 'Saving…' : validate ? 'Validate and save' : 'Save account'}
          </button>
        )}
      </div>
    </>
  )
}
