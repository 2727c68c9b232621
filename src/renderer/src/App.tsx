import { useEffect, useState } from 'react'
import type { Account } from '../../shared/account.js'
import { assertNever } from '../../shared/result.js'
import { AccountsScreen } from './accounts/AccountsScreen.js'
import { mailkey, settle } from './lib/api.js'
import { StepBoundary } from './ui/StepBoundary.js'
import { Wizard } from './wizard/Wizard.js'

type Screen =
  | { name: 'loading' }
  | { name: 'accounts'; accounts: Account[]; notice: string | null }
  | { name: 'wizard'; accounts: Account[] }
  | { name: 'unavailable'; message: string }

function savedNotice(account: Account): string {
  return account.lastVerifiedAt
    ? `${account.email} is saved and verified.`
    : `${account.email} is saved, but the test did not prove these settings; test it again to verify.`
}

/** Opens on the accounts when there are some, else straight on the wizard. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    void settle(() => mailkey().listAccounts()).then((r) => {
      if (!live) return
      if (!r.ok) setScreen({ name: 'unavailable', message: r.error.message })
      else
        setScreen(
          r.value.length > 0 ? { name: 'accounts', accounts: r.value, notice: null } : { name: 'wizard', accounts: [] },
        )
    })
    return () => {
      live = false
    }
  }, [attempt])

  const onSaved = async (account: Account): Promise<void> => {
    const list = await settle(() => mailkey().listAccounts())
    setScreen({ name: 'accounts', accounts: list.ok ? list.value : [account], notice: savedNotice(account) })
  }

  switch (screen.name) {
    case 'loading':
      return <main className="screen" aria-busy="true" />
    case 'unavailable':
      return (
        <main className="screen">
          <div className="panel panel--error" role="alert">
            <h1 className="screen-title">Mailkey could not read your accounts</h1>
            <p>{screen.message}</p>
            <div className="actions">
              <button type="button" className="button" onClick={() => setScreen({ name: 'wizard', accounts: [] })}>
                Add an account
              </button>
              <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            </div>
          </div>
        </main>
      )
    case 'accounts':
      return (
        <StepBoundary what="your accounts">
          <AccountsScreen
            accounts={screen.accounts}
            notice={screen.notice}
            onAdd={() => setScreen({ name: 'wizard', accounts: screen.accounts })}
            onChanged={(accounts) => setScreen({ name: 'accounts', accounts, notice: null })}
          />
        </StepBoundary>
      )
    case 'wizard': {
      const { accounts } = screen
      const close = () => setScreen({ name: 'accounts', accounts, notice: null })
      return <Wizard onSaved={(a) => void onSaved(a)} onClose={accounts.length > 0 ? close : undefined} />
    }
    default:
      return assertNever(screen)
  }
}
