import type { CertificateInfo } from '../../../shared/report.js'
import { formatWhen } from '../lib/format.js'

function when(iso: string): string {
  return formatWhen(iso) ?? iso
}

/** "Trust this certificate for host:port": offered for a server of no known provider, where a pin helps. */
export interface TrustOffer {
  /** host:port, as the button says it. */
  where: string
  onTrust: () => void
  disabled?: boolean
}

/**
 * The certificate the server showed, so the user (or their admin) can judge it, and, where Mailkey
 * offers it, trust exactly this certificate's key for this one server (never a switch that turns
 * checks off: a different certificate later stops the connection).
 */
export function CertificateDetails({
  certificate,
  trust,
  level = 5,
}: {
  certificate: CertificateInfo
  trust?: TrustOffer | undefined
  /** Its title's heading level: one under the card that shows it. */
  level?: 3 | 4 | 5
}) {
  const Title = `h${level}` as const
  return (
    <div className="certificate">
      <Title className="certificate-title">The server’s certificate</Title>
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
        {certificate.spki && (
          <div className="summary-row">
            <dt>Key pin</dt>
            <dd className="mono fingerprint">{certificate.spki}</dd>
          </div>
        )}
      </dl>
      {trust && (
        <div className="trust-offer">
          <p className="note">
            Compare the SHA-256 above with what the server’s administrator gives you. Trusting it makes Mailkey accept
            this certificate’s key on {trust.where} only; if the server ever shows another one, Mailkey stops and says
            so.
          </p>
          <button type="button" className="button" disabled={trust.disabled} onClick={trust.onTrust}>
            Trust this certificate for {trust.where}
          </button>
        </div>
      )}
    </div>
  )
}
