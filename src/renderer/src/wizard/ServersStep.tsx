import type { Dispatch } from 'react'
import { newTestId } from '../lib/test-id.js'
import { Field } from '../ui/Field.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import { HostCautions } from './HostCautions.js'
import { PopReminder } from './PopReminder.js'
import { ServerChoices } from './ServerChoices.js'
import { ServerEditor } from './ServerEditor.js'
import { ServerSummary } from './ServerSummary.js'
import { keepsSavedServers, nothingFound, type Setup } from './setup.js'
import type { At, WizardAction } from './wizard-state.js'

function leadText(setup: Setup): string {
  if (setup.signIn)
    return 'Mailkey signs in to both servers at once with your sign-in. Nothing is sent and nothing is saved yet.'
  if (setup.accountId === undefined || setup.password !== '')
    return 'Mailkey signs in to both servers at once with your password. Nothing is sent and nothing is saved yet.'
  return keepsSavedServers(setup)
    ? 'Mailkey signs in to both servers at once with the saved password. Nothing is sent and nothing is saved yet.'
    : 'The servers changed: Mailkey asks for the password again before it signs in, as a saved password goes only to the servers it was saved for.'
}

interface Props {
  state: At<'servers'>
  dispatch: Dispatch<WizardAction>
}

/**
 * Step 4: the servers that will be tested, each with where it came from; the other servers discovery
 * found one click away; everything editable behind a disclosure.
 */
export function ServersStep({ state, dispatch }: Props) {
  const editing = state.setup.accountId !== undefined
  // an editor opened by a diagnosis puts focus on its field itself
  const headingRef = useFocusOnMount<HTMLHeadingElement>(!state.editing)
  return (
    <form
      className="step"
      noValidate
      aria-labelledby="servers-heading"
      onSubmit={(e) => {
        e.preventDefault()
        dispatch({ type: 'testRequested', testId: newTestId() })
      }}
    >
      <h2 id="servers-heading" ref={headingRef} tabIndex={-1}>
        Test the servers
      </h2>
      <p className="lead">{leadText(state.setup)}</p>
      {state.notice && (
        <p className="notice" role="status">
          {state.notice}
        </p>
      )}
      {nothingFound(state.setup) && (
        <p className="notice" role="status">
          Mailkey found no settings for{' '}
          {state.setup.detected.displayDomain ?? state.setup.detected.domain ?? 'this address'}: none published, and no
          server answered at the usual names. Enter them below; your provider’s help pages list them.
        </p>
      )}
      {editing && (
        <Field id="edit-display-name" label="Your name" hint="Shown to the people you write to.">
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="name"
              value={state.setup.displayName}
              onChange={(e) => dispatch({ type: 'displayNameChanged', displayName: e.target.value })}
            />
          )}
        </Field>
      )}
      <ServerSummary setup={state.setup} />
      <HostCautions setup={state.setup} dispatch={dispatch} />
      <ServerChoices setup={state.setup} dispatch={dispatch} />
      <button
        type="button"
        className="button button--disclosure"
        aria-expanded={state.editing}
        aria-controls="server-editor"
        onClick={() => dispatch({ type: 'editorToggled', open: !state.editing })}
      >
        Edit settings
      </button>
      {state.editing && (
        <ServerEditor
          id="server-editor"
          setup={state.setup}
          focus={state.focus}
          showProblems={state.showProblems}
          dispatch={dispatch}
        />
      )}
      <PopReminder setup={state.setup} />
      <div className="actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
          {editing ? 'Change the password' : 'Back'}
        </button>
        <button type="submit" className="button button--primary">
          Test both servers
        </button>
      </div>
    </form>
  )
}
