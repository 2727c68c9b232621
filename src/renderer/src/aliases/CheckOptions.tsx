import { useEffect, useRef } from 'react'
import type { AccountView, Alias } from '../../../shared/account.js'
import { isGoogle } from '../lib/google.js'
import type { AliasCheck } from './alias-check.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  alias: Alias
  check: Extract<AliasCheck, { status: 'options' }>
  controls: AliasControls
  panelId: string
}

/** Before a check: what level 1 does (nothing is sent), and the opt-in for the round trip. */
export function CheckOptions({ account, alias, check, controls, panelId }: Props) {
  const boxRef = useRef<HTMLInputElement>(null)
  useEffect(() => boxRef.current?.focus(), [])
  const smtp = alias.smtp ?? account.outgoing
  const imap = account.incoming.protocol === 'imap'
  const who = isGoogle(account.providerId) ? 'Gmail' : 'the server'
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
        Level 1 signs in to <span className="mono">{smtp.host}</span> and offers {alias.address} as the sender (MAIL
        FROM), then stops: nothing is sent.
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
          Also send one message to {account.email} to prove {who} keeps this From
        </label>
      </div>
      <p id={`${boxId}-hint`} className="field-hint">
        {imap
          ? `Level 2 sends one short message from ${alias.address} to ${account.email}, finds it over IMAP and compares its From. It takes up to a minute; you can delete the message afterwards.`
          : 'Level 2 reads the message back over IMAP, and this account receives with POP3, so only level 1 can run.'}
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
