import type { PortCheck, TestReport } from '../../../shared/report.js'
import { assertNever } from '../../../shared/result.js'

function checkText(check: PortCheck): string {
  if (check.open) return 'answers'
  const result = check.result ?? 'error'
  switch (result) {
    case 'refused':
      return 'turned away (closed)'
    case 'no-answer':
      return 'no answer (blocked?)'
    case 'error':
      return 'could not be tried'
    default:
      return assertNever(result)
  }
}

/** When connecting failed: which standard ports answer from this network, so a blocked port shows as such. */
export function Reachability({ report, idPrefix = '' }: { report: TestReport; idPrefix?: string }) {
  const reach = report.reachability
  if (!reach) return null
  const headingId = `${idPrefix}reachability-heading`
  return (
    <section className="reachability" aria-labelledby={headingId}>
      <h3 id={headingId} className="reachability-title">
        What answers from this network
      </h3>
      <p>{reach.summary}</p>
      <ul className="reachability-list">
        {reach.checks.map((c) => (
          <li key={`${c.host}:${c.port}`} className={c.open ? 'reach reach--open' : 'reach reach--closed'}>
            <span className="mono">
              {c.host} port {c.port}
            </span>
            : {checkText(c)}
          </li>
        ))}
      </ul>
    </section>
  )
}
