import { needsGuidance, type Setup } from './setup.js'
import type { WizardState, WizardStep } from './wizard-state.js'

const NAMES: Record<WizardStep, string> = {
  address: 'Address',
  'app-password': 'App password',
  password: 'Password',
  'sign-in': 'Sign in',
  servers: 'Servers',
  test: 'Test',
  done: 'Done',
}

/** The steps this wizard goes through: the app-password step only where needed, no address when editing. */
export function wizardSteps(state: WizardState): WizardStep[] {
  const setup: Setup | null = state.setup
  const secret: WizardStep = setup?.signIn || state.step === 'sign-in' ? 'sign-in' : 'password'
  if (setup?.accountId !== undefined) return [secret, 'servers', 'test', 'done']
  return needsGuidance(setup?.detected.provider ?? null)
    ? ['address', 'app-password', secret, 'servers', 'test', 'done']
    : ['address', secret, 'servers', 'test', 'done']
}

/** Where the user is in the wizard. */
export function StepIndicator({ state }: { state: WizardState }) {
  const steps = wizardSteps(state)
  const current = steps.indexOf(state.step)
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
            {NAMES[step]}
          </li>
        ))}
      </ol>
    </nav>
  )
}
