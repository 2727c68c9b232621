import { useRef, type Dispatch } from 'react'
import type { Provider } from '../../../shared/providers.js'
import { newTestId } from '../lib/test-id.js'
import { afterPaste, checkPassword, passwordHint } from '../lib/password.js'
import { PasswordField } from '../ui/PasswordField.js'
import type { PasswordRetry as Retry, WizardAction } from './wizard-state.js'

interface Props {
  provider: Provider | null
  retry: Retry | undefined
  dispatch: Dispatch<WizardAction>
  disabled: boolean
}

/**
 * The way forward from "did not accept this password", in place: the field for the new one and a test
 * of both servers with it. Everything else typed stays as it was.
 */
export function PasswordRetry({ provider, retry, dispatch, disabled }: Props) {
  const inputRef = useRef<HTMLInputElement>(null)
  const isApp = Boolean(provider?.appPassword)
  const password = retry?.password ?? ''
  const check = checkPassword(provider, password)
  const error = retry?.showCheck && !check.ok ? check.message : null
  const title = isApp ? 'Paste the new app password' : 'Enter the right password'
  return (
    <form
      className="password-retry"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        dispatch({ type: 'retryPasswordSubmitted', testId: newTestId() })
        if (!check.ok) inputRef.current?.focus()
      }}
    >
      <PasswordField
        id="retry-password"
        label={title}
        value={password}
        hint={passwordHint(provider)}
        error={error}
        inputRef={inputRef}
        disabled={disabled}
        onChange={(raw, pasted) => dispatch({ type: 'retryPasswordChanged', raw, pasted })}
        pasteRule={(value, selection, pasted) => afterPaste(provider, value, selection, pasted)}
      />
      <div className="actions actions--start">
        <button type="submit" className="button button--primary" disabled={disabled}>
          Test both servers
        </button>
      </div>
    </form>
  )
}
