import type { Fix } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import { formatMs } from '../lib/format.js'
import { PROTOCOL_LABEL, SECURITY_LABEL, SIDE_LABEL } from '../lib/labels.js'
import { DiagnosisCard } from './DiagnosisCard.js'
import { StageList } from './StageList.js'
import { SIDES, stageRows, type TestRun } from './test-run.js'

interface Props {
  side: Side
  run: TestRun
  onFix: (side: Side, fix: Fix) => void
  /** Trusts the certificate this side's server showed (pins its key); absent where the screen cannot. */
  onTrust?: ((side: Side) => void) | undefined
  busy: boolean
  /** Keeps ids unique where several tests show at once (one per account card). */
  idPrefix?: string
  /**
   * Shows the failure's diagnosis under the stages (default). Off where the screen shows its findings
   * above both servers instead (said once when both failed the same way, and in view at once).
   */
  showDiagnosis?: boolean
}

function Outcome({ side, run }: { side: Side; run: TestRun }) {
  if (run.status === 'running') {
    // one side often finishes first: say so at once, the details follow with the report
    const states = stageRows(run, side).map((r) => r.state)
    if (states.includes('failed')) return <p className="side-outcome side-outcome--failed">Failed</p>
    if (states.every((s) => s === 'done')) return <p className="side-outcome side-outcome--ok">Works</p>
    return <p className="side-outcome">Testing…</p>
  }
  if (run.status === 'error') return <p className="side-outcome">Not tested</p>
  const report = run.report[side]
  if (!report) return <p className="side-outcome">Not tested</p>
  return report.ok ? (
    <p className="side-outcome side-outcome--ok">Works ({formatMs(report.ms)})</p>
  ) : (
    <p className="side-outcome side-outcome--failed">Failed</p>
  )
}

/** One server's live test: its stages, then its outcome and, when it failed, the diagnosis. */
export function SidePanel({ side, run, onFix, onTrust, busy, idPrefix = '', showDiagnosis = true }: Props) {
  const server = run.tested[side]
  const protocol = 'protocol' in server ? server.protocol : 'smtp'
  const report = run.status === 'finished' ? run.report[side] : undefined
  return (
    <article className={`side side--${side}`} aria-labelledby={`${idPrefix}${side}-heading`}>
      <h3 id={`${idPrefix}${side}-heading`} className="side-heading">
        {SIDE_LABEL[side]}
      </h3>
      <p className="side-server">
        <span className="badge">{PROTOCOL_LABEL[protocol]}</span> <span className="mono">{server.host}</span> port{' '}
        {server.port}, {SECURITY_LABEL[server.security]}
        {report?.via && (
          <>
            {' '}
            <span className="side-via">
              through the proxy <span className="mono">{report.via}</span>
            </span>
          </>
        )}
      </p>
      <StageList rows={stageRows(run, side)} label={`${SIDE_LABEL[side]} test stages`} />
      <Outcome side={side} run={run} />
      {showDiagnosis && report && !report.ok && (
        <DiagnosisCard
          id={`${idPrefix}${side}-diagnosis`}
          report={report}
          onFix={(fix) => onFix(side, fix)}
          disabled={busy}
          trust={
            report.canTrust && onTrust
              ? { where: `${report.host}:${report.port}`, onTrust: () => onTrust(side), disabled: busy }
              : undefined
          }
        />
      )}
    </article>
  )
}

/**
 * Both servers side by side, incoming then outgoing, without their diagnoses: the screens that use it
 * show the findings once, above both (Findings).
 */
export function SidePanels(props: Omit<Props, 'side' | 'showDiagnosis'>) {
  return (
    <div className="sides">
      {SIDES.map((side) => (
        <SidePanel key={side} side={side} {...props} showDiagnosis={false} />
      ))}
    </div>
  )
}
