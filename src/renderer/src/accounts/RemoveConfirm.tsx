import type { AccountView } from '../../../shared/account.js'
import { useEscape } from '../ui/use-escape.js'

interface Props {
  account: AccountView
  busy: boolean
  onKeep: () => void
  onRemove: () => void
}

/** Removing asks first, in place, and says what removal deletes; Escape keeps the account. */
export function RemoveConfirm({ account, busy, onKeep, onRemove }: Props) {
  useEscape(true, onKeep)
  return (
    <div className="confirm" role="group" aria-label={`Remove ${account.email}?`}>
      <p>
        Remove <strong>{account.email}</strong> from Mailkey? Its saved password is deleted from the keychain. Mail on
        the server is not touched.
      </p>
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={onKeep}>
          Keep account
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onRemove}>
          Remove account
        </button>
      </div>
    </div>
  )
}
