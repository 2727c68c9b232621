import { SECURITY_LABEL } from '../lib/labels.js'
import { EDITABLE_SECURITY, type DraftProblems, type EditableSecurity, type ServerDraft } from '../lib/server-draft.js'
import { Field } from './Field.js'

export type ServerField = 'host' | 'port' | 'security'

/** One edit of these fields; the owner's reducer keeps port and security consistent. */
export type ServerFieldChange =
  { field: 'host' | 'port'; value: string } | { field: 'security'; value: EditableSecurity }

interface Props {
  /** The id of each field's control, unique on the page. */
  fieldId: (field: ServerField) => string
  draft: ServerDraft
  problems: DraftProblems
  disabled?: boolean
  onChange: (change: ServerFieldChange) => void
}

/** Host, port and security of one server (the wizard's editor, an alias's own SMTP server). */
export function ServerFields({ fieldId, draft, problems, disabled = false, onChange }: Props) {
  return (
    <>
      <Field id={fieldId('host')} label="Server" error={problems.host} className="field--wide">
        {(control) => (
          <input
            {...control}
            className="input mono"
            spellCheck={false}
            autoCapitalize="off"
            disabled={disabled}
            value={draft.host}
            onChange={(e) => onChange({ field: 'host', value: e.target.value })}
          />
        )}
      </Field>
      <Field id={fieldId('port')} label="Port" error={problems.port} className="field--narrow">
        {(control) => (
          <input
            {...control}
            className="input mono"
            inputMode="numeric"
            maxLength={5}
            disabled={disabled}
            value={draft.port}
            onChange={(e) => onChange({ field: 'port', value: e.target.value })}
          />
        )}
      </Field>
      <Field id={fieldId('security')} label="Encryption">
        {(control) => (
          <select
            {...control}
            className="input"
            disabled={disabled}
            value={draft.security}
            onChange={(e) => onChange({ field: 'security', value: e.target.value as EditableSecurity })}
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
