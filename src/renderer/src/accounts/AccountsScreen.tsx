import { useState } from 'react'
import type { Account } from '../../../shared/account.js'
import { mailkey, settle } from '../lib/api.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import { AccountCard } from './AccountCard.js'

interface Props {
  accounts: Account[]
  /** A line to announce on arrival, e.g. after saving. */
  notice?: string | null
  onAdd: () => void
  onChanged: (accounts: Account[]) => void
}

/** The saved accounts: what each uses, whether it was proven to work, and a way to remove it. */
export function AccountsScreen({ accounts, notice = null, onAdd, onChanged }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const [message, setMessage] = useState<string | null>(notice)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const remove = async (account: Account): Promise<void> => {
    setBusy(true)
    setProblem(null)
    const removed = await settle(() => mailkey().removeAccount({ id: account.id }))
    const list = removed.ok ? await settle(() => mailkey().listAccounts()) : null
    setBusy(false)
    if (!removed.ok) return setProblem(`${account.email} was not removed: ${removed.error.message}`)
    setMessage(`${account.email} was removed.`)
    headingRef.current?.focus()
    onChanged(list?.ok ? list.value : accounts.filter((a) => a.id !== account.id))
  }

  return (
    <main className="screen">
      <header className="screen-header">
        <h1 className="screen-title" ref={headingRef} tabIndex={-1}>
          Mail accounts
        </h1>
        <button type="button" className="button button--primary" onClick={onAdd}>
          Add account
        </button>
      </header>
      <p className="notice-line" role="status">
        {message}
      </p>
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
            <AccountCard key={a.id} account={a} busy={busy} onRemove={(acc) => void remove(acc)} />
          ))}
        </ul>
      )}
    </main>
  )
}
