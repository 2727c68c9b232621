import { sideProgress } from '../test-view/announce.js'
import { allStagesDone, SIDES, type TestRun } from '../test-view/test-run.js'

/** What the live region says about validate and save, when it is under way or has said no. */
export function saveAnnouncement(run: TestRun, email: string): string | null {
  if (run.status !== 'finished') return null
  const { save } = run
  if (save.status === 'validating') {
    const servers = SIDES.map((s) => sideProgress(save.run, s)).join(' ')
    return allStagesDone(save.run)
      ? `Both servers work. Sending the validation message to ${email} and waiting for it.`
      : `Proving delivery. ${servers}`
  }
  if (save.status === 'not-validated') return `The account was not saved. ${save.reason}`
  return null
}
