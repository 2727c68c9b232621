import type { Dispatch } from 'react'
import type { DraftProblems } from '../lib/server-draft.js'
import { ServerFields } from '../ui/ServerFields.js'
import type { Setup } from './setup.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  setup: Setup
  problems: DraftProblems[]
  dispatch: Dispatch<WizardAction>
}

/**
 * Fallback outgoing servers, in the order sending tries them when the main one does not work (a port
 * the office network blocks, a relay on 2525). The test checks each. They are numbered after the main
 * one (outgoing server 2, 3…), and no button's name holds "back": the step's Back button keeps a name
 * of its own.
 */
export function FallbackServers({ setup, problems, dispatch }: Props) {
  return (
    <fieldset className="editor-group" aria-describedby="fallbacks-hint">
      <legend>If the outgoing server does not work</legend>
      <p id="fallbacks-hint" className="field-hint field--full">
        Sending tries these in order, and says when it used one and why the first failed.
      </p>
      {setup.fallbacks.map((draft, index) => (
        <div className="fallback" key={index} role="group" aria-label={`Outgoing server ${index + 2}`}>
          <ServerFields
            fieldId={(field) => `fallback-${index}-${field}`}
            draft={draft}
            problems={problems[index] ?? {}}
            onChange={(change) => dispatch({ type: 'fallbackChanged', index, change })}
          />
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Remove outgoing server ${index + 2}`}
            onClick={() => dispatch({ type: 'fallbackRemoved', index })}
          >
            Remove
          </button>
        </div>
      ))}
      {setup.fallbacks.length < 5 && (
        <button type="button" className="button" onClick={() => dispatch({ type: 'fallbackAdded' })}>
          Add another outgoing server
        </button>
      )}
    </fieldset>
  )
}
