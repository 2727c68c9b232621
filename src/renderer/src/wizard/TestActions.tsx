import type { Dispatch } from 'react'
import { newTestId } from '../lib/test-id.js'
import { bothPassed, type TestRun } from './test-run.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  run: TestRun
  dispatch: Dispatch<WizardAction>
  onCancel: () => void
  onSave: () => void
}

/** Cancel while running; afterwards change, retry, or save once both servers passed. */
export function TestActions({ run, dispatch, onCancel, onSave }: Props) {
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
  const saving = save?.status === 'saving'
  return (
    <>
      {save?.status === 'failed' && (
        <p className="panel panel--error" role="alert">
          The account was not saved: {save.message}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={saving} onClick={() => dispatch({ type: 'back' })}>
          Change settings
        </button>
        <button
          type="button"
          className={bothPassed(run) ? 'button' : 'button button--primary'}
          disabled={saving}
          onClick={() => dispatch({ type: 'testRequested', testId: newTestId() })}
        >
          Test again
        </button>
        {bothPassed(run) && (
          <button type="button" className="button button--primary" disabled={saving} onClick={onSave}>
            {saving ? 'Saving…' : 'Save account'}
          </button>
        )}
      </div>
    </>
  )
}
