import type { Fix } from '../../../shared/diagnosis.js'
import type { SendAttempt } from '../../../shared/report.js'
import { SECURITY_LABEL } from '../lib/labels.js'
import { assertNever } from '../../../shared/result.js'
import { DiagnosisCard } from '../test-view/DiagnosisCard.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { forAlias } from './alias-fix.js'
import type { SendTest } from './send-test.js'

interface Props {
  /** The result's element id: focus lands on it when the answer comes. */
  id: string
  outcome: SendTest['outcome']
  ownServer: boolean
  onFix: (fix: Fix) => void
}

/** The servers tried before the one that took the message (or every one tried), and why each failed. */
function Attempts({ attempts, sent }: { attempts: readonly SendAttempt[]; sent: boolean }) {
  return (
    <div className="send-attempts">
      <p>{sent ? 'Sent through a fallback server, because:' : 'Every outgoing server was tried:'}</p>
      <ul>
        {attempts.map((a) => (
          <li key={`${a.host}:${a.port}`}>
            <span className="mono">{a.host}</span> port {a.port}, {SECURITY_LABEL[a.security]}: {a.title}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** What came of a test message: accepted (for whom), or why not with the fix. */
export function SendTestResult({ id, outcome, ownServer, onFix }: Props) {
  const [openUrl, openProblem] = useOpenExternal()
  const handle = (fix: Fix): void => (fix.kind === 'open-url' ? openUrl(fix.url) : onFix(fix))
  switch (outcome.status) {
    case 'idle':
      return null
    case 'sending':
      return <p className="note">Sending…</p>
    case 'error':
      return (
        <p id={id} tabIndex={-1} className="panel panel--error">
          The message could not be sent: {outcome.message}
        </p>
      )
    case 'done': {
      const { result } = outcome
      if (!result.sent) {
        const d = result.diagnosis
        return (
          <div id={id} tabIndex={-1} className="send-result">
            <DiagnosisCard
              id={`${id}-diagnosis`}
              tone="problem"
              report={{ ...d, fix: forAlias(d.fix, ownServer) }}
              onFix={handle}
            />
            {result.failedBefore && <Attempts attempts={result.failedBefore} sent={false} />}
            {openProblem && <p className="field-error">{openProblem}</p>}
          </div>
        )
      }
      return (
        <div id={id} tabIndex={-1} className="outcome outcome--ok send-result">
          <p className="diagnosis-title">Sent to {outcome.to}</p>
          <p>
            The server accepted it{result.accepted.length ? ` for ${result.accepted.join(', ')}` : ''}
            {result.rejected.length ? ` and refused it for ${result.rejected.join(', ')}` : ''}. Look for “Mailkey test
            message” in that mailbox.
          </p>
          {result.failedBefore && result.server && (
            <>
              <p>
                It went out through <span className="mono">{result.server.host}</span> port {result.server.port}.
              </p>
              <Attempts attempts={result.failedBefore} sent />
            </>
          )}
        </div>
      )
    }
    default:
      return assertNever(outcome)
  }
}
