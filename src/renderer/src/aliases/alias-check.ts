import type { AliasCheckResult } from '../../../shared/ipc/contract.js'
import { plannedStages, type Server, type Stage } from '../../../shared/mail.js'
import type { StageEvent } from '../../../shared/report.js'
import { assertNever, type Result } from '../../../shared/result.js'
import { liveRows, rowsFromReport, type LiveStage, type StageRow } from '../test-view/test-run.js'

/**
 * One alias's check, level by level: choose whether to send the round-trip message, watch the sender
 * check live, then read each level's outcome.
 */
export type AliasCheck =
  /** Before starting: the round trip is opt-in (it sends one real message). */
  | { status: 'options'; roundTrip: boolean }
  | {
      status: 'running'
      testId: string
      roundTrip: boolean
      /** The server the sender check talks to: the alias's own, or the account's. */
      smtp: Server
      progress: Partial<Record<Stage, LiveStage>>
      cancelling: boolean
    }
  | { status: 'finished'; testId: string; roundTrip: boolean; smtp: Server; result: Omit<AliasCheckResult, 'account'> }
  | { status: 'error'; roundTrip: boolean; message: string }

export type AliasCheckAction =
  | { type: 'roundTripToggled'; on: boolean }
  | { type: 'checkStarted'; testId: string; smtp: Server }
  /** "Check again": back to the choice, as it was made last time. */
  | { type: 'optionsReopened' }
  | { type: 'stageEvent'; event: StageEvent }
  | { type: 'cancelRequested' }
  | { type: 'checkFinished'; testId: string; result: Result<AliasCheckResult> }

export const CHECK_OPTIONS: AliasCheck = { status: 'options', roundTrip: false }

/**
 * Every transition of an alias check; pure, tested as a table (test/renderer/alias-check.test.ts).
 * A cancelled check is over: null, and the panel closes.
 */
export function aliasCheckReducer(state: AliasCheck, action: AliasCheckAction): AliasCheck | null {
  switch (action.type) {
    case 'roundTripToggled':
      return state.status === 'options' ? { ...state, roundTrip: action.on } : state
    case 'checkStarted':
      if (state.status === 'running') return state
      return {
        status: 'running',
        testId: action.testId,
        roundTrip: state.roundTrip,
        smtp: action.smtp,
        progress: {},
        cancelling: false,
      }
    case 'optionsReopened':
      return state.status === 'finished' || state.status === 'error'
        ? { status: 'options', roundTrip: state.roundTrip }
        : state
    case 'stageEvent': {
      const { event } = action
      if (state.status !== 'running' || event.testId !== state.testId || event.side !== 'outgoing') return state
      return { ...state, progress: { ...state.progress, [event.stage]: { state: event.state, ms: event.ms } } }
    }
    case 'cancelRequested':
      return state.status === 'running' ? { ...state, cancelling: true } : state
    case 'checkFinished': {
      if (state.status !== 'running' || state.testId !== action.testId) return state
      const { result } = action
      if (!result.ok) {
        if (result.error.code === 'CANCELLED') return null
        return { status: 'error', roundTrip: state.roundTrip, message: result.error.message }
      }
      const { sender, roundTrip } = result.value
      return {
        status: 'finished',
        testId: state.testId,
        roundTrip: state.roundTrip,
        smtp: state.smtp,
        result: { sender, ...(roundTrip ? { roundTrip } : {}) },
      }
    }
    default:
      return assertNever(action)
  }
}

/** The sender check's stages: live while it runs, from the report once it is done. */
export function senderRows(check: Extract<AliasCheck, { status: 'running' } | { status: 'finished' }>): StageRow[] {
  const planned = plannedStages(check.smtp.security, { senderCheck: true })
  return check.status === 'running' ? liveRows(planned, check.progress) : rowsFromReport(planned, check.result.sender)
}

/** Level 1 is over and the round trip is under way (it reports no stages of its own). */
export function awaitingRoundTrip(check: AliasCheck): boolean {
  return check.status === 'running' && check.roundTrip && senderRows(check).every((r) => r.state === 'done')
}
