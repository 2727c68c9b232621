import { useEffect, useRef } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import { assertNever } from '../../../shared/result.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import type { ExplainRequest } from './explain-state.js'

/** Here the fix is either a page to open or advice: there are no settings on this screen to change. */
function FixView({ fix }: { fix: Fix }) {
  const [open, problem] = useOpenExternal()
  switch (fix.kind) {
    case 'open-url':
      return (
        <>
          <button type="button" className="button button--primary" onClick={() => open(fix.url)}>
            {fix.label}
          </button>
          {problem && <p className="field-error">{problem}</p>}
        </>
      )
    case 'switch-security':
    case 'replace-password':
    case 'check-settings':
    case 'switch-username':
    case 'retry-later':
    case 'contact-admin':
      return (
        <p className="fix-advice">
          What to do: <span>{fix.label}</span>
        </p>
      )
    case 'none':
      return <p className="fix-advice">{fix.label}</p>
    default:
      return assertNever(fix)
  }
}

/** The explanation, or why there is none; focus moves to it when it arrives. */
export function ExplainResult({ request }: { request: ExplainRequest }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const shown = request.status === 'explained' || request.status === 'failed' ? request.requestId : null
  useEffect(() => {
    if (shown !== null) headingRef.current?.focus()
  }, [shown])
  return (
    <div className="explain-result">
      {request.status === 'explained' && (
        <section className="diagnosis diagnosis--explained" aria-labelledby="explain-title">
          <h2 id="explain-title" ref={headingRef} tabIndex={-1} className="diagnosis-title">
            {request.diagnosis.title}
          </h2>
          <p>{request.diagnosis.explanation}</p>
          {request.diagnosis.serverText && (
            <figure className="server-said">
              <figcaption>The words you pasted</figcaption>
              {/* as text: pasted error messages can contain anything, markup included */}
              <pre className="server-text">{request.diagnosis.serverText}</pre>
            </figure>
          )}
          <FixView fix={request.diagnosis.fix} />
        </section>
      )}
      {request.status === 'failed' && (
        <div className="panel panel--error" role="alert">
          <h2 ref={headingRef} tabIndex={-1}>
            Mailkey could not explain it
          </h2>
          <p>{request.message}</p>
        </div>
      )}
    </div>
  )
}
