import { describe, expect, it } from 'vitest'
import { providerById } from '../../src/shared/providers.js'
import {
  accountCheckReducer,
  idleCheck,
  type AccountCheckAction,
  type AccountCheckState,
} from '../../src/renderer/src/accounts/account-check.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import { BOTH_PASSED, outgoingFailed } from './fixtures.js'
import { runReducerTable, TESTED, type TableRow } from './reducer-table.js'

/** A saved account's re-test and reset, as a table of transitions. */

type Row = TableRow<AccountCheckState, AccountCheckAction>
const GMAIL = providerById('gmail')

const form = (password = '', showCheck = false): AccountCheckState => ({
  kind: 'reset-form',
  provider: GMAIL,
  password,
  showCheck,
})
const running = (mode: 'retest' | 'reset', password = ''): AccountCheckState => ({
  kind: 'running',
  mode,
  run: startRun('t1', TESTED),
  password,
})
const finished = (mode: 'retest' | 'reset', saved = false): AccountCheckState => ({
  kind: 'finished',
  mode,
  saved,
  run: { status: 'finished', testId: 't1', tested: TESTED, report: BOTH_PASSED, save: { status: 'idle' } },
})
const answer = (report = BOTH_PASSED, saved?: boolean): AccountCheckAction => ({
  type: 'checkFinished',
  testId: 't1',
  result: { ok: true, value: { report, ...(saved === undefined ? {} : { saved }) } },
})

const retest_rows: Row[] = [
  {
    name: 'Re-test starts a run with the saved servers and no password',
    from: idleCheck,
    action: { type: 'retestRequested', testId: 't1', tested: TESTED },
    to: { kind: 'running', mode: 'retest', password: '', run: { status: 'running', testId: 't1', tested: TESTED } },
  },
  {
    name: 'Re-test again from a finished check',
    from: finished('retest'),
    action: { type: 'retestRequested', testId: 't2', tested: TESTED },
    to: { kind: 'running', run: { testId: 't2' } },
  },
  {
    name: 'Re-test while one runs is ignored',
    from: running('retest'),
    action: { type: 'retestRequested', testId: 't2', tested: TESTED },
    to: 'same',
  },
  {
    name: 'a stage of this check is shown live',
    from: running('retest'),
    action: { type: 'stageEvent', event: { testId: 't1', side: 'incoming', stage: 'dns', state: 'done', ms: 4 } },
    to: { run: { progress: { incoming: { dns: { state: 'done', ms: 4 } } } } },
  },
  {
    name: 'a stage of another test is ignored',
    from: running('retest'),
    action: { type: 'stageEvent', event: { testId: 'x', side: 'incoming', stage: 'dns', state: 'done', ms: 4 } },
    to: 'same',
  },
  {
    name: 'the re-test report is shown; a re-test never counts as saving',
    from: running('retest'),
    action: answer(outgoingFailed(undefined)),
    to: {
      kind: 'finished',
      mode: 'retest',
      saved: false,
      run: { status: 'finished', report: { outgoing: { ok: false } } },
    },
  },
  {
    name: 'an answer for another test is ignored',
    from: running('retest'),
    action: { ...answer(), testId: 'other' } as AccountCheckAction,
    to: 'same',
  },
  {
    name: 'Escape marks the check as cancelling',
    from: running('retest'),
    action: { type: 'cancelRequested' },
    to: { kind: 'running', run: { cancelling: true } },
  },
  {
    name: 'a cancelled check goes back to idle and says nothing changed',
    from: running('retest'),
    action: { type: 'checkFinished', testId: 't1', result: { ok: false, error: { code: 'CANCELLED', message: 'x' } } },
    to: { kind: 'idle', notice: 'The check was cancelled. Nothing was changed.' },
  },
  {
    name: 'a check that could not run says why',
    from: running('retest'),
    action: {
      type: 'checkFinished',
      testId: 't1',
      result: { ok: false, error: { code: 'NOT_FOUND', message: 'The saved password is missing.' } },
    },
    to: { kind: 'error', mode: 'retest', message: 'The saved password is missing.' },
  },
  { name: 'Close after a result', from: finished('retest'), action: { type: 'dismissed' }, to: idleCheck },
  { name: 'Close does nothing while running', from: running('retest'), action: { type: 'dismissed' }, to: 'same' },
]

