import { useState, type Dispatch } from 'react'
import { mailkey, settle } from '../lib/api.js'
import { unconfirmedHosts, type Setup } from './setup.js'
import type { WizardAction } from './wizard-state.js'

/**
 * The trust gate, as the user meets it: a server discovery could not vouch for (plain HTTP, or a host
 * outside the domain and its known provider) is named with why, and used only after one click that
 * main records. Until then no test sends the password there.
 */
export function HostCautions({ setup, dispatch }: { setup: Setup; dispatch: Dispatch<WizardAction> }) {
  const [problem, setProblem] = useState<string | null>(null)
  const pending = unconfirmedHosts(setup)
  if (pending.length === 0) return null
  const confirm = async (host: string): Promise<void> => {
    const r = await settle(() => mailkey().confirmHost({ email: setup.email, host }))
    if (r.ok) {
      setProblem(null)
      dispatch({ type: 'hostConfirmed', host })
    } else {
      setProblem(r.error.message)
    }
  }
  return (
    <div className="notice host-cautions" role="group" aria-label="Servers that need your confirmation">
      {pending.map(({ host, caution }) => (
        <div key={host} className="host-caution">
          <p>
            <strong>
              Check <span className="mono">{host}</span> before your password goes there.
            </strong>{' '}
            {caution}
          </p>
          <button type="button" className="button" onClick={() => void confirm(host)}>
            Use {host}
          </button>
        </div>
      ))}
      {problem && <p className="field-error">{problem}</p>}
    </div>
  )
}
