import { useLayoutEffect, useRef, type Dispatch } from 'react'
import { afterPaste, passwordHint } from '../lib/password.js'
import { KeychainNotice } from '../ui/KeychainNotice.js'
import { keychainBlocked, type KeychainCheck } from '../ui/use-keychain-health.js'
import { PasswordField } from '../ui/PasswordField.js'
import { checkSetupPassword } from './setup.js'
import type { At, WizardAction } from './wizard-state.js'

interface Props {
  state: At<'password'>
  dispatch: Dispatch<WizardAction>
  keychain: KeychainCheck
  recheckKeychain: () => void
}

function fieldLabel(editing: boolean, isApp: boolean): string {
  if (editing) return `New ${isApp ? 'app password' : 'password'} (optional)`
  return isApp ? 'App password' : 'Password'
}

/** Step 3: one paste field for the one secret both servers use (when editing, a replacement or nothing). */
export function PasswordStep({ state, dispatch, keychain, recheckKeychain }: Props) {
  const inputRef = useRef<HTMLInputElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { setup } = state
  const provider = setup.detected.provider
  const isApp = Boolean(provider?.appPassword)
  const editing = setup.accountId !== undefined
  const blocked = keychainBlocked(keychain)
  const check = checkSetupPassword(setup)
  const error = state.showCheck && !check.ok ? check.message : null
  const hint = `${passwordHint(provider)}${editing ? ' Leave it empty to keep the saved password.' : ''}`

  // into the field, its text selected: coming back after a refused password, a paste or a keystroke
  // replaces the old one instead of adding to it. While the keychain cannot keep a password the field
  // is off, so onto the heading (and back into the field once it works again). A layout effect: the
  // focus moves in the same commit that disables the field, never a frame later
  useLayoutEffect(() => {
    if (blocked) {
      headingRef.current?.focus()
    } else {
      inputRef.current?.focus()
      inputRef.current?.select()
    }
  }, [blocked])

  return (
    <form
      className="step"
      noValidate
      aria-labelledby="password-heading"
      onSubmit={(e) => {
        e.preventDefault()
        if (blocked) return
        dispatch({ type: 'passwordSubmitted' })
        if (!check.ok) inputRef.current?.focus()
      }}
    >
      <h2 id="password-heading" ref={headingRef} tabIndex={-1}>
        {editing ? 'Replace the saved password?' : isApp ? 'Paste your app password' : 'Enter your password'}
      </h2>
      <p className="lead">
        For <strong>{setup.email}</strong>. Mailkey keeps it in your system’s keychain, never in a file.
      </p>
      <KeychainNotice id="password-keychain" check={keychain} recheck={recheckKeychain} />
      <PasswordField
        id="password"
        label={fieldLabel(editing, isApp)}
        value={setup.password}
        hint={hint}
        error={error}
        inputRef={inputRef}
        disabled={blocked}
        onChange={(raw, pasted) => dispatch({ type: 'passwordChanged', raw, pasted })}
        pasteRule={(value, selection, pasted) => afterPaste(provider, value, selection, pasted)}
      />
      {!editing && (
        <p className="note">
          Your provider signs mail apps in through its web page instead (OAuth 2.0)?{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => dispatch({ type: 'signInChosen', provider: provider?.oauth?.kind ?? 'custom' })}
          >
            {provider?.oauth?.kind === 'google'
              ? 'Sign in with Google'
              : provider?.oauth?.kind === 'microsoft'
                ? 'Sign in with Microsoft'
                : 'Other provider (OAuth2)'}
          </button>
        </p>
      )}
      <div className="actions">
        {!editing && (
          <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
            Back
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={blocked}>
          Continue
        </button>
      </div>
    </form>
  )
}