const reset_rows: Row[] = [
  {
    name: 'the reset form opens empty, for the account’s provider',
    from: idleCheck,
    action: { type: 'resetOpened', provider: GMAIL },
    to: { kind: 'reset-form', password: '', showCheck: false, provider: { id: 'gmail' } },
  },
  {
    name: '“Try another password” after a refused reset opens it again',
    from: finished('reset', false),
    action: { type: 'resetOpened', provider: GMAIL },
    to: { kind: 'reset-form', password: '' },
  },
  {
    name: 'the form does not open over a running check',
    from: running('retest'),
    action: { type: 'resetOpened', provider: GMAIL },
    to: 'same',
  },
  {
    name: 'a pasted app password loses its spaces, as in the wizard',
    from: form(),
    action: { type: 'resetPasswordChanged', raw: 'abcd efgh ijkl mnop', pasted: true },
    to: { password: 'abcdefghijklmnop', showCheck: true },
  },
  {
    name: 'typing does not show problems yet',
    from: form(),
    action: { type: 'resetPasswordChanged', raw: 'abc', pasted: false },
    to: { password: 'abc', showCheck: false },
  },
  {
    name: 'submitting a malformed app password shows the problem and stays',
    from: form('abcd'),
    action: { type: 'resetSubmitted', testId: 't1', tested: TESTED },
    to: { kind: 'reset-form', password: 'abcd', showCheck: true },
  },
  {
    name: 'submitting a well-formed one tests it, carrying the new password to main',
    from: form('abcdefghijklmnop'),
    action: { type: 'resetSubmitted', testId: 't1', tested: TESTED },
    to: { kind: 'running', mode: 'reset', password: 'abcdefghijklmnop', run: { testId: 't1' } },
  },
  {
    name: 'Cancel closes the form',
    from: form('abc'),
    action: { type: 'resetClosed' },
    to: idleCheck,
  },
  {
    name: 'both servers took it: saved, and the password leaves memory',
    from: running('reset', 'abcdefghijklmnop'),
    action: answer(BOTH_PASSED, true),
    to: { kind: 'finished', mode: 'reset', saved: true },
  },
  {
    name: 'refused: nothing saved, the diagnosis is shown',
    from: running('reset', 'abcdefghijklmnop'),
    action: answer(outgoingFailed(undefined), false),
    to: {
      kind: 'finished',
      mode: 'reset',
      saved: false,
      run: { report: { outgoing: { cause: 'invalid_credentials' } } },
    },
  },
  {
    name: 'a reset whose answer lacks `saved` is not taken as saved',
    from: running('reset', 'abcdefghijklmnop'),
    action: answer(BOTH_PASSED),
    to: { kind: 'finished', saved: false },
  },
]

describe('account checks: re-test', () => runReducerTable(accountCheckReducer, retest_rows))
describe('account checks: reset', () => runReducerTable(accountCheckReducer, reset_rows))
describe('account checks: the new password', () => {
  it.each([
    ['saved', answer(BOTH_PASSED, true)],
    ['refused', answer(outgoingFailed(undefined), false)],
    [
      'failed to run',
      { type: 'checkFinished', testId: 't1', result: { ok: false, error: { code: 'INTERNAL', message: 'x' } } },
    ],
  ] as [string, AccountCheckAction][])('is not kept once the check ends (%s)', (_, action) => {
    const next = accountCheckReducer(running('reset', 'abcdefghijklmnop'), action)
    expect(JSON.stringify(next)).not.toContain('abcdefghijklmnop')
  })
})
