import type { Side } from '../../../shared/mail.js'
import { assertNever } from '../../../shared/result.js'
import { STAGE_LABEL, SIDE_LABEL } from '../lib/labels.js'
import { bothPassed, mailWorks, SIDES, stageRows, type TestRun } from './test-run.js'

/** One server's progress in a sentence ("Incoming mail: signing in."). */
export function sideProgress(run: TestRun, side: Side): string {
  const rows = stageRows(run, side)
  const failed = rows.find((r) => r.state === 'failed')
  if (failed) return `${SIDE_LABEL[side]}: failed at ${STAGE_LABEL[failed.stage].toLowerCase()}.`
  if (rows.every((r) => r.state === 'done')) return `${SIDE_LABEL[side]}: works.`
  const running = rows.find((r) => r.state === 'running')
  return running
    ? `${SIDE_LABEL[side]}: ${STAGE_LABEL[running.stage].toLowerCase()}.`
    : `${SIDE_LABEL[side]}: starting.`
}

/** What the polite live region says: progress while the test runs, then the outcome. */
export function announcement(run: TestRun): string {
  switch (run.status) {
    case 'running':
      if (run.cancelling) return 'Cancelling the test.'
      return `Testing. ${SIDES.map((s) => sideProgress(run, s)).join(' ')}`
    case 'finished': {
      const parts = SIDES.map((side) => {
        const r = run.report[side]
        return r?.ok ? `${SIDE_LABEL[side]} works.` : `${SIDE_LABEL[side]} failed: ${r?.title ?? 'not tested'}.`
      })
      const both = run.report.incoming?.ok && run.report.outgoing?.ok
      if (both) return 'Both servers work. You can save the account.'
      if (mailWorks(run)) return `${parts.join(' ')} A fallback outgoing server works. You can save the account.`
      return `Test finished. ${parts.join(' ')}`
    }
    case 'error':
      return `The test could not run: ${run.error.message}`
    default:
      return assertNever(run)
  }
}

/** The test's headline: what is happening, or what came of it. */
export function headingText(run: TestRun): string {
  if (run.status === 'running') return run.cancelling ? 'Cancelling the test…' : 'Testing your servers…'
  if (run.status === 'error') return 'The test could not run'
  if (bothPassed(run)) return 'Both servers work'
  if (mailWorks(run)) return 'Both work, sending through a fallback server'
  const failed = SIDES.filter((s) => run.report[s]?.ok !== true)
  return failed.length === 2 ? 'Both servers failed the test' : `${SIDE_LABEL[failed[0] ?? 'incoming']} failed the test`
}
