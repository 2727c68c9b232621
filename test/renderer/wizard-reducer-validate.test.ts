import { describe } from 'vitest'
import type { ValidateResult } from '../../src/shared/ipc/contract.js'
import type { Result } from '../../src/shared/result.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import type { WizardAction, WizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import { account, APP_PASSWORD, arrived, BOTH_PASSED, gmailSetup, outgoingFailed } from './fixtures.js'
import { finished, runTable, testing, TESTED, type Row } from './reducer-table.js'

/** Validate and save on the test step: the opt-in, the live re-test, and both verdicts. */

const PROVE = gmailSetup({ proveDelivery: true })
const passed = finished(BOTH_PASSED, PROVE)
const validating = (state: WizardState = passed): WizardState =>
  state.step === 'test' && state.run.status === 'finished'
    ? { ...state, run: { ...state.run, save: { status: 'validating', run: startRun('v1', TESTED) } } }
    : state
const verdict = (value: ValidateResult, testId = 'v1'): WizardAction => ({
  type: 'validationFinished',
  testId,
  result: { ok: true, value } as Result<ValidateResult>,
})
const NOT_ARRIVED = {
  outcome: 'not-arrived' as const,
  ms: 60_000,
  title: 'The test message did not arrive within 60 seconds',
  explanation: 'The server accepted it but it has not reached the inbox.',
}

const rows: Row[] = [
  {
    name: 'the box is part of what was entered, so a retry keeps it',
    from: finished(BOTH_PASSED),
    action: { type: 'deliveryProofToggled', on: true },
    to: { step: 'test', setup: { proveDelivery: true, password: APP_PASSWORD } },
  },
  {
    name: 'the box does not change while validating',
    from: validating(),
    action: { type: 'deliveryProofToggled', on: false },
    to: 'same',
  },
  {
    name: 'validation starts from a test both servers passed, under its own test id',
    from: passed,
    action: { type: 'validationStarted', testId: 'v1' },
    to: { run: { status: 'finished', save: { status: 'validating', run: { status: 'running', testId: 'v1' } } } },
  },
  {
    name: 'no validation of a failed test',
    from: finished(outgoingFailed(undefined), PROVE),
    action: { type: 'validationStarted', testId: 'v1' },
    to: 'same',
  },
  {
    name: 'no validation while one runs',
    from: validating(),
    action: { type: 'validationStarted', testId: 'v2' },
    to: 'same',
  },
  {
    name: 'no validation while the test runs',
    from: testing(PROVE),
    action: { type: 'validationStarted', testId: 'v1' },
    to: 'same',
  },
  {
    name: 'the validation’s own test is shown live',
    from: validating(),
    action: { type: 'stageEvent', event: { testId: 'v1', side: 'incoming', stage: 'auth', state: 'running', ms: 0 } },
    to: { run: { save: { run: { progress: { incoming: { auth: { state: 'running' } } } } } } },
  },
  {
    name: 'events of the finished test or others are ignored',
    from: validating(),
    action: { type: 'stageEvent', event: { testId: 't1', side: 'incoming', stage: 'auth', state: 'done', ms: 4 } },
    to: 'same',
  },
  {
    name: 'saved: done, the password forgotten, the delivery proof kept',
    from: validating(),
    action: verdict({ saved: true, report: BOTH_PASSED, roundTrip: arrived('alice@gmail.com'), account: account() }),
    to: {
      step: 'done',
      setup: { password: '' },
      account: { id: 'acc1' },
      delivery: { outcome: 'arrived' },
    },
  },
  {
    name: 'the message did not arrive: nothing saved, why, and everything typed kept',
    from: validating(),
    action: verdict({
      saved: false,
      report: BOTH_PASSED,
      roundTrip: NOT_ARRIVED,
      reason: 'The validation message did not prove delivery. Nothing was saved.',
    }),
    to: {
      step: 'test',
      setup: { password: APP_PASSWORD, proveDelivery: true },
      run: {
        status: 'finished',
        testId: 'v1',
        save: {
          status: 'not-validated',
          reason: 'The validation message did not prove delivery. Nothing was saved.',
          roundTrip: { outcome: 'not-arrived' },
        },
      },
    },
  },
  {
    name: 'a server refused now: its fresh diagnosis replaces the old report',
    from: validating(),
    action: verdict({
      saved: false,
      report: outgoingFailed(undefined),
      reason: 'A server did not accept the settings, so nothing was saved.',
    }),
    to: {
      step: 'test',
      run: {
        report: { outgoing: { ok: false, cause: 'invalid_credentials' } },
        save: { status: 'not-validated', reason: 'A server did not accept the settings, so nothing was saved.' },
      },
    },
  },
  {
    name: 'a verdict for another validation is ignored',
    from: validating(),
    action: verdict({ saved: true, report: BOTH_PASSED, account: account() }, 'old'),
    to: 'same',
  },
  {
    name: 'a validation that could not run says why',
    from: validating(),
    action: {
      type: 'validationFinished',
      testId: 'v1',
      result: { ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'The keychain is locked.' } },
    },
    to: { step: 'test', run: { save: { status: 'failed', message: 'The keychain is locked.' } } },
  },
  {
    name: 'a stopped validation saved nothing and says so, with the earlier report kept',
    from: validating(),
    action: {
      type: 'validationFinished',
      testId: 'v1',
      result: { ok: false, error: { code: 'CANCELLED', message: 'The test was cancelled.' } },
    },
    to: {
      step: 'test',
      setup: { proveDelivery: true, password: APP_PASSWORD },
      run: {
        status: 'finished',
        report: BOTH_PASSED,
        save: {
          status: 'not-validated',
          reason:
            'You stopped the validation, so nothing was saved. A validation message already sent may still arrive.',
        },
      },
    },
  },
  {
    name: 'a plain save cannot start while validating',
    from: validating(),
    action: { type: 'saveStarted' },
    to: 'same',
  },
]

describe('wizard reducer: validate and save', () => runTable(rows))
