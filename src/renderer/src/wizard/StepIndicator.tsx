import { needsGuidance } from './setup.js'
import type { WizardState, WizardStep } from './wizard-state.js'

const NAMES: Record<WizardStep, string> = {
  address: 'Address',
  'app-password': 'App password',
  password: 'Password',
  servers: 'Servers',
  test: 'Test',
}

/** Where the user is in the wizard; the app-password step appears only for providers that need it. */
export function StepIndicator({ state }: { state: WizardState }) {
  const provider = state.step === 'address' ? (state.setup?.detected.provider ?? null) : state.setup.detected.provider
  const steps: WizardStep[] = needsGuidance(provider)
    ? ['address', 'app-password', 'password', 'servers', 'test']
    : ['address', 'password', 'servers', 'test']
  const current = steps.indexOf(state.step)
  return (
    <nav aria-label="Setup progress">
      <ol className="progress">
        {steps.map((step, i) => (
          <li
            key={step}
            className={`progress-step${i < current ? ' progress-step--done' : ''}`}
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
