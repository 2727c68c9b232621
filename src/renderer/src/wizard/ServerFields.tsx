import type { Dispatch } from 'react'
import type { Side } from '../../../shared/mail.js'
import { SECURITY_LABEL } from '../lib/labels.js'
import { Field } from '../ui/Field.js'
import { EDITABLE_SECURITY, type DraftProblems, type EditableSecurity, type ServerDraft } from './server-draft.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  side: Side
  draft: ServerDraft
  problems: DraftProblems
  dispatch: Dispatch<WizardAction>
}

/** Host, port and security of one server; the reducer keeps port and security consistent. */
export function ServerFields({ side, draft, problems, dispatch }: Props) {
  return (
    <>
      <Field id={`${side}-host`} label="Server" error={problems.host} className="field--wide">
        {(control) => (
          <input
            {...control}
            className="input mono"
            spellCheck={false}
            autoCapitalize="off"
            value={draft.host}
            onChange={(e) =>
              dispatch({ type: 'serverChanged', side, change: { field: 'host', value: e.target.value } })
            }
          />
        )}
      </Field>
      <Field id={`${side}-port`} label="Port" error={problems.port} className="field--narrow">
        {(control) => (
          <input
            {...control}
            className="input mono"
            inputMode="numeric"
            maxLength={5}
            value={draft.port}
            onChange={(e) =>
              dispatch({ type: 'serverChanged', side, change: { field: 'port', value: e.target.value } })
            }
          />
        )}
      </Field>
      <Field id={`${side}-security`} label="Encryption">
        {(control) => (
          <select
            {...control}
            className="input"
            value={draft.security}
            onChange={(e) =>
              dispatch({
                type: 'serverChanged',
                side,
                change: { field: 'security', value: e.target.value as EditableSecurity },
              })
            }
          >
            {EDITABLE_SECURITY.map((s) => (
              <option key={s} value={s}>
                {SECURITY_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  )
}
