import { describe, expect, it } from 'vitest'
import { wizardReducer } from '../../src/renderer/src/wizard/wizard-reducer.js'
import type { OAuthDraft } from '../../src/renderer/src/lib/oauth-draft.js'
import { SIGN_IN_FOR_NEW_SERVER } from '../../src/renderer/src/wizard/test-transitions.js'
import { serversState } from '../../src/renderer/src/wizard/wizard-state.js'
import { APP_PASSWORD, BOTH_PASSED, gmailSetup, outgoingFailed } from './fixtures.js'
import { errored, finished, fix, ok, runTable, TESTED, testing, type Row } from './reducer-table.js'

/** The wizard's transitions from the test on: progress, results, retry, cancel, fixes, saving. */

const EVENT = { testId: 't1', side: 'incoming', stage: 'dns', state: 'done', ms: 4 } as const
const test_rows: Row[] = [
  {
    name: 'a stage event of this test is recorded',
    from: testing(),
    action: { type: 'stageEvent', event: EVENT },
    to: { run: { progress: { incoming: { dns: { state: 'done', ms: 4 } }, outgoing: {} } } },
  },
  {
    name: 'a stage event of another test is ignored',
    from: testing(),
    action: { type: 'stageEvent', event: { ...EVENT, testId: 'old' } },
    to: 'same',
  },
  {
    name: 'a stage event after the run finished is ignored',
    from: finished(BOTH_PASSED),
    action: { type: 'stageEvent', event: EVENT },
    to: 'same',
  },
  {
    name: 'the report finishes the run',
    from: testing(),
    action: { type: 'testFinished', testId: 't1', result: ok(BOTH_PASSED) },
    to: { run: { status: 'finished', report: BOTH_PASSED, save: { status: 'idle' } } },
  },
  {
    name: 'a report of another test is ignored',
    from: testing(),
    action: { type: 'testFinished', testId: 'old', result: ok(BOTH_PASSED) },
    to: 'same',
  },
  {
    name: 'cancelling marks the run',
    from: testing(),
    action: { type: 'cancelRequested' },
    to: { run: { status: 'running', cancelling: true } },
  },
  {
    name: 'CANCELLED returns to the servers with everything kept',
    from: testing(),
    action: { type: 'testFinished', testId: 't1', result: { ok: false, error: { code: 'CANCELLED', message: 'x' } } },
    to: {
      step: 'servers',
      setup: { password: APP_PASSWORD, email: 'alice@gmail.com' },
      notice: expect.stringContaining('cancelled') as unknown,
    },
  },
  {
    name: 'an error result is shown, not thrown',
    from: testing(),
    action: {
      type: 'testFinished',
      testId: 't1',
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'bad host' } },
    },
    to: { step: 'test', run: { status: 'error', error: { code: 'INVALID_INPUT', message: 'bad host' } } },
  },
  {
    name: 'retry after a result starts a new run with the same setup',
    from: finished(outgoingFailed({ kind: 'retry-later', label: 'Later' })),
    action: { type: 'testRequested', testId: 't2' },
    to: { step: 'test', setup: { password: APP_PASSWORD }, run: { status: 'running', testId: 't2' } },
  },
  {
    name: 'retry after an error',
    from: errored(),
    action: { type: 'testRequested', testId: 't2' },
    to: { run: { status: 'running', testId: 't2' } },
  },
  {
    name: 'no second run while one runs',
    from: testing(),
    action: { type: 'testRequested', testId: 't2' },
    to: 'same',
  },
  {
    name: 'saving is marked',
    from: finished(BOTH_PASSED),
    action: { type: 'saveStarted' },
    to: { run: { save: { status: 'saving' } } },
  },
  {
    name: 'a failed save is shown',
    from: finished(BOTH_PASSED),
    action: { type: 'saveFailed', message: 'keychain locked' },
    to: { run: { save: { status: 'failed', message: 'keychain locked' } } },
  },
  { name: 'no saving while running', from: testing(), action: { type: 'saveStarted' }, to: 'same' },
]

