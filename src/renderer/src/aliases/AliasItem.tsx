import type { AccountView, Alias } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import { SECURITY_LABEL } from '../lib/labels.js'
import { AliasCheckPanel } from './AliasCheckPanel.js'
import { aliasIds } from './alias-ids.js'
import { identityText, sendsThroughGmail } from './alias-words.js'
import { AliasLastCheck } from './AliasLastCheck.js'
import type { AliasPanel } from './aliases-state.js'
import { RemoveAliasConfirm } from './RemoveAliasConfirm.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  alias: Alias
  panel: AliasPanel
  /** A panel is waiting for main: nothing else starts. */
  busy: boolean
  changingDefault: boolean
  controls: AliasControls
  onAccountFix: (fix: Fix) => void
}

function Sending({ alias }: { alias: Alias }) {
  const { smtp } = alias
  return (
    <p className="alias-server">
      {smtp ? (
        <>
          Sends through its own server <span className="mono">{smtp.host}</span> port {smtp.port},{' '}
          {SECURITY_LABEL[smtp.security]}, signing in as <span className="mono">{alias.smtpUsername}</span>
        </>
      ) : (
        'Sends through the account’s outgoing server'
      )}
      {alias.replyTo && (
        <>
          {' '}
          · Replies go to <span className="mono">{alias.replyTo}</span>
        </>
      )}
      {!alias.treatAsAlias && ' · Not treated as an alias'}
    </p>
  )
}

/** The last check says mail cannot go out from this address as it is. */
function refused(alias: Alias): boolean {
  const check = alias.lastCheck
  return (
    check !== null &&
    ((!check.sender.ok && check.sender.cause === 'sender_not_allowed') || check.roundTrip?.rewritten === true)
  )
}

/** One send-as address: who it is, how it sends, its last check, and check / make default / remove. */
export function AliasItem({ account, alias, panel, busy, changingDefault, controls, onAccountFix }: Props) {
  const ids = aliasIds(account.id).alias(alias.id)
  const mine = (panel.kind === 'check' || panel.kind === 'remove') && panel.aliasId === alias.id
  return (
    <li className="alias" aria-labelledby={ids.name}>
      <div className="alias-head">
        <h4 id={ids.name} tabIndex={-1} className="alias-name">
          {identityText(alias.name, alias.address)}
        </h4>
        {alias.isDefault && <span className="badge badge--default">Default From</span>}
      </div>
      <Sending alias={alias} />
      <AliasLastCheck alias={alias} google={sendsThroughGmail(account, alias)} />
      {mine && panel.kind === 'check' && (
        <AliasCheckPanel
          account={account}
          alias={alias}
          check={panel.check}
          controls={controls}
          onAccountFix={onAccountFix}
        />
      )}
      {mine && panel.kind === 'remove' && <RemoveAliasConfirm alias={alias} panel={panel} controls={controls} />}
      {/* while its check or removal is open, that panel's own buttons are the ones to use */}
      {!mine && (
        <div className="actions actions--start">
          <button
            type="button"
            id={ids.check}
            className="button"
            disabled={busy}
            aria-label={`Check ${alias.address}`}
            onClick={() => controls.openCheck(alias.id)}
          >
            Check
          </button>
          {/* a refused address, or one Gmail rewrites, would send mail that is not from it */}
          {!alias.isDefault && !refused(alias) && (
            <button
              type="button"
              className="button"
              disabled={busy || changingDefault}
              aria-label={`Make default: ${alias.address}`}
              onClick={() => controls.setDefault(alias.id)}
            >
              Make default
            </button>
          )}
          <button
            type="button"
            id={ids.remove}
            className="button"
            disabled={busy}
            aria-label={`Remove ${alias.address}`}
            onClick={() => controls.openRemove(alias.id)}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  )
}
