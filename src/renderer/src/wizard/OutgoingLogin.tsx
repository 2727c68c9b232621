import type { Dispatch } from 'react'
import { Field } from '../ui/Field.js'
import { PasswordField } from '../ui/PasswordField.js'
import type { Setup } from './setup.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  setup: Setup
  problem: string | undefined
  dispatch: Dispatch<WizardAction>
}

/**
 * Sending with its own login: an SMTP relay (SendGrid's user "apikey"), a host whose outgoing server
 * has separate accounts, an alias's own server. Off by default: one password serves both servers.
 */
export function OutgoingLogin({ setup, problem, dispatch }: Props) {
  const login = setup.outgoingLogin
  const editing = setup.accountId !== undefined
  return (
    <div className="outgoing-login field--full">
      <div className="checkbox-field">
        <input
          id="outgoing-login"
          type="checkbox"
          className="checkbox"
          checked={Boolean(login)}
          aria-describedby="outgoing-login-hint"
          onChange={(e) => dispatch({ type: 'outgoingLoginToggled', on: e.target.checked })}
        />
        <label htmlFor="outgoing-login">Outgoing mail signs in with a different user name and password</label>
      </div>
      <p id="outgoing-login-hint" className="field-hint">
        For a relay or a host whose outgoing server has its own accounts. Otherwise leave it off: the same sign-in
        serves both servers.
      </p>
      {login && (
        <div className="editor-row">
          <Field id="outgoing-username" label="Outgoing user name" error={problem} className="field--wide">
            {(control) => (
              <input
                {...control}
                className="input mono"
                spellCheck={false}
                autoCapitalize="off"
                value={login.username}
                onChange={(e) => dispatch({ type: 'outgoingLoginChanged', field: 'username', value: e.target.value })}
              />
            )}
          </Field>
          <PasswordField
            id="outgoing-password"
            label="Outgoing password"
            value={login.password}
            hint={
              editing
                ? 'Leave it empty to keep the saved one (or the incoming password, if none is saved).'
                : 'Leave it empty to use the incoming password.'
            }
            error={null}
            onChange={(raw) => dispatch({ type: 'outgoingLoginChanged', field: 'password', value: raw })}
          />
        </div>
      )}
    </div>
  )
}
