import { describe, expect, it } from 'vitest'
import type { Diagnosis } from '../../src/shared/diagnosis.js'
import {
  explainInput,
  explainReducer,
  initialExplainState,
  willExplain,
  type ExplainAction,
  type ExplainState,
} from '../../src/renderer/src/explain/explain-state.js'
import { runReducerTable, type TableRow } from './reducer-table.js'

/** "Explain an error" as a table: typing, the request, late answers. */

type Row = TableRow<ExplainState, ExplainAction>

const DIAGNOSIS: Diagnosis = {
  cause: 'app_password_required',
  title: 'Google needs an app password for Mailkey',
  explanation: 'Your Google password only works in the web browser.',
  serverText: '534-5.7.9 Application-specific password required.',
  fix: { kind: 'open-url', url: 'https://myaccount.google.com/apppasswords', label: 'Open App passwords' },
}
const typed = (text: string, extra: Partial<ExplainState> = {}): ExplainState => ({
  ...initialExplainState,
  text,
  ...extra,
})
const asking = (id = 1): ExplainState => typed('534-5.7.9', { request: { status: 'explaining', requestId: id } })

const rows: Row[] = [
  { name: 'typing', from: initialExplainState, action: { type: 'textChanged', text: '535' }, to: { text: '535' } },
  {
    name: 'choosing where it happened',
    from: typed('535'),
    action: { type: 'protocolChanged', protocol: 'smtp' },
    to: { protocol: 'smtp' },
  },
  {
    name: 'Explain with nothing pasted says so and asks nothing',
    from: typed('   '),
    action: { type: 'submitted', requestId: 1 },
    to: { problem: 'Paste the error message.', request: { status: 'idle' } },
  },
  {
    name: 'Explain with more than any error message says so',
    from: typed('x'.repeat(10_001)),
    action: { type: 'submitted', requestId: 1 },
    to: { problem: 'That is too long for one error message.', request: { status: 'idle' } },
  },
  {
    name: 'fixing the text clears the problem',
    from: typed('', { problem: 'Paste the error message.' }),
    action: { type: 'textChanged', text: '535 denied' },
    to: { problem: null },
  },
  {
    name: 'Explain asks main',
    from: typed('534-5.7.9'),
    action: { type: 'submitted', requestId: 1 },
    to: { problem: null, request: { status: 'explaining', requestId: 1 } },
  },
  {
    name: 'Explain while asking is ignored',
    from: asking(1),
    action: { type: 'submitted', requestId: 2 },
    to: 'same',
  },
  {
    name: 'the answer is shown',
    from: asking(1),
    action: { type: 'finished', requestId: 1, result: { ok: true, value: DIAGNOSIS } },
    to: { request: { status: 'explained', requestId: 1, diagnosis: DIAGNOSIS } },
  },
  {
    name: 'a failure is shown with main’s words',
    from: asking(1),
    action: {
      type: 'finished',
      requestId: 1,
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'nope' } },
    },
    to: { request: { status: 'failed', message: 'nope' } },
  },
  {
    name: 'a late answer to an older request is dropped',
    from: asking(2),
    action: { type: 'finished', requestId: 1, result: { ok: true, value: DIAGNOSIS } },
    to: 'same',
  },
  {
    name: 'a new question after an answer asks again',
    from: typed('535', { request: { status: 'explained', requestId: 1, diagnosis: DIAGNOSIS } }),
    action: { type: 'submitted', requestId: 2 },
    to: { request: { status: 'explaining', requestId: 2 } },
  },
]

describe('explain an error: transitions', () => runReducerTable(explainReducer, rows))

describe('explain an error: what main is asked', () => {
  it('sends the protocol only when one was chosen', () => {
    expect(explainInput(typed('535'))).toEqual({ text: '535' })
    expect(explainInput(typed('535', { protocol: 'imap' }))).toEqual({ text: '535', protocol: 'imap' })
  })
  it('asks only with text and nothing in flight', () => {
    expect(willExplain(typed(''))).toBe(false)
    expect(willExplain(asking())).toBe(false)
    expect(willExplain(typed('535'))).toBe(true)
  })
})
