import type { CertificateInfo } from '../../../shared/report.js'
import { formatWhen } from '../lib/format.js'

function when(iso: string): string {
  return formatWhen(iso) ?? iso
}

/** The certificate the server showed, so the user (or their admin) can judge it. */
export function CertificateDetails({ certificate }: { certificate: CertificateInfo }) {
  return (
    <div className="certificate">
      <h5 className="certificate-title">The server’s certificate</h5>
      <dl className="summary-list">
        <div className="summary-row">
          <dt>Issued to</dt>
          <dd className="mono">{certificate.subject}</dd>
        </div>
        <div className="summary-row">
          <dt>Issued by</dt>
          <dd className="mono">{certificate.issuer}</dd>
        </div>
        <div className="summary-row">
          <dt>Valid</dt>
          <dd>
            from {when(certificate.validFrom)} to {when(certificate.validTo)}
          </dd>
        </div>
        <div className="summary-row">
          <dt>Valid for</dt>
          <dd className="mono">{certificate.altNames.length > 0 ? certificate.altNames.join(', ') : '(no names)'}</dd>
        </div>
        <div className="summary-row">
          <dt>SHA-256</dt>
          <dd className="mono fingerprint">{certificate.fingerprint256}</dd>
        </div>
      </dl>
    </div>
  )
}
