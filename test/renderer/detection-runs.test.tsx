import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { wizardReducer } from '../../src/renderer/src/wizard/wizard-reducer.js'
import type { WizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import type { DetectedSettings } from '../../src/shared/ipc/contract.js'
import type { Result } from '../../src/shared/result.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { GMAIL_DETECTED, OUTLOOK_DETECTED } from './fixtures.js'
import { address } from './reducer-table.js'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ok = (value: DetectedSettings): Result<DetectedSettings> => ({ ok: true, value })
const EMAIL = 'alice@office.example'

function run(state: WizardState, ...actions: Parameters<typeof wizardReducer>[1][]): WizardState {
  return actions.reduce(wizardReducer, state)
}

describe('discovery runs: the newest one wins (issue 14)', () => {
  it('an earlier run that answers last never overwrites the newer one', () => {
    const state = run(
      address(EMAIL),
      { type: 'detectionStarted', email: EMAIL, runId: 'run-1' },
      { type: 'plainHttpAllowed' },
      { type: 'detectionStarted', email: EMAIL, runId: 'run-2' },
      { type: 'detectionFinished', email: EMAIL, runId: 'run-2', result: ok(OUTLOOK_DETECTED) },
      { type: 'detectionFinished', email: EMAIL, runId: 'run-1', result: ok(GMAIL_DETECTED) },
    )
    expect(state).toMatchObject({ detection: { status: 'found', settings: OUTLOOK_DETECTED } })
  })

  it('an earlier run answering while the newer one runs is dropped: the newer one is still awaited', () => {
    const state = run(
      address(EMAIL),
      { type: 'detectionStarted', email: EMAIL, runId: 'run-1' },
      { type: 'detectionStarted', email: EMAIL, runId: 'run-2' },
      { type: 'detectionFinished', email: EMAIL, runId: 'run-1', result: ok(GMAIL_DETECTED) },
    )
    expect(state).toMatchObject({ detection: { status: 'detecting', runId: 'run-2' } })
  })

  it('a run replaced by "look again over plain HTTP" is dropped even before the new one starts', () => {
    const state = run(
      address(EMAIL),
      { type: 'detectionStarted', email: EMAIL, runId: 'run-1' },
      { type: 'plainHttpAllowed' },
      { type: 'detectionFinished', email: EMAIL, runId: 'run-1', result: ok(GMAIL_DETECTED) },
    )
    expect(state).toMatchObject({ detection: { status: 'idle' }, allowHttp: true })
  })

  it('a cancelled run says nothing about the address', () => {
    const from = run(address(EMAIL), { type: 'detectionStarted', email: EMAIL, runId: 'run-1' })
    const next = wizardReducer(from, {
      type: 'detectionFinished',
      email: EMAIL,
      runId: 'run-1',
      result: { ok: false, error: { code: 'CANCELLED', message: 'The lookup was stopped.' } },
    })
    expect(next).toBe(from)
  })
})

describe('typing an address', () => {
  it('asks nothing while the domain is incomplete (alice@example.c), then cancels the run the user typed past', async () => {
    const fake = installFakeMailkey()
    const first = pending<Result<DetectedSettings>>()
    const second = pending<Result<DetectedSettings>>()
    fake.api.detectProvider.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)
    render(<Wizard onSaved={() => undefined} />)
    const user = userEvent.setup()
    const email = screen.getByLabelText<HTMLInputElement>('Email address')

    // not yet a domain that can exist: no lookup at all, however long the pause
    await user.type(email, 'alice@example.c')
    await pause(400)
    expect(fake.api.detectProvider).not.toHaveBeenCalled()

    // complete: looked up after the pause
    await user.type(email, 'o')
    await pause(400)
    expect(fake.api.detectProvider).toHaveBeenCalledTimes(1)
    expect(fake.api.detectProvider).toHaveBeenLastCalledWith({ email: 'alice@example.co' })

    // typed on: the first run is cancelled in main at once, the new address looked up after the pause
    await user.type(email, 'm')
    expect(fake.api.cancelDetection).toHaveBeenCalledWith({ email: 'alice@example.co' })
    await pause(400)
    expect(fake.api.detectProvider).toHaveBeenLastCalledWith({ email: 'alice@example.com' })

    // the newer run answers first, the older one last: the newer one stays on screen
    await act(() => second.resolve(ok(OUTLOOK_DETECTED)))
    expect(await screen.findByText('Outlook.com')).toBeTruthy()
    await act(() => first.resolve(ok(GMAIL_DETECTED)))
    expect(screen.queryByText('Gmail')).toBeNull()
    expect(screen.getByText('Outlook.com')).toBeTruthy()
  })
})
