import { useEffect, useRef } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { CheckAllRow } from '../../../../shared/check-all.js'
import { useEscape } from '../../ui/use-escape.js'
import { useOpenExternal } from '../../ui/use-open-external.js'
import type { CheckAllState, LiveRow } from './check-all-state.js'
import { causeText, liveText, totalText } from './check-all-words.js'
import type { CheckAllControls } from './use-check-all.js'

type Shown = Exclude<CheckAllState, { kind: 'idle' }>

interface Props {
  state: Shown
  accounts: readonly AccountView[]
  controls: CheckAllControls
}

function FixCell({ row, open }: { row: CheckAllRow; open: (url: string) => void }) {
  const fix = row.fix
  if (!fix || row.outcome === 'works') return null
  if (fix.kind === 'open-url') {
    return (
      <button type="button" className="button button--link" onClick={() => open(fix.url)}>
        {fix.label}
      </button>
    )
  }
  return <>{fix.label}</>
}

function rowsOf(state: Shown, accounts: readonly AccountView[]): { id: string; email: string; live: LiveRow }[] {
  const email = (id: string): string => accounts.find((a) => a.id === id)?.email ?? id
  if (state.kind === 'running')
    return state.order.map((id) => ({ id, email: email(id), live: state.rows[id] ?? { status: 'queued' } }))
  if (state.kind === 'finished')
    return state.result.rows.map((row) => ({ id: row.accountId, email: row.email, live: { status: 'finished', row } }))
  return []
}

/** "Check all": every account's row live while the check runs, then works / stale / failing with cause, fix and a total. */
export function CheckAllPanel({ state, accounts, controls }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [open, openProblem] = useOpenExternal()
  const running = state.kind === 'running'
  useEffect(() => headingRef.current?.focus(), [running])
  useEscape(running, controls.cancel)
  const rows = rowsOf(state, accounts)
  const heading = running
    ? state.cancelling
      ? 'Cancelling the check…'
      : `Checking ${state.order.length} ${state.order.length === 1 ? 'account' : 'accounts'}…`
    : state.kind === 'finished'
      ? state.result.cancelled
        ? 'Check cancelled'
        : state.result.rows.every((r) => r.outcome === 'works')
          ? 'Every account works'
          : 'Some accounts need attention'
      : 'The check could not run'
  return (
    <section className="panel check-all" aria-labelledby="check-all-title" aria-busy={running}>
      <h2 id="check-all-title" ref={headingRef} tabIndex={-1} className="check-all-title">
        {heading}
      </h2>
      {state.kind === 'error' && <p className="panel panel--error">{state.message}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="check-all-table">
            <caption className="visually-hidden">Check of every saved account</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Result</th>
                <th scope="col">What went wrong</th>
                <th scope="col">Fix</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, email, live }) => (
                <tr key={id} data-outcome={live.status === 'finished' ? live.row.outcome : live.status}>
                  <th scope="row" className="mono">
                    {email}
                  </th>
                  <td
                    className={`check-all-result check-all-result--${live.status === 'finished' ? live.row.outcome : live.status}`}
                  >
                    {liveText(live)}
                    {live.status === 'finished' && live.row.ms > 0 && (
                      <span className="check-all-ms"> {live.row.ms} ms</span>
                    )}
                  </td>
                  <td>
                    {live.status === 'finished' && causeText(live.row)}
                    {live.status === 'finished' && live.row.cause && (
                      <span className="check-all-cause"> ({live.row.cause})</span>
                    )}
                  </td>
                  <td>{live.status === 'finished' && <FixCell row={live.row} open={open} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state.kind === 'finished' && <p className="check-all-total">{totalText(state.result)}</p>}
      {state.kind === 'finished' && state.result.totals.stale > 0 && (
        <p className="note">A stale account’s card below has a button to enter its new password.</p>
      )}
      {openProblem && <p className="field-error">{openProblem}</p>}
      <div className="actions actions--start">
        {running ? (
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Escape"
            disabled={state.cancelling}
            onClick={controls.cancel}
          >
            Cancel check <kbd>Esc</kbd>
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={controls.start}>
              Check all again
            </button>
            <button type="button" className="button" onClick={controls.dismiss}>
              Close
            </button>
          </>
        )}
      </div>
    </section>
  )
}
