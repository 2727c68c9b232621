import type { KeychainCheck } from './use-keychain-health.js'

interface Props {
  check: KeychainCheck
  recheck: () => void
  /** Ids must be unique on a page that shows several notices. */
  id: string
}

/**
 * The keychain cannot keep a password: what to install or unlock, the system's own words, and a way
 * to check again once that is done. Shown before any password is typed.
 */
export function KeychainNotice({ check, recheck, id }: Props) {
  if (check.status !== 'problem') return null
  const { advice, detail } = check.health
  return (
    <div className="panel panel--warning" role="alert" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-title">
        Mailkey cannot save a password on this computer yet
      </h3>
      <p>{advice}</p>
      {detail && (
        <p className="note">
          The system said: <span className="mono">{detail}</span>
        </p>
      )}
      <p>Mailkey never keeps a password anywhere but the keychain, so the password field stays off until then.</p>
      <div className="actions actions--start">
        <button type="button" className="button" onClick={recheck}>
          {check.rechecking ? 'Checking…' : 'Check the keychain again'}
        </button>
      </div>
    </div>
  )
}
