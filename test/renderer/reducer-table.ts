import { expect, it } from 'vitest'
import type { Fix } from '../../src/shared/diagnosis.js'
import type { TestReport } from '../../src/shared/report.js'
import type { Result } from '../../src/shared/result.js'
import { startRun, type TestRun } from '../../src/renderer/src/test-view/test-run.js'
import type { Setup } from '../../src/renderer/src/wizard/setup.js'
import { wizardReducer } from '../../src/renderer/src/wizard/wizard-reducer.js'
import { initialWizardState, type WizardAction, type WizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import { GMAIL_DETECTED, gmailSetup } from './fixtures.js'

/** Builders for the reducer tables: one state per step, in the shapes the wizard reaches them. */

export const TESTED = {
  incoming: { protocol: 'imap' as const, host: 'imap.gmail.com', port: 993, security: 'tls' as const },
  outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' as const },
}

export function address(email: string, extra: Partial<Extract<WizardState, { step: 'address' }>> = {}): WizardState {
  return { ...initialWizardState, email, ...extra }
}
export const found = (email: string, settings = GMAIL_DETECTED) => ({ status: 'found' as const, email, settings })
export const testing = (setup: Setup = gmailSetup(), run: TestRun = startRun('t1', TESTED)): WizardState => ({
  step: 'test',
  setup,
  run,
})
export const finished = (report: TestReport, setup: Setup = gmailSetup()): WizardState =>
  testing(setup, { status: 'finished', testId: 't1', tested: TESTED, report, save: { status: 'idle' } })
export const errored = (): WizardState =>
  testing(gmailSetup(), { status: 'error', testId: 't1', tested: TESTED, error: { code: 'INTERNAL', message: 'x' } })
export const fix = (f: Fix, side: 'incoming' | 'outgoing' = 'outgoing'): WizardAction => ({
  type: 'fixApplied',
  side,
  fix: f,
  testId: 't2',
})
export const ok = (report: TestReport): Result<TestReport> => ({ ok: true, value: report })

export interface TableRow<S, A> {
  name: string
  from: S
  action: A
  /** A partial shape of the next state, or 'same' when the action must change nothing. */
  to: Record<string, unknown> | 'same'
}

export type Row = TableRow<WizardState, WizardAction>

/** One test per row of any pure reducer: `from` + `action` must give `to`. */
export function runReducerTable<S, A>(reducer: (state: S, action: A) => S, rows: TableRow<S, A>[]): void {
  it.each(rows)('$name', ({ from, action, to }) => {
    const next = reducer(from, action)
    if (to === 'same') expect(next).toBe(from)
    else expect(next).toMatchObject(to)
  })
}

/** The wizard's table. */
export function runTable(rows: Row[]): void {
  runReducerTable(wizardReducer, rows)
}
