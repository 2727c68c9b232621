import type { AccountView, StaleCredential } from '../../../shared/account.js'
import { providerById } from '../../../shared/providers.js'
import { formatWhen } from '../lib/format.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { rejectionText, staleSideText } from './stale-words.js'
import { cardRegionLabel } from '../lib/card-ids.js'

interface Props {
  account: AccountView
  stale: StaleCredential
  idPrefix: string
  /** Hidden while the reset form is open: it is the answer to this banner. */
  showActions: boolean
  onReset: () => void
  /** An OAuth account's one way out: sign in again. */
  onSignIn: () => void
}

/** Since when, which server(s), and that it was confirmed: the same for a password and a sign-in. */
function StaleSince({ stale }: { stale: StaleCredential }) {
  const when = formatWhen(stale.since)
  return (
    <p>
      {when ? (
        <>
          Since <time dateTime={stale.since}>{when}</time>,{' '}
        </>
      ) : null}
      {staleSideText(stale.side)} {rejectionText(stale.cause, stale.side)}. Mailkey checked twice, so this is not a
      network hiccup.
    </p>
  )
}

/** The saved password stopped working: what happened, the provider's likely reason, and the one way out. */
export function StaleBanner({ account, stale, idPrefix, showActions, onReset, onSignIn }: Props) {
  const [open, problem] = useOpenExternal()
  if (account.oauth)
    return (
      <StaleSignIn account={account} stale={stale} idPrefix={idPrefix} showActions={showActions} onSignIn={onSignIn} />
    )
  const provider = account.providerId ? providerById(account.providerId) : null
  const createUrl = provider?.appPassword?.createUrl
  const isApp = Boolean(provider?.appPassword)
  const titleId = `${idPrefix}stale-title`
  return (
    <section className="stale" aria-labelledby={cardRegionLabel(titleId, account.id)}>
      <h3 id={titleId} className="stale-title">
        The saved password stopped working
      </h3>
      <StaleSince stale={stale} />
      <p className="stale-reason">
        <strong>Likely reason:</strong> {stale.reason}
      </p>
      <p>
        {isApp ? 'Create a new app password, then enter it here.' : 'Enter the new password here.'} Mailkey tests it on
        both servers and replaces the old one only if both accept it.
      </p>
      {showActions && (
        <div className="actions actions--start">
          {createUrl && (
            <button type="button" className="button" onClick={() => open(createUrl)}>
              Open {provider?.name} app passwords
            </button>
          )}
          <button type="button" className="button button--primary" onClick={onReset}>
            {isApp ? 'Enter the new app password' : 'Enter the new password'}
          </button>
        </div>
      )}
      {problem && <p className="field-error">{problem}</p>}
    </section>
  )
}

const BRAND = { google: 'Google', microsoft: 'Microsoft', custom: 'your provider' } as const

/**
 * The saved OAuth sign-in stopped working (revoked, expired, a Google app in "Testing" after 7 days):
 * the same banner as a dead app password, with "Sign in again" as the one action.
 */
function StaleSignIn({ account, stale, idPrefix, showActions, onSignIn }: Omit<Props, 'onReset'>) {
  const titleId = `${idPrefix}stale-title`
  const brand = BRAND[account.oauth?.provider ?? 'custom']
  return (
    <section className="stale" aria-labelledby={cardRegionLabel(titleId, account.id)}>
      <h3 id={titleId} className="stale-title">
        The saved sign-in stopped working
      </h3>
      <StaleSince stale={stale} />
      <p className="stale-reason">
        <strong>Likely reason:</strong> {stale.reason}
        {account.oauth?.provider === 'google'
          ? ' A Google Cloud app left in “Testing” ends its users’ sign-in after 7 days.'
          : ''}
      </p>
      <p>
        Sign in again: your browser opens {brand}’s page, then Mailkey tests both servers and keeps the new sign-in only
        if both accept it.
      </p>
      {showActions && (
        <div className="actions actions--start">
          <button type="button" className="button button--primary" onClick={onSignIn}>
            Sign in again
          </button>
        </div>
      )}
    </section>
  )
}
