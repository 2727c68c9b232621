import { useEffect, useRef, type Dispatch } from 'react'
import { INCOMING_PROTOCOLS, type IncomingProtocol } from '../../../shared/mail.js'
import { PROTOCOL_LABEL } from '../lib/labels.js'
import { Field } from '../ui/Field.js'
import { ServerFields } from '../ui/ServerFields.js'
import { FallbackServers } from './FallbackServers.js'
import { OfficeOptions } from './OfficeOptions.js'
import { OutgoingLogin } from './OutgoingLogin.js'
import { incomingChoices, parseSetup, type Setup, type SetupProblems } from './setup.js'
import type { EditorFocus, WizardAction } from './wizard-state.js'

interface Props {
  id: string
  setup: Setup
  focus: EditorFocus | null
  showProblems: boolean
  dispatch: Dispatch<WizardAction>
}

const NO_PROBLEMS: SetupProblems = { incoming: {}, outgoing: {}, fallbacks: [], office: {} }

function fieldId(focus: EditorFocus): string {
  if (focus.field === 'proxy') return 'proxy-kind'
  if (focus.field === 'username' || focus.field === 'outgoing-username') return focus.field
  return `${focus.side}-${focus.field}`
}

/** The "Edit" disclosure: every setting a test depends on, checked with main's own rules. */
export function ServerEditor({ id, setup, focus, showProblems, dispatch }: Props) {
  const root = useRef<HTMLDivElement>(null)
  // the field a diagnosis named, else the first field with a problem, else the first field
  useEffect(() => {
    const el = root.current
    if (!el) return
    const named = focus ? el.querySelector<HTMLElement>(`#${fieldId(focus)}`) : null
    const invalid = showProblems ? el.querySelector<HTMLElement>('[aria-invalid="true"]') : null
    ;(named ?? invalid ?? el.querySelector<HTMLElement>('input, select'))?.focus()
  }, [focus, showProblems])
  const parsed = parseSetup(setup)
  const problems = showProblems && !parsed.ok ? parsed.problems : NO_PROBLEMS
  const protocols = INCOMING_PROTOCOLS.filter(
    (p) => incomingChoices(setup).some((c) => c.protocol === p) || p === setup.incoming.protocol,
  )
  return (
    <div id={id} className="editor" ref={root}>
      <fieldset className="editor-group">
        <legend>Incoming mail</legend>
        {protocols.length > 1 && (
          <Field
            id="incoming-protocol"
            label="Protocol"
            hint="IMAP keeps mail on the server; POP3 downloads it."
            className="field--full"
          >
            {(control) => (
              <select
                {...control}
                className="input"
                value={setup.incoming.protocol}
                onChange={(e) =>
                  dispatch({
                    type: 'serverChanged',
                    side: 'incoming',
                    change: { field: 'protocol', value: e.target.value as IncomingProtocol },
                  })
                }
              >
                {protocols.map((p) => (
                  <option key={p} value={p}>
                    {PROTOCOL_LABEL[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <ServerFields
          fieldId={(field) => `incoming-${field}`}
          draft={setup.incoming}
          problems={problems.incoming}
          onChange={(change) => dispatch({ type: 'serverChanged', side: 'incoming', change })}
        />
      </fieldset>
      <fieldset className="editor-group">
        <legend>Outgoing mail (SMTP)</legend>
        <ServerFields
          fieldId={(field) => `outgoing-${field}`}
          draft={setup.outgoing}
          problems={problems.outgoing}
          onChange={(change) => dispatch({ type: 'serverChanged', side: 'outgoing', change })}
        />
        {/* an OAuth sign-in serves both servers: there is no second login to give */}
        {!setup.signIn && <OutgoingLogin setup={setup} problem={problems.outgoingUsername} dispatch={dispatch} />}
      </fieldset>
      <Field
        id="username"
        label="Sign-in name"
        hint={
          setup.outgoingLogin
            ? 'Used for incoming mail; usually your full address.'
            : 'Used for both servers; usually your full address.'
        }
        error={problems.username}
      >
        {(control) => (
          <input
            {...control}
            className="input mono"
            spellCheck={false}
            autoCapitalize="off"
            value={setup.username}
            onChange={(e) => dispatch({ type: 'usernameChanged', username: e.target.value })}
          />
        )}
      </Field>
      <FallbackServers setup={setup} problems={problems.fallbacks} dispatch={dispatch} />
      <OfficeOptions setup={setup} problems={problems.office} dispatch={dispatch} />
    </div>
  )
}
