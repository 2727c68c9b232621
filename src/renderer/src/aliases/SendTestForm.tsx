import { useEffect, useRef } from 'react'
import type { AccountView } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import { Field } from '../ui/Field.js'
import { useEscape } from '../ui/use-escape.js'
import { aliasIds } from './alias-ids.js'
import { identityText } from './alias-words.js'
import { recipientProblem, type SendTest } from './send-test.js'
import { SendTestResult } from './SendTestResult.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  send: SendTest
  controls: AliasControls
  onAccountFix: (fix: Fix) => void
}

/** "Send a test email to…": one short real message to any address, from the account or an alias. */
export function SendTestForm({ account, send, controls, onAccountFix }: Props) {
  const ids = aliasIds(account.id)
  const toRef = useRef<HTMLInputElement>(null)
  useEffect(() => toRef.current?.focus(), [])
  const sending = send.outcome.status === 'sending'
  useEscape(!sending, controls.close)
  const problem = send.showProblems ? recipientProblem(send.to) : null
  const from = account.aliases.find((a) => a.id === send.aliasId) ?? null
  const titleId = `${ids.sendPanel}-title`
  return (
    <form
      id={ids.sendPanel}
      className="alias-form"
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault()
        if (recipientProblem(send.to)) toRef.current?.focus()
        controls.submitSend()
      }}
    >
      <h4 id={titleId} className="alias-form-title">
        Send a test email
      </h4>
      <Field id={ids.field('send-to')} label="Send to" error={problem}>
        {(control) => (
          <input
            {...control}
            ref={toRef}
            type="email"
            className="input mono"
            spellCheck={false}
            autoCapitalize="off"
            disabled={sending}
            value={send.to}
            onChange={(e) => controls.changeSendTo(e.target.value)}
          />
        )}
      </Field>
      <Field id={ids.field('send-from')} label="From">
        {(control) => (
          <select
            {...control}
            className="input"
            disabled={sending}
            value={send.aliasId ?? ''}
            onChange={(e) => controls.changeSendFrom(e.target.value || null)}
          >
            <option value="">{identityText(account.displayName, account.email)}</option>
            {account.aliases.map((a) => (
              <option key={a.id} value={a.id}>
                {identityText(a.name, a.address)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="field-hint">
        One short message with the subject “Mailkey test message”, sent through{' '}
        {from?.smtp ? `${from.address}’s own server` : 'the account’s outgoing server'}.
      </p>
      <SendTestResult id={ids.sendResult} outcome={send.outcome} onFix={onAccountFix} ownServer={Boolean(from?.smtp)} />
      <div className="actions actions--start">
        <button type="button" className="button" disabled={sending} onClick={controls.close}>
          Close <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send test email'}
        </button>
      </div>
    </form>
  )
}
