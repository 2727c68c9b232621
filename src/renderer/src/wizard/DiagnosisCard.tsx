import type { Fix } from '../../../shared/diagnosis.js'
import type { Stage } from '../../../shared/mail.js'
import type { ProbeReport } from '../../../shared/report.js'
import { assertNever } from '../../../shared/result.js'
import { STAGE_LABEL } from '../lib/labels.js'
import { CertificateDetails } from './CertificateDetails.js'

interface Props {
  id: string
  report: ProbeReport
  /** Runs a fix that is an action (a button); fixes that are advice are shown as text. */
  onFix: (fix: Fix) => void
  disabled?: boolean
  /** Names for stages that mean something else here (see StageList). */
  stageLabels?: Partial<Record<Stage, string>>
}

/** A fix as one button when it is an action, or as advice when it is not. */
export function FixAction({ fix, onFix, disabled }: { fix: Fix; onFix: (fix: Fix) => void; disabled: boolean }) {
  switch (fix.kind) {
    case 'open-url':
    case 'switch-security':
    case 'replace-password':
    case 'check-settings':
    case 'switch-username':
      return (
        <button type="button" className="button button--primary" disabled={disabled} onClick={() => onFix(fix)}>
          {fix.label}
        </button>
      )
    case 'retry-later':
    case 'contact-admin':
    case 'none':
      return <p className="fix-advice">{fix.label}</p>
    default:
      return assertNever(fix)
  }
}

/** Why one server failed, in plain words, with the server's own words and the one fix. */
export function DiagnosisCard({ id, report, onFix, disabled = false, stageLabels = {} }: Props) {
  return (
    <div className="diagnosis" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="diagnosis-title">
        {report.title ?? 'The test failed'}
      </h4>
      {report.explanation && <p>{report.explanation}</p>}
      {report.failedStage && (
        <p className="diagnosis-stage">
          Stopped at: <strong>{stageLabels[report.failedStage] ?? STAGE_LABEL[report.failedStage]}</strong>
        </p>
      )}
      {report.serverText && (
        <figure className="server-said">
          <figcaption>Exact message</figcaption>
          {/* verbatim and as text: servers can say anything, including markup */}
          <pre className="server-text">{report.serverText}</pre>
        </figure>
      )}
      {report.certificate && <CertificateDetails certificate={report.certificate} />}
      {report.fix && <FixAction fix={report.fix} onFix={onFix} disabled={disabled} />}
    </div>
  )
}
