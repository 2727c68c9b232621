import type { AccountView } from '../../../shared/account.js'
import { accountsToTest, addressToSetUp } from './next-step.js'

interface Props {
  /** What was pasted: it may name the account or its servers. */
  text: string
  accounts: readonly AccountView[]
  onTestAccount: (account: AccountView) => void
  /** Opens the wizard (with the address the message names, if any), or returns to the one in progress. */
  onSetUp: (email: string | null) => void
  /** The setup in progress the user came from, if any. */
  fromSetup: boolean
}

/**
 * When a pasted message says too little: the step that learns more is a real test of the account, which
 * Mailkey can run and explain. A saved account is re-tested on its card; otherwise the wizard tests one.
 */
export function NextStep({ text, accounts, onTestAccount, onSetUp, fromSetup }: Props) {
  const saved = accountsToTest(text, accounts)
  const address = addressToSetUp(text, accounts)
  return (
    <section className="next-step" aria-label="Find out with a real test">
      <p className="note">
        Mailkey signs in to the account’s servers and explains what they answer. Nothing is sent or changed.
      </p>
      <div className="actions actions--start">
        {saved.map((account, i) => (
          <button
            key={account.id}
            type="button"
            className={i === 0 ? 'button button--primary' : 'button'}
            onClick={() => onTestAccount(account)}
          >
            Test {account.email} now
          </button>
        ))}
        <button
          type="button"
          className={saved.length === 0 ? 'button button--primary' : 'button'}
          onClick={() => onSetUp(address)}
        >
          {fromSetup
            ? 'Back to the setup to test it'
            : address
              ? `Set up and test ${address}`
              : saved.length > 0
                ? 'Set up and test another account'
                : 'Set up and test the account'}
        </button>
      </div>
    </section>
  )
}