const FAILED = finished(outgoingFailed(undefined))
const fix_rows: Row[] = [
  {
    name: 'switch-security changes the outgoing server and re-runs',
    from: FAILED,
    action: fix({ kind: 'switch-security', port: 587, security: 'starttls', label: 'x' }),
    to: {
      step: 'test',
      setup: { outgoing: { host: 'smtp.gmail.com', port: '587', security: 'starttls' } },
      run: {
        status: 'running',
        testId: 't2',
        tested: { outgoing: { host: 'smtp.gmail.com', port: 587, security: 'starttls' }, incoming: TESTED.incoming },
      },
    },
  },
  {
    name: 'switch-security on the incoming side',
    from: FAILED,
    action: fix({ kind: 'switch-security', port: 143, security: 'starttls', label: 'x' }, 'incoming'),
    to: {
      run: { status: 'running', tested: { incoming: { port: 143, security: 'starttls' }, outgoing: TESTED.outgoing } },
    },
  },
  {
    name: 'a fix never switches encryption off',
    from: FAILED,
    action: fix({ kind: 'switch-security', port: 25, security: 'none', label: 'x' }),
    to: {
      step: 'servers',
      editing: true,
      focus: { side: 'outgoing', field: 'port' },
      setup: { outgoing: { port: '465', security: 'tls' } },
    },
  },
  {
    name: 'switch-username re-runs once with the other sign-in name, servers unchanged',
    from: FAILED,
    action: fix({ kind: 'switch-username', username: 'alice', label: 'x' }, 'incoming'),
    to: {
      step: 'test',
      setup: { username: 'alice', email: 'alice@gmail.com' },
      run: { status: 'running', testId: 't2', tested: TESTED },
    },
  },
  {
    name: 'replace-password → the password step',
    from: FAILED,
    action: fix({ kind: 'replace-password', label: 'x' }),
    to: { step: 'password', setup: { password: APP_PASSWORD } },
  },
  {
    name: 'check the password → the password step',
    from: FAILED,
    action: fix({ kind: 'check-settings', field: 'password', label: 'x' }),
    to: { step: 'password' },
  },
  {
    name: 'check the address → the address step',
    from: FAILED,
    action: fix({ kind: 'check-settings', field: 'email', label: 'x' }),
    to: { step: 'address', email: 'alice@gmail.com' },
  },
  {
    name: 'check the host → the editor on that host',
    from: FAILED,
    action: fix({ kind: 'check-settings', field: 'host', label: 'x' }),
    to: { step: 'servers', editing: true, focus: { side: 'outgoing', field: 'host' } },
  },
  {
    name: 'check the username → the editor on it',
    from: FAILED,
    action: fix({ kind: 'check-settings', field: 'username', label: 'x' }, 'incoming'),
    to: { step: 'servers', focus: { side: 'incoming', field: 'username' } },
  },
  {
    name: 'open-url changes no state (the browser opens)',
    from: FAILED,
    action: fix({ kind: 'open-url', url: 'https://x', label: 'x' }),
    to: 'same',
  },
  { name: 'retry-later is advice only', from: FAILED, action: fix({ kind: 'retry-later', label: 'x' }), to: 'same' },
  {
    name: 'no fix while a test runs',
    from: testing(),
    action: fix({ kind: 'replace-password', label: 'x' }),
    to: 'same',
  },
]

describe('wizard reducer: test, retry and cancel', () => runTable(test_rows))
describe('wizard reducer: fixes', () => runTable(fix_rows))

describe('wizard reducer: switch-username', () => {
  it('tries the other name on the click only: a second refusal stops with its result, no further attempt', () => {
    const retried = wizardReducer(FAILED, fix({ kind: 'switch-username', username: 'alice', label: 'x' }))
    const refusedAgain = wizardReducer(retried, {
      type: 'testFinished',
      testId: 't2',
      result: ok(outgoingFailed(undefined)),
    })
    expect(refusedAgain).toMatchObject({ step: 'test', setup: { username: 'alice' }, run: { status: 'finished' } })
  })

  it('sending refused with a login of its own: the click renames that login, not the receiving one', () => {
    const setup = { ...gmailSetup(), outgoingLogin: { username: 'relay', password: '' } }
    const split = finished(outgoingFailed(undefined), setup)
    const next = wizardReducer(split, fix({ kind: 'switch-username', username: 'relay@gmail.com', label: 'x' }))
    expect(next).toMatchObject({
      step: 'test',
      setup: { username: setup.username, outgoingLogin: { username: 'relay@gmail.com' } },
      run: { status: 'running' },
    })
  })
})

describe('wizard reducer: a saved OAuth sign-in and changed servers', () => {
  const signIn: OAuthDraft = {
    provider: 'google',
    clientId: 'client-1',
    clientSecret: '',
    authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenEndpoint: 'https://oauth2.googleapis.com/token',
    revocationEndpoint: '',
    scope: 'https://mail.google.com/',
    issuer: '',
    grant: null,
  }
  const edited = { ...gmailSetup(), accountId: 'acc1', password: '', signIn }

  it('main refusing the saved sign-in for other servers leads back to signing in, with why (never a password field)', () => {
    const next = wizardReducer(testing(edited), {
      type: 'testFinished',
      testId: 't1',
      result: { ok: false, error: { code: 'PASSWORD_REQUIRED', message: 'x' } },
    })
    expect(next).toMatchObject({
      step: 'sign-in',
      setup: { signIn: { provider: 'google', clientId: 'client-1', grant: null } },
      flow: { status: 'idle', notice: SIGN_IN_FOR_NEW_SERVER },
    })
  })

  it('a server changed in the editor: the test does not start, the sign-in step asks for a new sign-in', () => {
    const moved = { ...edited, incoming: { ...edited.incoming, host: 'imap.elsewhere.example' } }
    const next = wizardReducer(serversState(moved), { type: 'testRequested', testId: 't2' })
    expect(next).toMatchObject({ step: 'sign-in', flow: { status: 'idle', notice: SIGN_IN_FOR_NEW_SERVER } })
  })
})

describe('wizard reducer: purity', () => {
  it('never mutates the state it is given', () => {
    const from = finished(outgoingFailed(undefined))
    const snapshot = structuredClone(from)
    wizardReducer(from, fix({ kind: 'switch-security', port: 587, security: 'starttls', label: 'x' }))
    expect(from).toEqual(snapshot)
  })
})
