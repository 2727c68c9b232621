import { useEffect, useRef, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { Fix } from '../../../../shared/diagnosis.js'
import type { GroupView } from '../../../../shared/group.js'
import { connectionWords } from '../../lib/connection-words.js'
import { Findings } from '../../test-view/Findings.js'
import { SidePanels } from '../../test-view/SidePanel.js'
import { Field } from '../../ui/Field.js'
import { PasswordField } from '../../ui/PasswordField.js'
import { useEscape } from '../../ui/use-escape.js'
import { useOpenExternal } from '../../ui/use-open-external.js'
import { useAddMailbox } from './use-add-mailbox.js'

interface Props {
  group: GroupView
  onSaved: (account: AccountView) => void
  onClose: () => void
}

const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** Two fields, address and password: the rest is the group's, tested live before anything is saved. */
export function AddMailboxForm({ group, onSaved, onClose }: Props) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [shown, setShown] = useState(false)
  const { state, add } = useAddMailbox(group, onSaved)
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const [openUrl] = useOpenExternal()
  const testing = state.kind === 'testing'
  useEscape(!testing, onClose)
  useEffect(() => emailRef.current?.focus(), [])
  const prefix = `group-${group.id}-add-`
  const options = connectionWords(group.defaults.connection)
  const emailError = shown && !ADDRESS.test(email.trim()) ? 'Enter the mailbox address (name@domain).' : null
  const passwordError = shown && password === '' ? 'Enter the password.' : null
  const onFix = (_side: unknown, fix: Fix): void => {
    if (fix.kind === 'open-url') openUrl(fix.url)
    else passwordRef.current?.focus()
  }
  return (
    <form
      className="group-add"
      noValidate
      aria-label={`Add a mailbox to ${group.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        setShown(true)
        if (!ADDRESS.test(email.trim())) return emailRef.current?.focus()
        if (password === '') return passwordRef.current?.focus()
        void add(email.trim(), password)
      }}
    >
      <p>
        Servers and sign-in come from the group ({group.defaults.incoming.host}, {group.defaults.outgoing.host})
        {options.length > 0 && `, and it connects ${options.join(', ')}`}. Both are tested with the password before the
        mailbox is saved.
      </p>
      <Field id={`${prefix}email`} label="Mailbox address" error={emailError}>
        {(control) => (
          <input
            {...control}
            ref={emailRef}
            type="email"
            className="input"
            autoComplete="off"
            value={email}
            disabled={testing}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <PasswordField
        id={`${prefix}password`}
        label="Password"
        value={password}
        hint="The mailbox's password or app password. It goes to your keychain only once both servers accept it."
        error={passwordError}
        inputRef={passwordRef}
        disabled={testing}
        onChange={(raw) => setPassword(raw)}
      />
      <div className="actions">
        <button type="button" className="button" onClick={onClose} disabled={testing}>
          Close <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={testing}>
          {testing ? 'Testing…' : 'Test and add'}
        </button>
      </div>
      <p role="status" className="notice-line">
        {state.kind === 'testing' && `Testing ${email.trim()} on both servers…`}
        {state.kind === 'done' && state.saved && `${state.account.email} works and was added to ${group.name}.`}
      </p>
      {state.kind === 'error' && (
        <p className="panel panel--error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && !state.saved && (
        <div role="alert">
          <p className="panel panel--error">{state.reason}</p>
          <Findings report={state.run.report} onFix={onFix} busy={false} idPrefix={prefix} primaryFix />
        </div>
      )}
      {(state.kind === 'testing' || state.kind === 'done') && (
        <SidePanels run={state.run} onFix={onFix} busy={testing} idPrefix={prefix} />
      )}
    </form>
  )
}
