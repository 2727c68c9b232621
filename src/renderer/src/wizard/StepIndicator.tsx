import type { WizardState, WizardStep } from './wizard-state.js'

/** What the indicator shows: the wizard's steps, some of which have more than one screen. */
type Shown = 'address' | 'password' | 'servers' | 'test' | 'done'

const NAMES: Record<Shown, string> = {
  address: 'Address',
  password: 'Password',
  servers: 'Servers',
  test: 'Test',
  done: 'Done',
}

/** The steps of adding an account: always these five, so no number moves when a provider needs guidance. */
const ADDING: readonly Shown[] = ['address', 'password', 'servers', 'test', 'done']
/** Editing a saved account starts on its settings (and its password, if replaced, is one of them). */
const EDITING: readonly Shown[] = ['servers', 'test', 'done']

/**
 * The indicator's step for each screen: the app-password guidance is the first half of "Password", and
 * an OAuth sign-in takes the password's place.
 */
function shownStep(step: WizardStep, editing: boolean): Shown {
  switch (step) {
    case 'app-password':
      return 'password'
    case 'password':
    case 'sign-in':
      return editing ? 'servers' : 'password'
    default:
      return step
  }
}

/** The steps this wizard goes through, as the indicator names them. */
function wizardSteps(state: WizardState): readonly Shown[] {
  return state.setup?.accountId !== undefined ? EDITING : ADDING
}

function label(step: Shown, editing: boolean, signingIn: boolean): string {
  if (editing && step === 'servers') return 'Settings'
  if (signingIn && step === 'password') return 'Sign in'
  return NAMES[step]
}

/** Where the user is in the wizard; steps before it are done, none is marked that was never shown. */
export function StepIndicator({ state }: { state: WizardState }) {
  const steps = wizardSteps(state)
  const editing = steps === EDITING
  const current = steps.indexOf(shownStep(state.step, editing))
  const signingIn = state.step === 'sign-in' || Boolean(state.setup?.signIn)
  return (
    <nav aria-label="Setup progress">
      <ol className="progress">
        {steps.map((step, i) => (
          <li
            key={step}
            className={`progress-step${i < current || state.step === 'done' ? ' progress-step--done' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="progress-number" aria-hidden="true">
              {i + 1}
            </span>
            {label(step, editing, signingIn)}
          </li>
        ))}
      </ol>
    </nav>
  )
}
