import { useReducer, useRef, useState, type Dispatch, type ReactNode } from 'react'
import type { AccountView } from '../../../shared/account.js'
import { assertNever } from '../../../shared/result.js'
import { StepBoundary } from '../ui/StepBoundary.js'
import { useKeychainHealth, type KeychainCheck } from '../ui/use-keychain-health.js'
import { AddressStep } from './AddressStep.js'
import { AppPasswordStep } from './AppPasswordStep.js'
import { DoneStep } from './DoneStep.js'
import { LeaveConfirm } from './LeaveConfirm.js'
import { PasswordStep } from './PasswordStep.js'
import { ServersStep } from './ServersStep.js'
import { SignInStep } from './SignInStep.js'
import { StepIndicator } from './StepIndicator.js'
import { TestStep } from './TestStep.js'
import { useConnectionTest } from './use-connection-test.js'
import { wizardReducer } from './wizard-reducer.js'
import { initialWizardState, resumableState, type WizardAction, type WizardState } from './wizard-state.js'

interface Props {
  /** Saved, and the user has read what was verified: on to the accounts. */
  onSaved: (account: AccountView) => void
  /** Back to the accounts list; absent when there is none yet. */
  onClose?: (() => void) | undefined
  /** Opens "Explain an error", handing over where to come back to. */
  onExplain?: ((resume: WizardState) => void) | undefined
  initialState?: WizardState
}

interface StepContext {
  dispatch: Dispatch<WizardAction>
  onSaved: Props['onSaved']
  keychain: KeychainCheck
  recheckKeychain: () => void
}

function stepView(state: WizardState, ctx: StepContext): ReactNode {
  const { dispatch, keychain, recheckKeychain } = ctx
  switch (state.step) {
    case 'address':
      return <AddressStep state={state} dispatch={dispatch} />
    case 'app-password':
      return <AppPasswordStep state={state} dispatch={dispatch} keychain={keychain} recheckKeychain={recheckKeychain} />
    case 'password':
      return <PasswordStep state={state} dispatch={dispatch} keychain={keychain} recheckKeychain={recheckKeychain} />
    case 'sign-in':
      return <SignInStep state={state} dispatch={dispatch} />
    case 'servers':
      return <ServersStep state={state} dispatch={dispatch} />
    case 'test':
      return <TestStep state={state} dispatch={dispatch} />
    case 'done':
      return <DoneStep state={state} onFinish={ctx.onSaved} />
    default:
      return assertNever(state)
  }
}

/** Adding (or editing) an account: the reducer holds every step's state, each step is one component. */
/**
 * Whether closing loses nothing: no address typed yet, or an edit left as it opened. A wizard resumed
 * after Explain an error holds what was typed before, so it is asked about like any other.
 */
function nothingToLose(state: WizardState, initial: WizardState): boolean {
  if (state.step === 'address') return state.email.trim() === '' && state.displayName.trim() === ''
  // an edit where nothing was changed (moving between its steps changes nothing)
  return initial.setup?.accountId !== undefined && JSON.stringify(state.setup) === JSON.stringify(initial.setup)
}

export function Wizard({ onSaved, onClose, onExplain, initialState = initialWizardState }: Props) {
  const [state, dispatch] = useReducer(wizardReducer, initialState)
  const [confirmLeave, setConfirmLeave] = useState(false)
  const backRef = useRef<HTMLButtonElement>(null)
  const [keychain, recheckKeychain] = useKeychainHealth()
  useConnectionTest(state, dispatch)
  const editing = state.step !== 'address' && state.setup.accountId !== undefined
  // validate and save may be saving the account: leaving now would leave its answer unseen
  const leavable =
    state.step !== 'done' &&
    !(state.step === 'test' && state.run.status === 'finished' && state.run.save.status === 'validating')
  return (
    <main className="screen">
      <header className="screen-header">
        <h1 className="screen-title">{editing ? `Edit ${state.setup.email}` : 'Add a mail account'}</h1>
        <div className="header-actions">
          {onExplain && leavable && (
            <button type="button" className="button button--quiet" onClick={() => onExplain(resumableState(state))}>
              Explain an error
            </button>
          )}
          {onClose && leavable && (
            <button
              type="button"
              className="button button--quiet"
              ref={backRef}
              aria-expanded={confirmLeave}
              // nothing entered yet (or nothing changed in an edit): nothing to lose, so no question
              onClick={() => (nothingToLose(state, initialState) ? onClose() : setConfirmLeave(true))}
            >
              Back to accounts
            </button>
          )}
        </div>
      </header>
      {onClose && leavable && confirmLeave && (
        <LeaveConfirm
          editing={editing}
          onStay={() => {
            setConfirmLeave(false)
            backRef.current?.focus()
          }}
          onLeave={onClose}
        />
      )}
      <StepIndicator state={state} />
      <StepBoundary key={state.step} what="this step">
        {stepView(state, { dispatch, onSaved, keychain, recheckKeychain })}
      </StepBoundary>
    </main>
  )
}
