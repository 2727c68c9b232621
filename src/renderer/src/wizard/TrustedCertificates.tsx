import { useState, type Dispatch } from 'react'
import type { CertificatePin, TrustedCa } from '../../../shared/connection.js'
import { mailkey, settle } from '../lib/api.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  pins: readonly CertificatePin[]
  cas: readonly TrustedCa[]
  dispatch: Dispatch<WizardAction>
}

/**
 * Certificates trusted for this account: those trusted by key for one server ("Trust this certificate"
 * after a test), and office CAs imported from a file (a firewall that inspects TLS). Each removable.
 */
export function TrustedCertificates({ pins, cas, dispatch }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const importCa = async (file: File | undefined): Promise<void> => {
    setProblem(null)
    if (!file) return
    if (file.size > 64 * 1024) return setProblem('That file is too large to be a certificate.')
    const pem = await file.text()
    const r = await settle(() => mailkey().inspectCa({ pem }))
    if (r.ok) dispatch({ type: 'officeChanged', change: { field: 'addCa', ca: r.value } })
    else setProblem(r.error.message)
  }
  return (
    <div className="field--full trusted">
      {pins.length > 0 && (
        <ul className="trusted-list" aria-label="Certificates trusted for one server">
          {pins.map((p) => (
            <li key={`${p.host}:${p.port}`}>
              <span>
                <span className="mono">
                  {p.host}:{p.port}
                </span>{' '}
                {p.subject && `(${p.subject}) `}
                <span className="mono fingerprint">{p.spki}</span>
              </span>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Stop trusting the certificate of ${p.host}:${p.port}`}
                onClick={() =>
                  dispatch({ type: 'officeChanged', change: { field: 'removePin', host: p.host, port: p.port } })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {cas.length > 0 && (
        <ul className="trusted-list" aria-label="Office CA certificates">
          {cas.map((c) => (
            <li key={c.fingerprint256}>
              <span>
                {c.subject} <span className="mono fingerprint">{c.fingerprint256}</span>
              </span>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove the CA ${c.subject}`}
                onClick={() =>
                  dispatch({ type: 'officeChanged', change: { field: 'removeCa', fingerprint256: c.fingerprint256 } })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field-label" htmlFor="ca-file">
        Import an office CA certificate (PEM)
      </label>
      <p className="field-hint" id="ca-file-hint">
        For an office network that inspects encrypted connections: your administrator gives you its CA file.
      </p>
      <input
        id="ca-file"
        className="input"
        type="file"
        accept=".pem,.crt,.cer"
        aria-describedby="ca-file-hint"
        onChange={(e) => void importCa(e.target.files?.[0])}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
