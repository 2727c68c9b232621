import type { Dispatch } from 'react'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import { PasswordField } from './PasswordField.js'
import { checkPassword } from './setup.js'
import type { At, WizardAction } from './wizard-state.js'

interface Props {
  state: At<'password'>
  dispatch: Dispatch<WizardAction>
}

/** Step 3: one paste field for the one secret both servers use. */
export function PasswordStep({ state, dispatch }: Props) {
  const inputRef = useFocusOnMount<HTMLInputElement>()
  const { setup } = state
  const provider = setup.detected.provider
  const format = provider?.appPassword?.format
  const check = checkPassword(provider, setup.password)
  const error = state.showCheck && !check.ok ? check.message : null
  const hint = format
    ? `${format.length} ${format.charset === 'letters' ? 'letters' : 'letters and digits'}, shown by ${provider?.name ?? 'the provider'} like ${format.example}. Paste it as it is: spaces are removed for you. The same password is used for incoming and outgoing mail.`
    : 'The same password is used for incoming and outgoing mail.'
  return (
    <form
      className="step"
      noValidate
      aria-labelledby="password-heading"
      onSubmit={(e) => {
        e.preventDefault()
        dispatch({ type: 'passwordSubmitted' })
        if (!check.ok) inputRef.current?.focus()
      }}
    >
      <h2 id="password-heading">{format ? 'Paste your app password' : 'Enter your password'}</h2>
      <p className="lead">
        For <strong>{setup.email}</strong>. Mailkey keeps it in your system’s keychain, never in a file.
      </p>
      <PasswordField
        id="password"
        label={format || provider?.appPassword ? 'App password' : 'Password'}
        value={setup.password}
        hint={hint}
        error={error}
        inputRef={inputRef}
        onChange={(raw, pasted) => dispatch({ type: 'passwordChanged', raw, pasted })}
      />
      <div className="actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
          Back
        </button>
        <button type="submit" className="button button--primary">
          Continue
        </button>
      </div>
    </form>
  )
}
