import type { Fix } from '../../../shared/diagnosis.js'
import { formatMs } from '../lib/format.js'
import { SECURITY_LABEL } from '../lib/labels.js'
import { DiagnosisCard } from '../test-view/DiagnosisCard.js'
import { StageList } from '../test-view/StageList.js'
import { senderRows, type AliasCheck } from './alias-check.js'
import { CHECK_NAMES, GMAIL_SENDER_NOTE, SENDER_STAGE_LABELS } from './alias-words.js'

interface Props {
  id: string
  /** Gmail takes any sender here and rewrites later: an accepted sender proves nothing yet. */
  google: boolean
  check: Extract<AliasCheck, { status: 'running' } | { status: 'finished' }>
  /** The fix as it can be offered here (see forAlias). */
  fixFor: (fix: Fix | undefined) => Fix | undefined
  onFix: (fix: Fix) => void
}

function Outcome({ check, google }: Pick<Props, 'check' | 'google'>) {
  if (check.status === 'running') {
    const states = senderRows(check).map((r) => r.state)
    if (states.every((s) => s === 'done')) return <p className="side-outcome side-outcome--ok">Accepted</p>
    return <p className="side-outcome">Checking…</p>
  }
  const { sender } = check.result
  if (sender.ok && google) {
    return (
      <p className="side-outcome">
        Accepted for now ({formatMs(sender.ms)}); nothing was sent. {GMAIL_SENDER_NOTE}
      </p>
    )
  }
  return sender.ok ? (
    <p className="side-outcome side-outcome--ok">Accepted ({formatMs(sender.ms)}); nothing was sent</p>
  ) : (
    <p className="side-outcome side-outcome--failed">Not accepted</p>
  )
}

/** Level 1: does the SMTP server take the alias as sender (MAIL FROM, RCPT TO, then RSET)? */
export function SenderLevel({ id, check, google, fixFor, onFix }: Props) {
  const { smtp } = check
  const sender = check.status === 'finished' ? check.result.sender : null
  const titleId = `${id}-level1-title`
  return (
    <section className="side level-block" aria-labelledby={titleId}>
      <h6 id={titleId} className="side-heading">
        {CHECK_NAMES.sender}: the sending server takes this address
      </h6>
      <p className="side-server">
        <span className="badge">SMTP</span> <span className="mono">{smtp.host}</span> port {smtp.port},{' '}
        {SECURITY_LABEL[smtp.security]}
      </p>
      <StageList rows={senderRows(check)} label="Sender check stages" labels={SENDER_STAGE_LABELS} />
      <Outcome check={check} google={google} />
      {sender && !sender.ok && (
        <DiagnosisCard
          id={`${id}-sender`}
          report={{ ...sender, fix: fixFor(sender.fix) }}
          onFix={onFix}
          stageLabels={SENDER_STAGE_LABELS}
        />
      )}
    </section>
  )
}
