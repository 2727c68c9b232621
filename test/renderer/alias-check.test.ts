import { describe, expect, it } from 'vitest'
import type { AliasCheckResult } from '../../src/shared/ipc/contract.js'
import type { Server, Stage } from '../../src/shared/mail.js'
import type { Result } from '../../src/shared/result.js'
import {
  aliasCheckReducer,
  awaitingRoundTrip,
  CHECK_OPTIONS,
  senderRows,
  type AliasCheck,
  type AliasCheckAction,
} from '../../src/renderer/src/aliases/alias-check.js'
import type { LiveStage } from '../../src/renderer/src/test-view/test-run.js'
import { account, passed, rewritten, senderRefused } from './fixtures.js'
import { runReducerTable, type TableRow } from './reducer-table.js'

/** One alias check, level by level, as a table of transitions. */

type Row = TableRow<AliasCheck, AliasCheckAction>
const SMTP: Server = { host: 'smtp.gmail.com', port: 465, security: 'tls' }
const ADDRESS = 'sales@example.org'

type Running = Extract<AliasCheck, { status: 'running' }>
const running = (roundTrip = true, extra: Partial<Running> = {}): Running => ({
  status: 'running',
  testId: 't1',
  roundTrip,
  smtp: SMTP,
  progress: {},
  cancelling: false,
  ...extra,
})
const answer = (value: Omit<AliasCheckResult, 'account'>, testId = 't1'): AliasCheckAction => ({
  type: 'checkFinished',
  testId,
  result: { ok: true, value: { ...value, account: account() } },
})
const failure = (code: 'CANCELLED' | 'NOT_FOUND', message: string): AliasCheckAction => ({
  type: 'checkFinished',
  testId: 't1',
  result: { ok: false, error: { code, message } } as Result<AliasCheckResult>,
})
const accepted = passed('smtp', 'smtp.gmail.com', 465)

const rows: Row[] = [
  {
    name: 'the round trip is off until asked for',
    from: CHECK_OPTIONS,
    action: { type: 'roundTripToggled', on: true },
    to: { status: 'options', roundTrip: true },
  },
  {
    name: 'starting keeps the choice and names the server level 1 talks to',
    from: { status: 'options', roundTrip: true },
    action: { type: 'checkStarted', testId: 't1', smtp: SMTP },
    to: { status: 'running', testId: 't1', roundTrip: true, smtp: SMTP, progress: {}, cancelling: false },
  },
  {
    name: 'no second start while one runs',
    from: running(),
    action: { type: 'checkStarted', testId: 't2', smtp: SMTP },
    to: 'same',
  },
  {
    name: 'the round-trip choice cannot change once running',
    from: running(false),
    action: { type: 'roundTripToggled', on: true },
    to: 'same',
  },
  {
    name: 'a sender-check stage is shown live',
    from: running(),
    action: { type: 'stageEvent', event: { testId: 't1', side: 'outgoing', stage: 'dns', state: 'done', ms: 3 } },
    to: { progress: { dns: { state: 'done', ms: 3 } } },
  },
  {
    name: 'a stage of another test is ignored',
    from: running(),
    action: { type: 'stageEvent', event: { testId: 'x', side: 'outgoing', stage: 'dns', state: 'done', ms: 3 } },
    to: 'same',
  },
  {
    name: 'Escape marks the check as cancelling',
    from: running(),
    action: { type: 'cancelRequested' },
    to: { status: 'running', cancelling: true },
  },
  {
    name: 'level 1 accepted, level 2 rewritten: both kept, each on its own',
    from: running(),
    action: answer({ sender: accepted, roundTrip: rewritten(ADDRESS) }),
    to: {
      status: 'finished',
      testId: 't1',
      roundTrip: true,
      result: { sender: { ok: true }, roundTrip: { outcome: 'rewritten' } },
    },
  },
  {
    name: 'level 1 refused: no round trip in the result',
    from: running(),
    action: answer({ sender: senderRefused(ADDRESS) }),
    to: { status: 'finished', result: { sender: { ok: false, cause: 'sender_not_allowed' } } },
  },
  {
    name: 'an answer for another test is ignored',
    from: running(),
    action: answer({ sender: accepted }, 'old'),
    to: 'same',
  },
  {
    name: 'a check that could not run says why',
    from: running(),
    action: failure('NOT_FOUND', 'The saved password for this alias is missing from the keychain.'),
    to: { status: 'error', message: 'The saved password for this alias is missing from the keychain.' },
  },
  {
    name: '"Check again" goes back to the choice as it was made',
    from: { status: 'error', roundTrip: true, message: 'x' },
    action: { type: 'optionsReopened' },
    to: { status: 'options', roundTrip: true },
  },
  {
    name: '"Check again" does nothing while running',
    from: running(),
    action: { type: 'optionsReopened' },
    to: 'same',
  },
]

describe('alias check reducer', () => {
  // null (the check is over) is asserted on its own below
  runReducerTable((s: AliasCheck, a: AliasCheckAction) => aliasCheckReducer(s, a) ?? s, rows)

  it('a cancelled check is over: the panel closes', () => {
    expect(aliasCheckReducer(running(), failure('CANCELLED', 'The test was cancelled.'))).toBeNull()
  })
})

describe('level 1 and level 2 while running', () => {
  const live = (stages: Stage[], state: LiveStage['state'] = 'done'): Partial<Record<Stage, LiveStage>> =>
    Object.fromEntries(stages.map((stage) => [stage, { state, ms: 1 }]))
  const allDone = live(['dns', 'connect', 'tls', 'greeting', 'auth', 'sender', 'ready'])

  it('the sender check shows every planned stage, the last one named for what it does', () => {
    expect(senderRows(running()).map((r) => [r.stage, r.state])).toEqual([
      ['dns', 'pending'],
      ['connect', 'pending'],
      ['tls', 'pending'],
      ['greeting', 'pending'],
      ['auth', 'pending'],
      ['sender', 'pending'],
      ['ready', 'pending'],
    ])
  })

  it('the round trip is under way once every stage of level 1 is done, and only when asked for', () => {
    const partly = running(true, {
      progress: { ...live(['dns', 'connect', 'tls', 'greeting', 'auth']), ...live(['sender'], 'running') },
    })
    expect(awaitingRoundTrip(partly)).toBe(false)
    expect(awaitingRoundTrip(running(true, { progress: allDone }))).toBe(true)
    expect(awaitingRoundTrip(running(false, { progress: allDone }))).toBe(false)
  })

  it('a finished check takes its rows from the report (the failed stage marked)', () => {
    const finished = aliasCheckReducer(running(), answer({ sender: senderRefused(ADDRESS) }))
    const rows = finished && finished.status === 'finished' ? senderRows(finished) : []
    expect(rows.find((r) => r.stage === 'sender')).toEqual({ stage: 'sender', state: 'failed', ms: 4 })
  })
})
