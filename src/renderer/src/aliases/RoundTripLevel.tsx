import type { Fix } from '../../../shared/diagnosis.js'
import { RoundTripCard } from '../test-view/RoundTripCard.js'
import { awaitingRoundTrip, type AliasCheck } from './alias-check.js'
import { CHECK_NAMES } from './alias-words.js'
import { GmailSendAs } from './GmailSendAs.js'

interface Props {
  id: string
  address: string
  check: Extract<AliasCheck, { status: 'running' } | { status: 'finished' }>
  accountEmail: string
  /** A Gmail or Workspace account: a rewrite is Gmail's "Send mail as" at work. */
  google: boolean
  fixFor: (fix: Fix | undefined) => Fix | undefined
  onFix: (fix: Fix) => void
}

function Pending({ check, accountEmail }: Pick<Props, 'check' | 'accountEmail'>) {
  if (!check.roundTrip) return <p className="note">Not asked for this time: no message is sent.</p>
  if (check.status === 'running' && awaitingRoundTrip(check)) {
    return (
      <p className="level-waiting">
        <span className="stage-mark stage-mark--spinner" aria-hidden="true" />
        Sending one test message to {accountEmail} and waiting for it to arrive (up to a minute)…
      </p>
    )
  }
  if (check.status === 'running') return <p className="note">Starts once the server accepts the sender.</p>
  return <p className="note">Not sent: the server did not accept the sender, so nothing was sent.</p>
}

/** Level 2 (opt-in): one message from the alias to the account, read back and its From compared. */
export function RoundTripLevel({ id, address, check, accountEmail, google, fixFor, onFix }: Props) {
  const report = check.status === 'finished' ? check.result.roundTrip : undefined
  const titleId = `${id}-title`
  return (
    <section className="side level-block" aria-labelledby={titleId}>
      <h6 id={titleId} className="side-heading">
        {CHECK_NAMES.trip}: it arrives with this From
      </h6>
      {report ? (
        <>
          <RoundTripCard id={`${id}-report`} report={{ ...report, fix: fixFor(report.fix) }} onFix={onFix} />
          {report.outcome === 'rewritten' && google && <GmailSendAs id={`${id}-gmail`} address={address} />}
        </>
      ) : (
        <Pending check={check} accountEmail={accountEmail} />
      )}
    </section>
  )
}
