import type { Alias } from '../../../shared/account.js'
import { useEscape } from '../ui/use-escape.js'
import type { AliasPanel } from './aliases-state.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  alias: Alias
  panel: Extract<AliasPanel, { kind: 'remove' }>
  controls: AliasControls
}

/** Removing asks first, in place, and says what it deletes; Escape keeps the address. */
export function RemoveAliasConfirm({ alias, panel, controls }: Props) {
  useEscape(!panel.removing, controls.close)
  return (
    <div className="confirm" role="group" aria-label={`Remove ${alias.address}?`}>
      <p>
        Remove <strong>{alias.address}</strong> from this account in Mailkey?
        {alias.smtpUsername ? ' Its own saved password is deleted from the keychain.' : ''} Your provider’s settings
        (such as Gmail’s “Send mail as”) are not touched.
      </p>
      {panel.error && (
        <p className="field-error" role="alert">
          It was not removed: {panel.error}
        </p>
      )}
      <div className="actions actions--start">
        <button type="button" className="button" autoFocus disabled={panel.removing} onClick={controls.close}>
          Keep address
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={panel.removing}
          onClick={controls.confirmRemove}
        >
          {panel.removing ? 'Removing…' : 'Remove address'}
        </button>
      </div>
    </div>
  )
}
