import type { AccountView } from '../../../shared/account.js'
import { identityText } from './alias-words.js'

interface Props {
  account: AccountView
  id: string
  disabled: boolean
  onMakeDefault: () => void
}

/** The account's own address, first in the list: the default From unless an alias is. */
export function OwnAddress({ account, id, disabled, onMakeDefault }: Props) {
  const isDefault = !account.aliases.some((a) => a.isDefault)
  return (
    // not a list item, no heading: the card around it is already named after this address
    <div className="alias alias--own">
      <div className="alias-head">
        <p id={id} tabIndex={-1} className="alias-name">
          {identityText(account.displayName, account.email)}
        </p>
        {isDefault && <span className="badge badge--default">Default From</span>}
      </div>
      <p className="alias-server">The account’s own address, sent through its outgoing server.</p>
      {!isDefault && (
        <div className="actions actions--start">
          <button
            type="button"
            className="button"
            disabled={disabled}
            aria-label={`Make default: ${account.email}`}
            onClick={onMakeDefault}
          >
            Make default
          </button>
        </div>
      )}
    </div>
  )
}
