import type { Fix } from '../../../shared/diagnosis.js'
import type { RoundTripReport } from '../../../shared/report.js'
import { assertNever } from '../../../shared/result.js'
import { formatMs } from '../lib/format.js'
import { DiagnosisCard, type OutcomeTone } from './DiagnosisCard.js'
import { sentViaText } from './sent-via.js'

function tone(outcome: RoundTripReport['outcome']): OutcomeTone {
  switch (outcome) {
    case 'arrived':
      return 'ok'
    case 'rewritten':
    case 'send-failed':
    case 'read-failed':
      return 'problem'
    case 'not-arrived':
    case 'unavailable':
      return 'warning'
    default:
      return assertNever(outcome)
  }
}

interface Props {
  id: string
  report: RoundTripReport
  onFix: (fix: Fix) => void
  disabled?: boolean
}

/** What became of a message sent to prove delivery: arrived as sent, rewritten, or why not. */
export function RoundTripCard({ id, report, onFix, disabled = false }: Props) {
  const { receivedFrom, originalFrom } = report
  const shown = report.outcome !== 'arrived' && Boolean(receivedFrom)
  return (
    <DiagnosisCard id={id} tone={tone(report.outcome)} report={report} onFix={onFix} disabled={disabled}>
      {(shown || originalFrom) && (
        <dl className="outcome-facts">
          {shown && (
            <div className="summary-row">
              <dt>Arrived with From</dt>
              <dd className="mono">{receivedFrom}</dd>
            </div>
          )}
          {originalFrom && (
            <div className="summary-row">
              <dt>Original From</dt>
              <dd className="mono">{originalFrom}</dd>
            </div>
          )}
        </dl>
      )}
      {report.sentVia && <p className="note">{sentViaText(report)}</p>}
      {report.outcome !== 'unavailable' && <p className="note">Took {formatMs(report.ms)}.</p>}
    </DiagnosisCard>
  )
}
