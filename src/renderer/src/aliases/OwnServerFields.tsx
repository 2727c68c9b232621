import type { AliasDraft, AliasProblems } from './alias-draft.js'
import type { AliasIds } from './alias-ids.js'
import { Field } from '../ui/Field.js'
import { PasswordField } from '../ui/PasswordField.js'
import { ServerFields } from '../ui/ServerFields.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  ids: AliasIds
  draft: AliasDraft
  problems: AliasProblems
  disabled: boolean
  controls: AliasControls
}

/** The alias's own SMTP server and login (another provider, or a relay such as SendGrid's `apikey`). */
export function OwnServerFields({ ids, draft, problems, disabled, controls }: Props) {
  const { smtp } = draft
  const change = controls.changeDraft
  return (
    <fieldset id={ids.field('own-server')} className="editor-group">
      <legend>Its own outgoing server</legend>
      <p className="field-hint field--full">
        For an address at another provider, or a relay such as SendGrid (username “apikey”). Only encrypted connections;
        standard ports set the encryption for you.
      </p>
      <ServerFields
        fieldId={(field) => ids.field(field)}
        draft={smtp}
        problems={problems}
        disabled={disabled}
        onChange={change}
      />
      <Field id={ids.field('username')} label="Username" error={problems.username} className="field--full">
        {(control) => (
          <input
            {...control}
            className="input mono"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            disabled={disabled}
            value={draft.username}
            onChange={(e) => change({ field: 'username', value: e.target.value })}
          />
        )}
      </Field>
      <div className="field--full">
        <PasswordField
          id={ids.field('password')}
          label="Password for this server"
          value={draft.password}
          hint="Kept in your keychain, never in a file."
          error={problems.password ?? null}
          disabled={disabled}
          onChange={(raw) => change({ field: 'password', value: raw })}
        />
      </div>
    </fieldset>
  )
}
