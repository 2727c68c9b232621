import { withPort, withSecurity } from '../lib/server-draft.js'
import { assertNever } from '../../../shared/result.js'
import { changeOffice } from './office-draft.js'
import type { Setup } from './setup.js'
import type { WizardAction } from './wizard-state.js'

type OfficeAction = Extract<
  WizardAction,
  { type: 'officeChanged' | 'fallbackAdded' | 'fallbackChanged' | 'fallbackRemoved' }
>

/** A fallback starts as the usual alternative: the same host on the other submission port. */
function nextFallback(setup: Setup): Setup['fallbacks'][number] {
  const other =
    setup.outgoing.security === 'tls'
      ? { port: '587', security: 'starttls' as const }
      : { port: '465', security: 'tls' as const }
  return { host: setup.outgoing.host, ...other }
}

/** The office options' and fallback servers' edits in the servers editor. */
export function changeOfficeSetup(setup: Setup, action: OfficeAction): Setup {
  switch (action.type) {
    case 'officeChanged':
      return { ...setup, office: changeOffice(setup.office, action.change) }
    case 'fallbackAdded':
      return setup.fallbacks.length >= 5 ? setup : { ...setup, fallbacks: [...setup.fallbacks, nextFallback(setup)] }
    case 'fallbackRemoved':
      return { ...setup, fallbacks: setup.fallbacks.filter((_, i) => i !== action.index) }
    case 'fallbackChanged': {
      const change = action.change
      const fallbacks = setup.fallbacks.map((d, i) => {
        if (i !== action.index) return d
        switch (change.field) {
          case 'host':
            return { ...d, host: change.value }
          case 'port':
            return withPort(d, change.value)
          case 'security':
            return withSecurity(d, 'smtp', change.value)
          case 'protocol':
            return d
          default:
            return assertNever(change)
        }
      })
      return { ...setup, fallbacks }
    }
    default:
      return assertNever(action)
  }
}
