import { describe, expect, it } from 'vitest'
import { editSetup, editState } from '../../src/renderer/src/wizard/edit-setup.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import {
  addressState,
  passwordState,
  resumableState,
  serversState,
  type WizardState,
} from '../../src/renderer/src/wizard/wizard-state.js'
import { testInput, saveInput } from '../../src/renderer/src/wizard/connection-input.js'
import { account, APP_PASSWORD, BOTH_PASSED, gmailSetup } from './fixtures.js'
import { finished, fix, runTable, TESTED, testing, type Row } from './reducer-table.js'

/** Editing a saved account, the done step, and coming back from a detour, as tables. */

const SAVED = account({ incoming: { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' } })
const edit = editSetup(SAVED)

const edit_rows: Row[] = [
  {
    name: 'Continue with the password left empty keeps the saved one',
    from: passwordState(edit),
    action: { type: 'passwordSubmitted' },
    to: { step: 'servers', setup: { password: '', accountId: 'acc1' } },
  },
  {
    name: 'a replacement is checked like any app password',
    from: passwordState({ ...edit, password: 'abcd' }),
    action: { type: 'passwordSubmitted' },
    to: { step: 'password', showCheck: true },
  },
  {
    name: 'a well-formed replacement is taken',
    from: passwordState({ ...edit, password: APP_PASSWORD }),
    action: { type: 'passwordSubmitted' },
    to: { step: 'servers', setup: { password: APP_PASSWORD } },
  },
  {
    name: 'a new account still needs a password',
    from: passwordState(gmailSetup({ password: '' })),
    action: { type: 'passwordSubmitted' },
    to: { step: 'password', showCheck: true },
  },
  {
    name: 'Back from the password does not lead to the address of a saved account',
    from: passwordState(edit),
    action: { type: 'back' },
    to: 'same',
  },
  {
    name: 'Back from the servers goes to the optional password',
    from: serversState(edit),
    action: { type: 'back' },
    to: { step: 'password', setup: { accountId: 'acc1' } },
  },
  {
    name: 'a fix that names the address opens the sign-in name instead when editing',
    from: finished(BOTH_PASSED, edit),
    action: fix({ kind: 'check-settings', field: 'email', label: 'Check the address' }),
    to: { step: 'servers', editing: true, focus: { side: 'outgoing', field: 'username' } },
  },
  {
    name: 'for a new account it goes back to the address',
    from: finished(BOTH_PASSED),
    action: fix({ kind: 'check-settings', field: 'email', label: 'Check the address' }),
    to: { step: 'address', email: 'alice@gmail.com' },
  },
]

const done_rows: Row[] = [
  {
    name: 'saved: on to the done step with what was proven, the password forgotten',
    from: finished(BOTH_PASSED),
    action: { type: 'saved', account: account() },
    to: { step: 'done', account: { id: 'acc1' }, report: BOTH_PASSED, setup: { password: '' } },
  },
  {
    name: 'saved is ignored while the test runs',
    from: testing(),
    action: { type: 'saved', account: account() },
    to: 'same',
  },
  {
    name: 'no way back from done',
    from: { step: 'done', setup: gmailSetup({ password: '' }), account: account(), report: BOTH_PASSED },
    action: { type: 'back' },
    to: 'same',
  },
]

describe('wizard: editing a saved account', () => runTable(edit_rows))
describe('wizard: done', () => runTable(done_rows))

describe('wizard: an account opened for editing', () => {
  it('starts on its servers with the editor open and no password', () => {
    const state = editState(SAVED)
    expect(state).toMatchObject({ step: 'servers', editing: true, setup: { password: '', accountId: 'acc1' } })
    expect(state.setup.incoming).toEqual({ protocol: 'pop3', host: 'pop.gmail.com', port: '995', security: 'tls' })
    expect(state.setup.outgoing).toEqual({ host: 'smtp.gmail.com', port: '465', security: 'tls' })
  })

  it('offers the provider’s other protocol and outgoing server, not the saved ones again', () => {
    expect(edit.detected.incomingAlternatives).toEqual([
      { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
    ])
    expect(edit.detected.outgoingAlternatives).toEqual([{ host: 'smtp.gmail.com', port: 587, security: 'starttls' }])
  })

  it('tests and saves with the saved secret (accountId) when no password was typed', () => {
    expect(testInput(edit, 't1', TESTED)).toEqual({
      testId: 't1',
      email: 'alice@gmail.com',
      username: 'alice@gmail.com',
      accountId: 'acc1',
      incoming: TESTED.incoming,
      outgoing: TESTED.outgoing,
    })
    const save = saveInput(edit, 't1', TESTED)
    expect(save).toMatchObject({ accountId: 'acc1', testId: 't1', providerId: 'gmail' })
    expect('password' in save).toBe(false)
  })

  it('a typed replacement is sent instead, and saved along with the account id', () => {
    const replaced = { ...edit, password: APP_PASSWORD }
    expect(testInput(replaced, 't1', TESTED)).toMatchObject({ password: APP_PASSWORD })
    expect('accountId' in testInput(replaced, 't1', TESTED)).toBe(false)
    expect(saveInput(replaced, 't1', TESTED)).toMatchObject({ password: APP_PASSWORD, accountId: 'acc1' })
  })

  it('a new account never sends an account id', () => {
    expect('accountId' in saveInput(gmailSetup(), 't1', TESTED)).toBe(false)
  })
})

describe('wizard: coming back from "Explain an error"', () => {
  it('a running test does not survive leaving: back on the servers with a notice', () => {
    const next = resumableState(testing(gmailSetup(), startRun('t1', TESTED)))
    expect(next).toMatchObject({ step: 'servers', notice: expect.stringContaining('stopped') })
  })
  it('a lookup in flight starts again', () => {
    const from: WizardState = {
      ...addressState(gmailSetup()),
      detection: { status: 'detecting', email: 'alice@gmail.com' },
    }
    expect(resumableState(from)).toMatchObject({ step: 'address', detection: { status: 'idle' } })
  })
  it('anything else comes back exactly as it was', () => {
    const state = finished(BOTH_PASSED)
    expect(resumableState(state)).toBe(state)
  })
})
