import type { CheckAllEvent, CheckAllResult, CheckAllRow } from '../../../../shared/check-all.js'
import type { Side, Stage } from '../../../../shared/mail.js'
import { assertNever, type Result } from '../../../../shared/result.js'

/** One account's line while a check-all runs. */
export type LiveRow =
  { status: 'queued' } | { status: 'running'; side?: Side; stage?: Stage } | { status: 'finished'; row: CheckAllRow }

/** The accounts screen's "Check all", from the click to the table of results. */
export type CheckAllState =
  | { kind: 'idle'; notice: string | null }
  | { kind: 'running'; runId: string; order: string[]; rows: Record<string, LiveRow>; cancelling: boolean }
  | { kind: 'finished'; result: CheckAllResult }
  | { kind: 'error'; message: string }

export type CheckAllAction =
  | { type: 'started'; runId: string; accountIds: string[] }
  | { type: 'event'; event: CheckAllEvent }
  | { type: 'cancelRequested' }
  | { type: 'finished'; runId: string; result: Result<CheckAllResult> }
  | { type: 'dismissed' }

export const idleCheckAll: CheckAllState = { kind: 'idle', notice: null }

function withEvent(state: Extract<CheckAllState, { kind: 'running' }>, e: CheckAllEvent): CheckAllState {
  if (e.runId !== state.runId || !(e.accountId in state.rows)) return state
  const current = state.rows[e.accountId]
  if (current?.status === 'finished') return state
  let next: LiveRow
  switch (e.state) {
    case 'queued':
      return state
    case 'running':
      next = { status: 'running', ...(e.side ? { side: e.side } : {}), ...(e.stage ? { stage: e.stage } : {}) }
      break
    case 'finished':
      next = { status: 'finished', row: e.row }
      break
    default:
      return assertNever(e)
  }
  return { ...state, rows: { ...state.rows, [e.accountId]: next } }
}

/** Every transition of a check-all; pure (test/renderer/check-all.test.tsx drives it through the screen). */
export function checkAllReducer(state: CheckAllState, action: CheckAllAction): CheckAllState {
  switch (action.type) {
    case 'started':
      if (state.kind === 'running') return state
      return {
        kind: 'running',
        runId: action.runId,
        order: action.accountIds,
        rows: Object.fromEntries(action.accountIds.map((id) => [id, { status: 'queued' }])),
        cancelling: false,
      }
    case 'event':
      return state.kind === 'running' ? withEvent(state, action.event) : state
    case 'cancelRequested':
      return state.kind === 'running' ? { ...state, cancelling: true } : state
    case 'finished':
      if (state.kind !== 'running' || state.runId !== action.runId) return state
      return action.result.ok
        ? { kind: 'finished', result: action.result.value }
        : { kind: 'error', message: action.result.error.message }
    case 'dismissed':
      return state.kind === 'running' ? state : idleCheckAll
    default:
      return assertNever(action)
  }
}

/** How many accounts of a running check have finished. */
export function finishedCount(state: Extract<CheckAllState, { kind: 'running' }>): number {
  return Object.values(state.rows).filter((r) => r.status === 'finished').length
}
