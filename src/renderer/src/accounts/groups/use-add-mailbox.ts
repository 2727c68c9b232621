import { useEffect, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { GroupView } from '../../../../shared/group.js'
import { mailkey, settle } from '../../lib/api.js'
import { newTestId } from '../../lib/test-id.js'
import { startRun, withEvent, type FinishedTest, type TestRun } from '../../test-view/test-run.js'

/** Adding a mailbox to a group: the test run shown live, then saved (with the account) or why not. */
export type AddState =
  | { kind: 'idle' }
  | { kind: 'testing'; run: TestRun }
  | { kind: 'done'; run: FinishedTest; saved: true; account: AccountView }
  | { kind: 'done'; run: FinishedTest; saved: false; reason: string }
  | { kind: 'error'; message: string }

/**
 * Runs `addToGroup` (main tests both servers with the group's settings, saves only if both accept):
 * the stages follow main's live events for this test id; the finished report is authoritative.
 */
export function useAddMailbox(group: GroupView, onSaved: (account: AccountView) => void) {
  const [state, setState] = useState<AddState>({ kind: 'idle' })
  const testId = state.kind === 'testing' ? state.run.testId : null
  useEffect(() => {
    if (!testId) return
    return mailkey().onTestProgress((event) =>
      setState((s) => (s.kind === 'testing' ? { ...s, run: withEvent(s.run, event) } : s)),
    )
  }, [testId])

  const add = async (email: string, password: string): Promise<void> => {
    const id = newTestId()
    const tested = { incoming: group.defaults.incoming, outgoing: group.defaults.outgoing }
    setState({ kind: 'testing', run: startRun(id, tested) })
    const r = await settle(() => mailkey().addToGroup({ groupId: group.id, testId: id, email, password }))
    if (!r.ok) return setState({ kind: 'error', message: r.error.message })
    const run: FinishedTest = {
      status: 'finished',
      testId: id,
      tested,
      report: r.value.report,
      save: { status: 'idle' },
    }
    if (r.value.saved && r.value.account) {
      setState({ kind: 'done', run, saved: true, account: r.value.account })
      onSaved(r.value.account)
    } else {
      setState({ kind: 'done', run, saved: false, reason: r.value.reason ?? 'Nothing was saved.' })
    }
  }
  return { state, add, reset: () => setState({ kind: 'idle' }) }
}
