import type { ReactNode } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import type { Side } from '../../../shared/mail.js'
import type { TestReport } from '../../../shared/report.js'
import { SIDE_LABEL } from '../lib/labels.js'
import type { TrustOffer } from './CertificateDetails.js'
import { DiagnosisCard } from './DiagnosisCard.js'
import { findings, type Finding } from './findings.js'
import { fixIsAction } from './FixAction.js'

interface Props {
  report: TestReport
  onFix: (side: Side, fix: Fix) => void
  busy: boolean
  /** Keeps ids unique where several tests show at once (one per account card). */
  idPrefix?: string
  /** The first fix button is the screen's primary action; off where another action leads. */
  primaryFix: boolean
  /** Shown inside the finding about a refused password (the wizard's field for a new one). */
  passwordRetry?: ReactNode
  /** Findings said elsewhere on the screen already (a stale password's banner): not said again. */
  hide?: (finding: Finding) => boolean
  /** Trusts the certificate a side's server showed (pins its key); absent where the screen cannot. */
  onTrust?: ((side: Side) => void) | undefined
}

function whose(finding: Finding): string {
  return finding.sides.length === 2 ? 'Incoming and outgoing mail' : SIDE_LABEL[finding.sides[0] ?? 'incoming']
}

/** "Trust this certificate for host:port" for one server's certificate failure Mailkey may pin. */
function trustOffer(finding: Finding, busy: boolean, onTrust: Props['onTrust']): TrustOffer | undefined {
  const side = finding.sides[0]
  const r = finding.report
  if (!onTrust || !side || finding.sides.length !== 1 || !r.canTrust) return undefined
  return { where: `${r.host}:${r.port}`, onTrust: () => onTrust(side), disabled: busy }
}

const PASSWORD_CAUSES = new Set(['invalid_credentials', 'app_password_required'])

/**
 * What went wrong in a finished test, said once per problem and above the stage details (so titled one
 * level under the screen's h2, above the servers' h3 panels), so the fix is in view at the default
 * window size. A failure both servers share is one card with both servers' words.
 */
export function Findings({ report, onFix, busy, idPrefix = '', primaryFix, passwordRetry, hide, onTrust }: Props) {
  const list = findings(report).filter((f) => !hide?.(f))
  if (list.length === 0) return null
  const retryAt = passwordRetry ? list.findIndex((f) => PASSWORD_CAUSES.has(f.report.cause ?? '')) : -1
  // one primary button: the password field's own when it is shown, else the first fix that is a button
  const primaryAt =
    retryAt >= 0 || !primaryFix ? -1 : list.findIndex((f) => f.report.fix && fixIsAction(f.report.fix, 'act'))
  return (
    <div className="findings">
      {list.map((finding, i) => (
        <DiagnosisCard
          key={finding.sides.join('-')}
          id={`${idPrefix}${finding.sides.join('-')}-diagnosis`}
          report={finding.report}
          level={3}
          words={finding.words}
          context={whose(finding)}
          primaryFix={i === primaryAt}
          onFix={(fix) => onFix(finding.sides[0] ?? 'incoming', fix)}
          disabled={busy}
          actions={i === retryAt ? passwordRetry : undefined}
          trust={trustOffer(finding, busy, onTrust)}
        />
      ))}
    </div>
  )
}
