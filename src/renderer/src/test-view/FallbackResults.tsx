import type { ProbeReport } from '../../../shared/report.js'
import { formatMs } from '../lib/format.js'
import { SECURITY_LABEL } from '../lib/labels.js'

/**
 * The fallback outgoing servers of a test, each with how it did: sending tries them in this order
 * when the main outgoing server does not work (a port blocked by the office network, say).
 */
export function FallbackResults({ reports, idPrefix = '' }: { reports: readonly ProbeReport[]; idPrefix?: string }) {
  if (reports.length === 0) return null
  return (
    <section className="fallbacks" aria-labelledby={`${idPrefix}fallbacks-title`}>
      <h3 id={`${idPrefix}fallbacks-title`} className="side-heading">
        Fallback outgoing servers
      </h3>
      <ol className="fallback-list">
        {reports.map((r) => (
          <li key={`${r.host}:${r.port}`}>
            <span className="mono">{r.host}</span> port {r.port}, {SECURITY_LABEL[r.security]}:{' '}
            {r.ok ? (
              <span className="side-outcome--ok">works ({formatMs(r.ms)})</span>
            ) : (
              <span className="side-outcome--failed">
                failed: {r.title ?? 'no diagnosis'}
                {r.cause ? ` [${r.cause}]` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
