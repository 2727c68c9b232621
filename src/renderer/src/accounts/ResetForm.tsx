import { useEffect, useRef } from 'react'
import { afterPaste, passwordHint } from '../lib/password.js'
import { KeychainNotice } from '../ui/KeychainNotice.js'
import { keychainBlocked, type KeychainCheck } from '../ui/use-keychain-health.js'
import { useEscape } from '../ui/use-escape.js'
import { PasswordField } from '../ui/PasswordField.js'
import { resetPasswordCheck, type AccountCheckState } from './account-check.js'
import type { AccountCheckControls } from './use-account-check.js'

interface Props {
  state: Extract<AccountCheckState, { kind: 'reset-form' }>
  controls: AccountCheckControls
  email: string
  idPrefix: string
  keychain: KeychainCheck
  recheckKeychain: () => void
}

/** The reset, asked once: the new password in the wizard's paste field, tested before it replaces anything. */
export function ResetForm({ state, controls, email, idPrefix, keychain, recheckKeychain }: Props) {
  const inputRef = useRef<HTMLInputElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const isApp = Boolean(state.provider?.appPassword)
  const check = resetPasswordCheck(state)
  const blocked = keychainBlocked(keychain)
  const titleId = `${idPrefix}reset-title`
  useEscape(true, controls.closeReset)
  // into the field; while the keychain cannot keep a password the field is off, so onto the heading
  useEffect(() => {
    ;(blocked ? headingRef : inputRef).current?.focus()
  }, [blocked])
  return (
    <form
      className="reset"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault()
        if (blocked) return
        controls.submitReset()
        if (!check.ok) inputRef.current?.focus()
      }}
    >
      <h3 id={titleId} ref={headingRef} tabIndex={-1} className="reset-title">
        {isApp ? 'Enter the new app password' : 'Enter the new password'}
      </h3>
      <p>
        For <strong>{email}</strong>. Mailkey tests it on both servers first; your current password stays saved until
        the new one works.
      </p>
      <KeychainNotice id={`${idPrefix}reset-keychain`} check={keychain} recheck={recheckKeychain} />
      <PasswordField
        id={`${idPrefix}reset-password`}
        label={isApp ? 'New app password' : 'New password'}
        value={state.password}
        hint={passwordHint(state.provider)}
        error={state.showCheck && !check.ok ? check.message : null}
        inputRef={inputRef}
        disabled={blocked}
        onChange={controls.changePassword}
        pasteRule={(value, selection, pasted) => afterPaste(state.provider, value, selection, pasted)}
      />
      <div className="actions">
        <button type="button" className="button" onClick={controls.closeReset}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={blocked}>
          Test and save
        </button>
      </div>
    </form>
  )
}
