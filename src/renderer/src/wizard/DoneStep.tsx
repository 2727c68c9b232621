import type { AccountView } from '../../../shared/account.js'
import type { ProbeReport } from '../../../shared/report.js'
import { formatMs, formatWhen } from '../lib/format.js'
import { PROTOCOL_LABEL, SECURITY_LABEL, SIDE_LABEL } from '../lib/labels.js'
import { sentViaText } from '../test-view/sent-via.js'
import { SIDES } from '../test-view/test-run.js'
import { HandOnSettings } from '../ui/HandOnSettings.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import type { At } from './wizard-state.js'

interface Props {
  state: At<'done'>
  onFinish: (account: AccountView) => void
}

function Proven({ report }: { report: ProbeReport | undefined }) {
  if (!report) return <dd>Not tested</dd>
  return (
    <dd>
      <span className="badge">{PROTOCOL_LABEL[report.protocol]}</span> <span className="mono">{report.host}</span> port{' '}
      {report.port}, {SECURITY_LABEL[report.security]}:{' '}
      {report.ok ? `signed in, ${formatMs(report.ms)}` : 'did not pass'}
    </dd>
  )
}

/** The last step: saved. What was proven, when, where the password is, and how to hand it on to a mail app. */
export function DoneStep({ state, onFinish }: Props) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const { account, report, delivery } = state
  const at = account.lastVerifiedAt
  const when = at ? formatWhen(at) : null
  return (
    <section className="step" aria-labelledby="done-heading">
      <h2 id="done-heading" ref={headingRef} tabIndex={-1}>
        {account.email} is {when ? 'ready' : 'saved'}
      </h2>
      {at && when ? (
        <p className="verified verified--yes done-verified">
          Verified <time dateTime={at}>{when}</time>: both servers accepted the password.
        </p>
      ) : (
        <p className="verified verified--no">
          Saved, but not verified: the test did not prove these exact settings. Re-test it from your accounts.
        </p>
      )}
      <dl className="summary summary-list">
        {SIDES.map((side) => (
          <div className="summary-row" key={side}>
            <dt>{SIDE_LABEL[side]}</dt>
            <Proven report={report[side]} />
          </div>
        ))}
        {(report.outgoingFallbacks ?? []).map((r, i) => (
          <div className="summary-row" key={`${r.host}:${r.port}`}>
            <dt>Fallback outgoing {i + 1}</dt>
            <Proven report={r} />
          </div>
        ))}
        {delivery && (
          <div className="summary-row">
            <dt>Delivery</dt>
            <dd>
              {delivery.title}. {delivery.explanation}
              {delivery.sentVia && <> {sentViaText(delivery)}</>}
            </dd>
          </div>
        )}
      </dl>
      <p>
        {account.secrets.incoming
          ? 'The password is in your system’s keychain, not in any file. Mailkey uses it for incoming and outgoing mail.'
          : 'The keychain does not hold a password for this account: re-test it from your accounts to enter one.'}
      </p>
      <HandOnSettings account={account} />
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => onFinish(account)}>
          Go to your accounts
        </button>
      </div>
    </section>
  )
}
