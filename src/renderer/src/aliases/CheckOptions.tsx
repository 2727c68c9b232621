import { useEffect, useRef } from 'react'
import type { AccountView, Alias } from '../../../shared/account.js'
import { GMAIL_SENDER_NOTE, sendsThroughGmail } from './alias-words.js'
import type { AliasCheck } from './alias-check.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  alias: Alias
  check: Extract<AliasCheck, { status: 'options' }>
  controls: AliasControls
  panelId: string
}

/** Before a check: what the server check does (nothing is sent), and the choice of a test message (on for Gmail). */
export function CheckOptions({ account, alias, check, controls, panelId }: Props) {
  const boxRef = useRef<HTMLInputElement>(null)
  useEffect(() => boxRef.current?.focus(), [])
  const smtp = alias.smtp ?? account.outgoing
  const imap = account.incoming.protocol === 'imap'
  const gmail = sendsThroughGmail(account, alias)
  const who = gmail ? 'Gmail' : 'the server'
  const boxId = `${panelId}-round-trip`
  return (
    <form
      id={panelId}
      className="check alias-panel"
      aria-labelledby={`${panelId}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        controls.startCheck()
      }}
    >
      <h5 id={`${panelId}-title`} className="check-title">
        Check {alias.address}
      </h5>
      <p>
        Mailkey signs in to <span className="mono">{smtp.host}</span> and asks it to send from {alias.address}, then
        stops: nothing is sent.
      </p>
      <div className="checkbox-field">
        <input
          ref={boxRef}
          id={boxId}
          type="checkbox"
          className="checkbox"
          checked={check.roundTrip && imap}
          disabled={!imap}
          aria-describedby={`${boxId}-hint`}
          onChange={(e) => controls.toggleRoundTrip(e.target.checked)}
        />
        <label htmlFor={boxId}>
          Also send one test message to {account.email} to prove {who} keeps this From
          {gmail ? ' (recommended for Gmail)' : ''}
        </label>
      </div>
      <p id={`${boxId}-hint`} className="field-hint">
        {imap
          ? `${gmail ? `${GMAIL_SENDER_NOTE} ` : ''}The test message goes from ${alias.address} to ${account.email}; Mailkey finds it in the inbox and compares its From. It takes up to a minute; you can delete the message afterwards.`
          : 'Mailkey would look for the test message in the inbox over IMAP, and this account receives with POP3, so only the server check can run.'}
      </p>
      <div className="actions actions--start">
        <button type="button" className="button" onClick={controls.close}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary">
          Start the check
        </button>
      </div>
    </form>
  )
}
