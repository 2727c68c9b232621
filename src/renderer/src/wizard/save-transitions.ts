import type { AccountView } from '../../../shared/account.js'
import type { ValidateResult } from '../../../shared/ipc/contract.js'
import type { RoundTripReport, StageEvent, TestReport } from '../../../shared/report.js'
import type { Result } from '../../../shared/result.js'
import {
  mailWorks,
  startRun,
  withEvent,
  type FinishedTest,
  type SaveState,
  type TestRun,
} from '../test-view/test-run.js'
import type { At, WizardState } from './wizard-state.js'

type Finished = At<'test'> & { run: FinishedTest }

function finishedTest(state: WizardState): state is Finished {
  return state.step === 'test' && state.run.status === 'finished'
}

/** Saving or validating: the test step waits for main and offers nothing else. */
export function saveBusy(save: SaveState): boolean {
  return save.status === 'saving' || save.status === 'validating'
}

const STOPPED = 'You stopped the validation, so nothing was saved. A validation message already sent may still arrive.'

export type ValidationSave = Extract<SaveState, { status: 'validating' } | { status: 'not-validated' }>

/** Validate and save under way, or its "not saved" verdict: what the validation panel shows. */
export function validationOf(run: TestRun): ValidationSave | null {
  if (run.status !== 'finished') return null
  const { save } = run
  return save.status === 'validating' || save.status === 'not-validated' ? save : null
}

function withSave(state: Finished, save: SaveState): WizardState {
  return { ...state, run: { ...state.run, save } }
}

/** The secret is in the keychain now; the wizard forgets it. */
function done(state: Finished, account: AccountView, report: TestReport, delivery?: RoundTripReport): WizardState {
  return {
    step: 'done',
    setup: { ...state.setup, password: '' },
    account,
    report,
    ...(delivery ? { delivery } : {}),
  }
}

export function saveStarted(state: WizardState): WizardState {
  return finishedTest(state) && !saveBusy(state.run.save) ? withSave(state, { status: 'saving' }) : state
}

export function saveFailed(state: WizardState, message: string): WizardState {
  return finishedTest(state) && state.run.save.status !== 'validating'
    ? withSave(state, { status: 'failed', message })
    : state
}

export function saved(state: WizardState, account: AccountView): WizardState {
  return finishedTest(state) ? done(state, account, state.run.report) : state
}

/** "Prove delivery" on or off; the choice is part of what the user entered, so it survives a retry. */
export function proofToggled(state: WizardState, on: boolean): WizardState {
  if (!finishedTest(state) || saveBusy(state.run.save)) return state
  return { ...state, setup: { ...state.setup, proveDelivery: on } }
}

/** Validate and save: only from a test both servers passed; main tests them again under `testId`. */
export function validationStarted(state: WizardState, testId: string): WizardState {
  if (!finishedTest(state) || saveBusy(state.run.save) || !mailWorks(state.run)) return state
  return withSave(state, { status: 'validating', run: startRun(testId, state.run.tested) })
}

/** A live stage of the validation's own test of both servers. */
export function validationEvent(state: WizardState, event: StageEvent): WizardState {
  if (!finishedTest(state) || state.run.save.status !== 'validating') return state
  const run = withEvent(state.run.save.run, event)
  if (run === state.run.save.run || run.status !== 'running') return state
  return withSave(state, { status: 'validating', run })
}

/**
 * Saved only when main says so. Otherwise nothing was saved, and the test step shows what the servers
 * said just now (the validation's own test) and why the account was not saved, with everything typed kept.
 */
export function validationFinished(state: WizardState, testId: string, result: Result<ValidateResult>): WizardState {
  if (!finishedTest(state)) return state
  const { save, tested } = state.run
  if (save.status !== 'validating' || save.run.testId !== testId) return state
  if (!result.ok) {
    if (result.error.code === 'CANCELLED') return withSave(state, { status: 'not-validated', reason: STOPPED })
    return withSave(state, { status: 'failed', message: result.error.message })
  }
  const v = result.value
  if (v.saved && v.account) return done(state, v.account, v.report, v.roundTrip)
  return {
    ...state,
    run: {
      status: 'finished',
      testId,
      tested,
      report: v.report,
      save: {
        status: 'not-validated',
        reason: v.reason ?? 'The settings were not proven, so nothing was saved.',
        ...(v.roundTrip ? { roundTrip: v.roundTrip } : {}),
      },
    },
  }
}
