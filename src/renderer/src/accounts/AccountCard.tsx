import { useState } from 'react'
import type { Account } from '../../../shared/account.js'
import { PROVIDERS } from '../../../shared/providers.js'
import { formatWhen } from '../lib/format.js'
import { PROTOCOL_LABEL, SECURITY_LABEL } from '../lib/labels.js'

interface Props {
  account: Account
  busy: boolean
  onRemove: (account: Account) => void
}

function providerName(account: Account): string {
  return PROVIDERS.find((p) => p.id === account.providerId)?.name ?? 'Other provider'
}

function Verified({ at }: { at: string | null }) {
  const when = at ? formatWhen(at) : null
  if (!at || !when) return <p className="verified verified--no">Not verified</p>
  return (
    <p className="verified verified--yes">
      Verified <time dateTime={at}>{when}</time>
    </p>
  )
}

/** One saved account; removing it asks first, in place, and says what removal deletes. */
export function AccountCard({ account, busy, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false)
  const titleId = `account-${account.id}`
  const { incoming, outgoing } = account
  return (
    <li className="card account" aria-labelledby={titleId}>
      <div className="account-head">
        <h2 id={titleId} className="account-title">
          {account.displayName || account.email}
        </h2>
        <Verified at={account.lastVerifiedAt} />
      </div>
      <p className="account-sub">
        {account.displayName ? `${account.email} · ` : ''}
        {providerName(account)}
      </p>
      <dl className="summary-list">
        <div className="summary-row">
          <dt>Incoming</dt>
          <dd>
            <span className="badge">{PROTOCOL_LABEL[incoming.protocol]}</span>{' '}
            <span className="mono">{incoming.host}</span> port {incoming.port}, {SECURITY_LABEL[incoming.security]}
          </dd>
        </div>
        <div className="summary-row">
          <dt>Outgoing</dt>
          <dd>
            <span className="badge">SMTP</span> <span className="mono">{outgoing.host}</span> port {outgoing.port},{' '}
            {SECURITY_LABEL[outgoing.security]}
          </dd>
        </div>
      </dl>
      {confirming ? (
        <div className="confirm" role="group" aria-label={`Remove ${account.email}?`}>
          <p>
            Remove <strong>{account.email}</strong> from Mailkey? Its saved password is deleted from the keychain. Mail
            on the server is not touched.
          </p>
          <div className="actions">
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
              Keep account
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => onRemove(account)}>
              Remove account
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-label={`Remove ${account.email}`}
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  )
}
