import {
  plannedStages,
  type AuthKind,
  type IncomingServer,
  type Server,
  type Side,
  type Stage,
} from '../../../shared/mail.js'
import {
  worksWithFallback,
  type ProbeReport,
  type RoundTripReport,
  type StageEvent,
  type TestReport,
} from '../../../shared/report.js'
import { assertNever, type AppErrorData } from '../../../shared/result.js'

/** The servers a test ran against, parsed: what a save must send back unchanged. */
export interface TestedServers {
  incoming: IncomingServer
  outgoing: Server
  /** An OAuth sign-in adds the "authorizing" stage (its access token fetched or refreshed first). */
  auth?: AuthKind | undefined
}

export type StageState = 'pending' | 'running' | 'done' | 'failed' | 'skipped'

export interface StageRow {
  stage: Stage
  state: StageState
  /** Known once the stage has finished. */
  ms?: number
}

export type LiveStage = { state: 'running' | 'done' | 'failed'; ms: number }
export type Progress = Record<Side, Partial<Record<Stage, LiveStage>>>

/** Saving what a finished test proved: the wizard's business (an account's re-test leaves it idle). */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'failed'; message: string }
  /** Validate and save: both servers tested again, live, then (when asked) the validation message. */
  | { status: 'validating'; run: RunningTest }
  /** The validation did not prove the settings, so nothing was saved: why, and the message's fate. */
  | { status: 'not-validated'; reason: string; roundTrip?: RoundTripReport }

/** One run of the connection test, from the click to the report. */
export type TestRun =
  | { status: 'running'; testId: string; tested: TestedServers; progress: Progress; cancelling: boolean }
  | { status: 'finished'; testId: string; tested: TestedServers; report: TestReport; save: SaveState }
  | { status: 'error'; testId: string; tested: TestedServers; error: AppErrorData }

export const SIDES: readonly Side[] = ['incoming', 'outgoing']

export type RunningTest = Extract<TestRun, { status: 'running' }>
export type FinishedTest = Extract<TestRun, { status: 'finished' }>

export function startRun(testId: string, tested: TestedServers): RunningTest {
  return { status: 'running', testId, tested, progress: { incoming: {}, outgoing: {} }, cancelling: false }
}

/** Folds one live event into a running test; events of other (older) tests are ignored. */
export function withEvent(run: TestRun, event: StageEvent): TestRun {
  if (run.status !== 'running' || event.testId !== run.testId) return run
  const side = { ...run.progress[event.side], [event.stage]: { state: event.state, ms: event.ms } }
  return { ...run, progress: { ...run.progress, [event.side]: side } }
}

/** Rows from live events: a stage not heard of yet is pending. */
export function liveRows(planned: Stage[], progress: Partial<Record<Stage, LiveStage>>): StageRow[] {
  return planned.map((stage) => {
    const live = progress[stage]
    if (!live) return { stage, state: 'pending' }
    return live.state === 'running' ? { stage, state: 'running' } : { stage, state: live.state, ms: live.ms }
  })
}

/** Rows from the final report: it is authoritative, whatever events arrived late or not at all. */
export function rowsFromReport(planned: Stage[], report: ProbeReport): StageRow[] {
  return planned.map((stage) => {
    const timing = report.stages.find((t) => t.stage === stage)
    if (timing) return { stage, state: stage === report.failedStage ? 'failed' : 'done', ms: timing.ms }
    return { stage, state: report.ok ? 'done' : 'skipped' }
  })
}

/** Every planned stage of one side, so the list has its full height before the first event. */
export function stageRows(run: TestRun, side: Side): StageRow[] {
  const planned = plannedStages(run.tested[side].security, { auth: run.tested.auth })
  switch (run.status) {
    case 'running':
      return liveRows(planned, run.progress[side])
    case 'finished': {
      const report = run.report[side]
      return report ? rowsFromReport(planned, report) : planned.map((stage) => ({ stage, state: 'skipped' }))
    }
    case 'error':
      return planned.map((stage) => ({ stage, state: 'skipped' }))
    default:
      return assertNever(run)
  }
}

/** Both servers passed: the only state in which saving is offered. */
export function bothPassed(run: TestRun): boolean {
  return run.status === 'finished' && run.report.incoming?.ok === true && run.report.outgoing?.ok === true
}

/**
 * The settings work and may be saved: both servers passed, or incoming passed and a fallback outgoing
 * server took over from a failed main one (sending uses the first that works).
 */
export function mailWorks(run: TestRun): boolean {
  return run.status === 'finished' && worksWithFallback(run.report)
}

/** Every stage of both servers is done: while running, both have passed already. */
export function allStagesDone(run: TestRun): boolean {
  return SIDES.every((side) => stageRows(run, side).every((r) => r.state === 'done'))
}
