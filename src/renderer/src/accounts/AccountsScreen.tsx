import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountView } from '../../../shared/account.js'
import { mailkey, settle } from '../lib/api.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import { useKeychainHealth } from '../ui/use-keychain-health.js'
import { AccountCard } from './AccountCard.js'
import { checkAllAnnouncement } from './check-all/check-all-words.js'
import { CheckAllPanel } from './check-all/CheckAllPanel.js'
import { useCheckAll } from './check-all/use-check-all.js'
import { GroupsSection } from './groups/GroupsSection.js'
import { KeychainSection } from './KeychainSection.js'
import { ProviderDatabaseSection } from './ProviderDatabaseSection.js'
import { TransferPanel } from './transfer/TransferPanel.js'

/** What the accounts screen asks of the app around it (app/ composes the screens; this room never imports it). */
export type AccountsAction =
  | { type: 'addRequested' }
  | { type: 'editRequested'; account: AccountView }
  | { type: 'explainOpened'; back: { name: 'accounts' } }
  | { type: 'accountsChanged'; accounts: AccountView[] }
  | { type: 'accountUpdated'; account: AccountView }

interface Props {
  accounts: AccountView[]
  /** A line to announce on arrival, e.g. after saving. */
  notice?: string | null
  /** The account to re-test on arrival (Explain an error's "Test … now"). */
  checkOnArrival?: string | null
  dispatch: (action: AccountsAction) => void
}

/** The saved accounts: how each stands, a way to fix or re-check it, and the keychain behind them. */
export function AccountsScreen({ accounts, notice = null, checkOnArrival = null, dispatch }: Props) {
  // a check asked for on arrival takes focus on its card instead
  const headingRef = useFocusOnMount<HTMLHeadingElement>(checkOnArrival === null)
  const [message, setMessage] = useState<string | null>(notice)
  // the arrival notice ("… is saved and verified") is about the accounts as they were on arrival: once
  // one changes (a re-test, the background re-check found it stale) it would contradict its card
  const arrived = useRef(accounts)
  useEffect(() => {
    if (accounts === arrived.current) return
    arrived.current = accounts
    setMessage((m) => (m === notice ? null : m))
  }, [accounts, notice])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [keychain, recheckKeychain] = useKeychainHealth()

  const remove = async (account: AccountView): Promise<void> => {
    setBusy(true)
    setProblem(null)
    const removed = await settle(() => mailkey().removeAccount({ id: account.id }))
    const list = removed.ok ? await settle(() => mailkey().listAccounts()) : null
    setBusy(false)
    if (!removed.ok) return setProblem(`${account.email} was not removed: ${removed.error.message}`)
    setMessage(`${account.email} was removed.`)
    headingRef.current?.focus()
    dispatch({ type: 'accountsChanged', accounts: list?.ok ? list.value : accounts.filter((a) => a.id !== account.id) })
  }
  const onUpdated = useCallback((account: AccountView) => dispatch({ type: 'accountUpdated', account }), [dispatch])
  const onEdit = useCallback((account: AccountView) => dispatch({ type: 'editRequested', account }), [dispatch])
  const onChecked = useCallback(
    (list: AccountView[]) => dispatch({ type: 'accountsChanged', accounts: list }),
    [dispatch],
  )
  const [checkAll, checkAllControls] = useCheckAll(accounts, onChecked)
  const checkingAll = checkAll.kind === 'running'

  return (
    <main className="screen">
      <header className="screen-header">
        <h1 className="screen-title" ref={headingRef} tabIndex={-1}>
          Mail accounts
        </h1>
        <div className="header-actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dispatch({ type: 'explainOpened', back: { name: 'accounts' } })}
          >
            Explain an error
          </button>
          {accounts.length > 0 && (
            <button
              type="button"
              className="button"
              disabled={checkingAll}
              aria-describedby="check-all-hint"
              onClick={checkAllControls.start}
            >
              Check all
            </button>
          )}
          <button type="button" className="button button--primary" onClick={() => dispatch({ type: 'addRequested' })}>
            Add account
          </button>
        </div>
      </header>
      <p className="notice-line" role="status">
        {message}
      </p>
      {accounts.length > 0 && (
        <p id="check-all-hint" className="visually-hidden">
          Tests every account with its saved password, four at a time.
        </p>
      )}
      <p className="visually-hidden" role="status">
        {checkAllAnnouncement(checkAll)}
      </p>
      {checkAll.kind !== 'idle' && <CheckAllPanel state={checkAll} accounts={accounts} controls={checkAllControls} />}
      {problem && (
        <p className="panel panel--error" role="alert">
          {problem}
        </p>
      )}
      {accounts.length === 0 ? (
        <div className="panel empty">
          <p>No accounts yet. Add one to test its servers and keep its password in your keychain.</p>
        </div>
      ) : (
        <ul className="account-list">
          {accounts.map((a) => (
            <AccountCard
              key={a.id}
              account={a}
              busy={busy || checkingAll}
              keychain={keychain}
              recheckKeychain={recheckKeychain}
              onRemove={(acc) => void remove(acc)}
              onEdit={onEdit}
              onUpdated={onUpdated}
              checkNow={a.id === checkOnArrival}
            />
          ))}
        </ul>
      )}
      <GroupsSection accounts={accounts} onAccounts={onChecked} busy={busy || checkingAll} />
      <TransferPanel accounts={accounts} onImported={onChecked} />
      <KeychainSection keychain={keychain} recheck={recheckKeychain} />
      <ProviderDatabaseSection />
    </main>
  )
}
