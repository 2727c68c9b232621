import { useRef, useState } from 'react'
import type { AccountView } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import { PROVIDERS } from '../../../shared/providers.js'
import { AliasesSection } from '../aliases/AliasesSection.js'
import { formatWhen } from '../lib/format.js'
import type { KeychainCheck } from '../ui/use-keychain-health.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { AccountDetails } from './AccountDetails.js'
import { CheckPanel } from './CheckPanel.js'
import { checkAnnouncement } from './check-words.js'
import { RemoveConfirm } from './RemoveConfirm.js'
import { ResetForm } from './ResetForm.js'
import { TrustedOnAccount } from './OfficeDetails.js'
import { StaleBanner } from './StaleBanner.js'
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
}

function providerName(account: AccountView): string {
  return PROVIDERS.find((p) => p.id === account.providerId)?.name ?? 'Other provider'
}

function Verified({ at, stale }: { at: string | null; stale: boolean }) {
  const when = at ? formatWhen(at) : null
  if (stale) return <p className="verified verified--bad">Needs a new password</p>
  if (!at || !when) return <p className="verified verified--no">Not verified</p>
  return (
    <p className="verified verified--yes">
      Verified <time dateTime={at}>{when}</time>
    </p>
  )
}

/** One saved account: its servers and secrets, a stale password's banner and reset, re-test, edit, remove. */
export function AccountCard({ account, busy, keychain, recheckKeychain, onRemove, onEdit, onUpdated }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [check, controls] = useAccountCheck(account, onUpdated)
  const trust = useAccountTrust(account, onUpdated)
  const [openUrl, openProblem] = useOpenExternal()
  const titleRef = useRef<HTMLHeadingElement>(null)
  const prefix = `account-${account.id}-`
  const titleId = `${prefix}title`
  const running = check.kind === 'running'
  const needsPassword = account.stale === null && !account.secrets.incoming

  const onFix = (_side: unknown, fix: Fix): void => {
    if (fix.kind === 'open-url') openUrl(fix.url)
    else if (fix.kind === 'allow-tls-version')
      void trust.allowTls(fix, fix.version).then((ok) => ok && controls.retest())
    else if (fix.kind === 'replace-password' || (fix.kind === 'check-settings' && fix.field === 'password'))
      controls.openReset()
    else if (fix.kind === 'switch-security' || fix.kind === 'check-settings') onEdit(account)
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
        <Verified at={account.lastVerifiedAt} stale={account.stale !== null} />
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
          showActions={check.kind !== 'reset-form' && !running}
          onReset={controls.openReset}
        />
      )}
      {needsPassword && check.kind !== 'reset-form' && (
        <p className="notice">
          The keychain holds no password for this account.{' '}
          <button type="button" className="button button--link" onClick={controls.openReset}>
            Enter the password
          </button>
        </p>
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
      <AliasesSection account={account} onUpdated={onUpdated} onAccountFix={(fix) => onFix('outgoing', fix)} />
    </li>
  )
}
