import type { CheckAllOutcome, CheckAllResult, CheckAllRow } from '../../../../shared/check-all.js'
import { assertNever } from '../../../../shared/result.js'
import { SIDE_LABEL, STAGE_LABEL } from '../../lib/labels.js'
import { finishedCount, type CheckAllState, type LiveRow } from './check-all-state.js'

export const OUTCOME_LABEL: Record<CheckAllOutcome, string> = {
  works: 'Works',
  stale: 'Needs a new password',
  failing: 'Failing',
  cancelled: 'Not checked',
}

/** A live row's status in words: waiting, what it is doing, or its outcome. */
export function liveText(row: LiveRow): string {
  switch (row.status) {
    case 'queued':
      return 'Waiting…'
    case 'running':
      return row.side && row.stage ? `${SIDE_LABEL[row.side]}: ${STAGE_LABEL[row.stage]}…` : 'Checking…'
    case 'finished':
      return OUTCOME_LABEL[row.row.outcome]
    default:
      return assertNever(row)
  }
}

/** "What went wrong" for a finished row ('' when it works). */
export function causeText(row: CheckAllRow): string {
  if (row.outcome === 'works') return ''
  return row.side ? `${SIDE_LABEL[row.side]}: ${row.title}` : row.title
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** The total under the table: counts by outcome and the time taken. */
export function totalText(result: CheckAllResult): string {
  const t = result.totals
  const parts = [`${t.works} ${t.works === 1 ? 'works' : 'work'}`, `${t.stale} stale`, `${t.failing} failing`]
  if (t.cancelled) parts.push(`${t.cancelled} not checked`)
  const n = result.rows.length
  return `${n} ${n === 1 ? 'account' : 'accounts'}: ${parts.join(', ')}. Took ${seconds(result.ms)} (one after another: about ${seconds(result.sumMs)}).`
}

/** What the panel's live region says. */
export function checkAllAnnouncement(state: CheckAllState): string {
  switch (state.kind) {
    case 'idle':
      return state.notice ?? ''
    case 'running':
      return state.cancelling
        ? 'Cancelling the check…'
        : `Checked ${finishedCount(state)} of ${state.order.length} accounts.`
    case 'finished':
      return `${state.result.cancelled ? 'Check cancelled. ' : 'Check finished. '}${totalText(state.result)}`
    case 'error':
      return `The check could not run: ${state.message}`
    default:
      return assertNever(state)
  }
}
