import { useEffect, useRef, useState } from 'react'
import type { AccountView } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import { PROVIDERS } from '../../../shared/providers.js'
import { AliasesSection } from '../aliases/AliasesSection.js'
import { formatWhen } from '../lib/format.js'
import { HandOnSettings } from '../ui/HandOnSettings.js'
import type { KeychainCheck } from '../ui/use-keychain-health.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { AccountDetails } from './AccountDetails.js'
import { CheckPanel } from './CheckPanel.js'
import { FiltersSection } from './filters/FiltersSection.js'
import { checkAnnouncement } from './check-words.js'
import { RemoveConfirm } from './RemoveConfirm.js'
import { ResetForm } from './ResetForm.js'
import { SignInNeeded } from './SignInNeeded.js'
import { TrustedOnAccount } from './OfficeDetails.js'
import { StaleBanner } from './StaleBanner.js'
import { cardTitleId } from '../lib/card-ids.js'
import { useAccountCheck } from './use-account-check.js'
import { useAccountTrust } from './use-account-trust.js'

interface Props {
  account: AccountView
  busy: boolean
  keychain: KeychainCheck
  recheckKeychain: () => void
  onRemove: (account: AccountView) => void
  onEdit: (account: AccountView) => void
  onUpdated: (account: AccountView) => void
  /** Re-test it as soon as it shows (asked for from another screen). */
  checkNow?: boolean
}

function providerName(account: AccountView): string {
  return PROVIDERS.find((p) => p.id === account.providerId)?.name ?? 'Other provider'
}

function Verified({ at, stale, oauth }: { at: string | null; stale: boolean; oauth: boolean }) {
  const when = at ? formatWhen(at) : null
  if (stale) return <p className="verified verified--bad">{oauth ? 'Needs a new sign-in' : 'Needs a new password'}</p>
  if (!at || !when) return <p className="verified verified--no">Not verified</p>
  return (
    <p className="verified verified--yes">
      Verified <time dateTime={at}>{when}</time>
    </p>
  )
}

/** One saved account: its servers and secrets, a stale password's banner and reset, re-test, edit, remove. */
export function AccountCard({
  account,
  busy,
  keychain,
  recheckKeychain,
  onRemove,
  onEdit,
  onUpdated,
  checkNow = false,
}: Props) {
  const [confirming, setConfirming] = useState(false)
  const [check, controls] = useAccountCheck(account, onUpdated)
  const trust = useAccountTrust(account, onUpdated)
  const asked = useRef(checkNow)
  useEffect(() => {
    if (!asked.current) return
    asked.current = false
    controls.retest()
  }, [controls])
  const [openUrl, openProblem] = useOpenExternal()
  const titleRef = useRef<HTMLHeadingElement>(null)
  const prefix = `account-${account.id}-`
  const titleId = cardTitleId(account.id)
  const running = check.kind === 'running' || check.kind === 'signing-in'
  const needsPassword = account.stale === null && !account.secrets.incoming

  const onFix = (_side: unknown, fix: Fix): void => {
    if (fix.kind === 'open-url') openUrl(fix.url)
    else if (fix.kind === 'sign-in' || (account.oauth && fix.kind === 'replace-password')) controls.signInAgain()
    else if (fix.kind === 'allow-tls-version')
      void trust.allowTls(fix, fix.version).then((ok) => ok && controls.retest())
    else if (fix.kind === 'replace-password' || (fix.kind === 'check-settings' && fix.field === 'password'))
      controls.openReset()
    else if (fix.kind === 'switch-security' || fix.kind === 'check-settings' || fix.kind === 'switch-username')
      onEdit(account)
  }
  const closeReset = (): void => {
    controls.closeReset()
    titleRef.current?.focus()
  }

  return (
    <li className={`card account${account.stale ? ' account--stale' : ''}`} aria-labelledby={titleId}>
      <div className="account-head">
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className="account-title">
          {account.displayName || account.email}
        </h2>
        <Verified at={account.lastVerifiedAt} stale={account.stale !== null} oauth={account.oauth !== null} />
      </div>
      <p className="account-sub">
        {account.displayName ? `${account.email} · ` : ''}
        {providerName(account)}
      </p>
      <AccountDetails account={account} />
      {account.stale && (
        <StaleBanner
          account={account}
          stale={account.stale}
          idPrefix={prefix}
          showActions={check.kind !== 'reset-form' && check.kind !== 'signing-in' && !running}
          onReset={controls.openReset}
          onSignIn={controls.signInAgain}
        />
      )}
      {needsPassword && account.oauth && check.kind !== 'signing-in' && !running && (
        <SignInNeeded
          oauth={account.oauth}
          idPrefix={prefix}
          onSignIn={controls.signInAgain}
          onSignInWithSecret={controls.signInWithSecret}
        />
      )}
      {needsPassword && !account.oauth && check.kind !== 'reset-form' && check.kind !== 'signing-in' && (
        <p className="notice">
          The keychain holds no password for this account.{' '}
          <button type="button" className="button button--link" onClick={controls.openReset}>
            Enter the password
          </button>
        </p>
      )}
      {check.kind === 'signing-in' && (
        <section className="panel" aria-labelledby={`${prefix}sign-in-wait`}>
          <h3 id={`${prefix}sign-in-wait`} className="panel-title">
            Waiting for you to sign in in your browser…
          </h3>
          <p>Sign in there and allow access to mail; Mailkey then tests both servers. It waits up to 5 minutes.</p>
          <div className="actions actions--start">
            <button type="button" className="button" disabled={check.cancelling} onClick={controls.cancel}>
              {check.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
        </section>
      )}
      {check.kind === 'reset-form' && (
        <ResetForm
          state={check}
          controls={{ ...controls, closeReset }}
          email={account.email}
          idPrefix={prefix}
          keychain={keychain}
          recheckKeychain={recheckKeychain}
        />
      )}
      {(check.kind === 'running' || check.kind === 'finished' || check.kind === 'error') && (
        <CheckPanel
          state={check}
          controls={controls}
          idPrefix={prefix}
          onFix={onFix}
          staleShown={account.stale !== null}
          onTrust={(side) => {
            const report = check.kind === 'finished' ? check.run.report[side] : undefined
            if (report) void trust.trust(report).then((ok) => ok && controls.retest())
          }}
        />
      )}
      <TrustedOnAccount account={account} trust={trust} idPrefix={prefix} />
      {openProblem && <p className="field-error">{openProblem}</p>}
      <p className="visually-hidden" role="status">
        {checkAnnouncement(check)}
      </p>
      {confirming ? (
        <RemoveConfirm
          account={account}
          busy={busy}
          onKeep={() => {
            setConfirming(false)
            titleRef.current?.focus()
          }}
          onRemove={() => onRemove(account)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={running}
            aria-label={`Re-test ${account.email}`}
            onClick={controls.retest}
          >
            Re-test
          </button>
          <button
            type="button"
            className="button"
            disabled={running}
            aria-label={`Edit ${account.email}`}
            onClick={() => onEdit(account)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button"
            disabled={running}
            aria-label={`Remove ${account.email}`}
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        </div>
      )}
      <details className="hand-on-details">
        <summary>Use it in your mail app</summary>
        <HandOnSettings account={account} idPrefix={prefix} titled={false} />
      </details>
      <AliasesSection account={account} onUpdated={onUpdated} onAccountFix={(fix) => onFix('outgoing', fix)} />
      <FiltersSection account={account} onUpdated={onUpdated} />
    </li>
  )
}
