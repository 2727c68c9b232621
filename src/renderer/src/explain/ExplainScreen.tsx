import { useReducer, useRef } from 'react'
import { mailkey, settle } from '../lib/api.js'
import { Field } from '../ui/Field.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import type { AccountView } from '../../../shared/account.js'
import { ExplainResult } from './ExplainResult.js'
import { NextStep } from './NextStep.js'
import {
  explainInput,
  explainReducer,
  initialExplainState,
  willExplain,
  type ExplainProtocol,
} from './explain-state.js'

interface Props {
  backLabel: string
  onBack: () => void
  /** The saved accounts, to offer a real test of the one a message is about. */
  accounts: readonly AccountView[]
  onTestAccount: (account: AccountView) => void
  onSetUp: (email: string | null) => void
  /** The user came from a setup in progress (the wizard), which "set up and test" returns to. */
  fromSetup: boolean
}

const PROTOCOLS: { value: ExplainProtocol; label: string }[] = [
  { value: '', label: 'Not sure' },
  { value: 'smtp', label: 'Sending mail (SMTP)' },
  { value: 'imap', label: 'Receiving mail (IMAP)' },
  { value: 'pop3', label: 'Receiving mail (POP3)' },
]

/** "Explain an error": paste what any mail app said, get the cause and the fix in plain words. */
export function ExplainScreen({ backLabel, onBack, accounts, onTestAccount, onSetUp, fromSetup }: Props) {
  const [state, dispatch] = useReducer(explainReducer, initialExplainState)
  const textRef = useFocusOnMount<HTMLTextAreaElement>()
  const nextId = useRef(0)
  const { request } = state

  const submit = (): void => {
    const requestId = (nextId.current += 1)
    const asking = willExplain(state)
    dispatch({ type: 'submitted', requestId })
    if (!asking) {
      textRef.current?.focus()
      return
    }
    // the reducer drops an answer to anything but the latest request
    void settle(() => mailkey().explainError(explainInput(state))).then((result) =>
      dispatch({ type: 'finished', requestId, result }),
    )
  }

  return (
    <main className="screen">
      <header className="screen-header">
        <h1 className="screen-title">Explain an error</h1>
        <button type="button" className="button button--quiet" onClick={onBack}>
          {backLabel}
        </button>
      </header>
      <form
        className="step"
        noValidate
        aria-label="The error to explain"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <p className="lead">
          Paste an error message from any mail app: Outlook, Thunderbird, Apple Mail, your phone. Mailkey says what it
          means and what to do about it. Nothing is sent anywhere.
        </p>
        <Field
          id="error-text"
          label="The error message"
          hint="Paste it as it is. Ctrl+Enter explains it."
          error={state.problem}
        >
          {(control) => (
            <textarea
              {...control}
              ref={textRef}
              className="input textarea mono"
              rows={6}
              spellCheck={false}
              value={state.text}
              onChange={(e) => dispatch({ type: 'textChanged', text: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault()
                  submit()
                }
              }}
            />
          )}
        </Field>
        <Field id="error-protocol" label="Where did it happen? (optional)">
          {(control) => (
            <select
              {...control}
              className="input input--auto"
              value={state.protocol}
              onChange={(e) => dispatch({ type: 'protocolChanged', protocol: e.target.value as ExplainProtocol })}
            >
              {PROTOCOLS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={request.status === 'explaining'}>
            {request.status === 'explaining' ? 'Explaining…' : 'Explain'}
          </button>
        </div>
      </form>
      <ExplainResult
        request={request}
        nextStep={(diagnosis) =>
          diagnosis.cause === 'unknown' ? (
            <NextStep
              text={state.text}
              accounts={accounts}
              onTestAccount={onTestAccount}
              onSetUp={onSetUp}
              fromSetup={fromSetup}
            />
          ) : null
        }
      />
    </main>
  )
}
