import { useEffect, type Dispatch } from 'react'
import { mailkey, settle } from '../lib/api.js'
import { isEmail, normalizeAddress } from './setup.js'
import type { At, WizardAction } from './wizard-state.js'

const DEBOUNCE_MS = 300

/**
 * Recognises the provider while the address is typed: only for a well-formed address, after a
 * 300 ms pause (at once when the user already pressed Continue), and never twice for one address.
 * A late answer for an address the user has since changed is dropped by the reducer, so the request
 * itself is not tied to this effect's lifetime (starting it re-runs the effect).
 */
export function useProviderDetection(state: At<'address'>, dispatch: Dispatch<WizardAction>): void {
  const email = normalizeAddress(state.email)
  const known = state.detection.status === 'idle' ? null : state.detection.email
  const urgent = state.advanceWhenFound
  const allowHttp = state.allowHttp === true
  useEffect(() => {
    if (!isEmail(email) || known === email) return
    const timer = setTimeout(
      () => {
        dispatch({ type: 'detectionStarted', email })
        const input = allowHttp ? { email, allowHttp: true as const } : { email }
        void settle(() => mailkey().detectProvider(input)).then((result) =>
          dispatch({ type: 'detectionFinished', email, result }),
        )
      },
      urgent ? 0 : DEBOUNCE_MS,
    )
    return () => clearTimeout(timer)
  }, [email, known, urgent, allowHttp, dispatch])
}
