import { useReducer, type Dispatch, type ReactNode } from 'react'
import type { Account } from '../../../shared/account.js'
import { assertNever } from '../../../shared/result.js'
import { StepBoundary } from '../ui/StepBoundary.js'
import { AddressStep } from './AddressStep.js'
import { AppPasswordStep } from './AppPasswordStep.js'
import { PasswordStep } from './PasswordStep.js'
import { ServersStep } from './ServersStep.js'
import { StepIndicator } from './StepIndicator.js'
import { TestStep } from './TestStep.js'
import { useConnectionTest } from './use-connection-test.js'
import { wizardReducer } from './wizard-reducer.js'
import { initialWizardState, type WizardAction, type WizardState } from './wizard-state.js'

interface Props {
  onSaved: (account: Account) => void
  /** Back to the accounts list; absent when there is none yet. */
  onClose?: (() => void) | undefined
  initialState?: WizardState
}

function stepView(state: WizardState, dispatch: Dispatch<WizardAction>, onSaved: Props['onSaved']): ReactNode {
  switch (state.step) {
    case 'address':
      return <AddressStep state={state} dispatch={dispatch} />
    case 'app-password':
      return <AppPasswordStep state={state} dispatch={dispatch} />
    case 'password':
      return <PasswordStep state={state} dispatch={dispatch} />
    case 'servers':
      return <ServersStep state={state} dispatch={dispatch} />
    case 'test':
      return <TestStep state={state} dispatch={dispatch} onSaved={onSaved} />
    default:
      return assertNever(state)
  }
}

/** Adding an account: the reducer holds every step's state, each step is one component. */
export function Wizard({ onSaved, onClose, initialState = initialWizardState }: Props) {
  const [state, dispatch] = useReducer(wizardReducer, initialState)
  useConnectionTest(state, dispatch)
  return (
    <main className="screen">
      <header className="screen-header">
        <h1 className="screen-title">Add a mail account</h1>
        {onClose && (
          <button type="button" className="button button--quiet" onClick={onClose}>
            Back to accounts
          </button>
        )}
      </header>
      <StepIndicator state={state} />
      <StepBoundary key={state.step} what="this step">
        {stepView(state, dispatch, onSaved)}
      </StepBoundary>
    </main>
  )
}
