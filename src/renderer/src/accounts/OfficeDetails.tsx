import type { AccountView } from '../../../shared/account.js'
import { isLegacyTls, proxyLabel } from '../../../shared/connection.js'
import { SECURITY_LABEL } from '../lib/labels.js'
import type { AccountTrust } from './use-account-trust.js'
import { cardRegionLabel } from '../lib/card-ids.js'

/** The office options of a saved account, as rows of its summary: sender, fallbacks, proxy, TLS. */
export function OfficeRows({ account }: { account: AccountView }) {
  const { connection, outgoingFallbacks, replyTo } = account
  return (
    <>
      {replyTo && (
        <div className="summary-row">
          <dt>Replies go to</dt>
          <dd className="mono">{replyTo}</dd>
        </div>
      )}
      {outgoingFallbacks.length > 0 && (
        <div className="summary-row">
          <dt>If sending fails</dt>
          <dd>
            {outgoingFallbacks.map((s, i) => (
              <span key={`${s.host}:${s.port}`}>
                {i > 0 && ', then '}
                <span className="mono">{s.host}</span> port {s.port}, {SECURITY_LABEL[s.security]}
              </span>
            ))}
          </dd>
        </div>
      )}
      {connection.proxy && (
        <div className="summary-row">
          <dt>Proxy</dt>
          <dd>
            <span className="mono">{proxyLabel(connection.proxy)}</span>
            {account.secrets.proxy === 'saved' && '; its password is in your keychain'}
            {account.secrets.proxy === 'missing' && <span className="secret-missing">; its password is missing</span>}
          </dd>
        </div>
      )}
      {connection.minTls.map((m) => (
        <div className="summary-row" key={`${m.host}:${m.port}`}>
          <dt>Lowest TLS</dt>
          <dd>
            TLS {m.version}
            {m.version === '1.3' ? ' only' : ' and newer'} for <span className="mono">{m.host}</span> port {m.port}
            {isLegacyTls(m.version) && ' (outdated: ask for the server to be updated)'}
          </dd>
        </div>
      ))}
    </>
  )
}

/** Certificates trusted for this account, each with a way to stop trusting it. */
export function TrustedOnAccount({
  account,
  trust,
  idPrefix,
}: {
  account: AccountView
  trust: AccountTrust
  idPrefix: string
}) {
  const { pins, cas } = account.connection
  if (pins.length === 0 && cas.length === 0 && !trust.problem) return null
  return (
    <section className="trusted" aria-labelledby={cardRegionLabel(`${idPrefix}trusted-title`, account.id)}>
      <h3 id={`${idPrefix}trusted-title`} className="check-title">
        Trusted certificates
      </h3>
      {pins.length === 0 && cas.length === 0 && <p className="note">None.</p>}
      <ul className="trusted-list">
        {pins.map((p) => (
          <li key={`${p.host}:${p.port}`}>
            <span>
              Trusted for{' '}
              <span className="mono">
                {p.host}:{p.port}
              </span>
              {p.subject && ` (${p.subject})`}: <span className="mono fingerprint">{p.spki}</span>
            </span>
            <button
              type="button"
              className="button button--quiet"
              disabled={trust.busy}
              aria-label={`Stop trusting the certificate of ${p.host}:${p.port}`}
              onClick={() => void trust.removePin(p)}
            >
              Remove
            </button>
          </li>
        ))}
        {cas.map((c) => (
          <li key={c.fingerprint256}>
            <span>
              Office CA {c.subject}: <span className="mono fingerprint">{c.fingerprint256}</span>
            </span>
            <button
              type="button"
              className="button button--quiet"
              disabled={trust.busy}
              aria-label={`Remove the CA ${c.subject}`}
              onClick={() => void trust.removeCa(c.fingerprint256)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {trust.problem && (
        <p className="field-error" role="alert">
          {trust.problem}
        </p>
      )}
    </section>
  )
}
