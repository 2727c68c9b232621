import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ValidateResult } from '../../src/shared/ipc/contract.js'
import type { RoundTripReport } from '../../src/shared/report.js'
import type { Result } from '../../src/shared/result.js'
import type { TestedServers } from '../../src/renderer/src/test-view/test-run.js'
import type { Setup } from '../../src/renderer/src/wizard/setup.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import type { WizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account, APP_PASSWORD, arrived, BOTH_PASSED, gmailSetup, outgoingFailed } from './fixtures.js'
import { TESTED } from './reducer-table.js'

/** "Prove delivery" on the wizard's test step: validate and save instead of a plain save. */

const BOX = 'Prove delivery: send a validation message to myself before saving'
const ID = /^[A-Za-z0-9_-]{1,64}$/
const NOT_ARRIVED: RoundTripReport = {
  outcome: 'not-arrived',
  ms: 60_000,
  title: 'The test message did not arrive within 60 seconds',
  explanation: 'The server accepted it but it has not reached the inbox. It may be delayed or held as spam.',
}

function passedState(setup: Setup = gmailSetup(), tested: TestedServers = TESTED): WizardState {
  return {
    step: 'test',
    setup,
    run: { status: 'finished', testId: 't1', tested, report: BOTH_PASSED, save: { status: 'idle' } },
  }
}

function renderPassed(state = passedState()) {
  const fake = installFakeMailkey()
  const onSaved = vi.fn()
  const user = userEvent.setup()
  const view = render(<Wizard onSaved={onSaved} onClose={() => undefined} initialState={state} />)
  return { fake, onSaved, user, view }
}

const announced = () => screen.getAllByRole('status').map((s) => s.textContent ?? '')

async function startValidation() {
  const r = renderPassed()
  const answer = pending<Result<ValidateResult>>()
  r.fake.api.validateAndSave.mockReturnValueOnce(answer.promise)
  await r.user.click(screen.getByRole('checkbox', { name: BOX }))
  await r.user.click(screen.getByRole('button', { name: 'Validate and save' }))
  const testId = r.fake.api.validateAndSave.mock.calls[0]?.[0].testId ?? ''
  return { ...r, answer, testId }
}

describe('the choice', () => {
  it('is off by default: Save account saves as before, without a message', async () => {
    const { fake, user } = renderPassed()
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: BOX }).checked).toBe(false)
    fake.api.saveAccount.mockResolvedValueOnce({ ok: true, value: account() })
    await user.click(screen.getByRole('button', { name: 'Save account' }))
    expect(fake.api.saveAccount).toHaveBeenCalledTimes(1)
    expect(fake.api.validateAndSave).not.toHaveBeenCalled()
  })

  it('is offered only once both servers passed', () => {
    const failed = passedState()
    if (failed.step === 'test' && failed.run.status === 'finished') failed.run.report = outgoingFailed(undefined)
    renderPassed(failed)
    expect(screen.queryByRole('checkbox', { name: BOX })).toBeNull()
  })

  it('needs IMAP to read the message back: off for a POP3 account', () => {
    const pop = {
      ...TESTED,
      incoming: { protocol: 'pop3' as const, host: 'pop.gmail.com', port: 995, security: 'tls' as const },
    }
    renderPassed(passedState(gmailSetup({ proveDelivery: true }), pop))
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: BOX }).disabled).toBe(true)
    expect(screen.getByRole('button', { name: 'Save account' })).toBeTruthy()
  })
})

describe('validate and save', () => {
  it('asks main to test again and send the message, under a new test id, and shows it live', async () => {
    const { fake, testId } = await startValidation()
    expect(testId).toMatch(ID)
    expect(testId).not.toBe('t1')
    expect(fake.api.validateAndSave).toHaveBeenCalledWith({
      email: 'alice@gmail.com',
      displayName: 'Alice',
      username: 'alice@gmail.com',
      providerId: 'gmail',
      incoming: TESTED.incoming,
      outgoing: TESTED.outgoing,
      password: APP_PASSWORD,
      testId,
      validationMessage: true,
    })
    expect(fake.api.saveAccount).not.toHaveBeenCalled()
    const heading = screen.getByRole('heading', { name: 'Proving delivery before saving…' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByRole('button', { name: 'Validate and save' })).toHaveProperty('disabled', true)
    // leaving now would leave the answer unseen
    expect(screen.queryByRole('button', { name: 'Back to accounts' })).toBeNull()

    const steps = () => heading.parentElement?.textContent ?? ''
    act(() => fake.emit({ testId, side: 'incoming', stage: 'auth', state: 'running', ms: 0 }))
    expect(steps()).toContain('Incoming mail: signing in.')
    expect(steps()).toContain('Validation message: sent once both servers pass.')
    for (const side of ['incoming', 'outgoing'] as const)
      for (const stage of ['dns', 'connect', 'tls', 'greeting', 'auth', 'ready'] as const)
        act(() => fake.emit({ testId, side, stage, state: 'done', ms: 2 }))
    expect(steps()).toContain('Validation message: sent to alice@gmail.com, waiting for it to arrive')
    expect(announced()).toContain(
      'Both servers work. Sending the validation message to alice@gmail.com and waiting for it.',
    )
  })

  it('Escape stops it: main is told, nothing is saved, and everything typed is kept', async () => {
    const { fake, user, answer, testId } = await startValidation()
    await user.keyboard('{Escape}')
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId })
    expect(screen.getByRole('button', { name: /Stopping/ })).toHaveProperty('disabled', true)
    await act(() => answer.resolve({ ok: false, error: { code: 'CANCELLED', message: 'The test was cancelled.' } }))
    const heading = screen.getByRole('heading', { name: 'The account was not saved' })
    expect(document.activeElement).toBe(heading)
    expect(heading.parentElement?.textContent).toContain('You stopped the validation, so nothing was saved.')
    expect(announced()).toContain(
      'The account was not saved. You stopped the validation, so nothing was saved. A validation message already sent may still arrive.',
    )
    expect(fake.api.saveAccount).not.toHaveBeenCalled()
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: BOX }).checked).toBe(true)
  })

  it('the wizard going away mid-validation stops it', async () => {
    const { fake, view, testId } = await startValidation()
    view.unmount()
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId })
  })

  it('saved: on to the done step, which says delivery was proven', async () => {
    const { answer, user, onSaved } = await startValidation()
    const saved = account({ lastVerifiedAt: '2025-03-05T10:00:00.000Z' })
    await act(() =>
      answer.resolve({
        ok: true,
        value: { saved: true, report: BOTH_PASSED, roundTrip: arrived('alice@gmail.com'), account: saved },
      }),
    )
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'alice@gmail.com is ready' }))
    const delivery = screen.getByText('Delivery').nextElementSibling
    expect(delivery?.textContent).toBe(
      'A message from alice@gmail.com arrived as sent. It reached alice@gmail.com in 0.9 s with its From unchanged.',
    )
    await user.click(screen.getByRole('button', { name: 'Go to your accounts' }))
    expect(onSaved).toHaveBeenCalledWith(saved)
  })

  it('the message did not arrive: nothing saved, why, the report, and everything typed kept', async () => {
    const { fake, answer, user } = await startValidation()
    await act(() =>
      answer.resolve({
        ok: true,
        value: {
          saved: false,
          report: BOTH_PASSED,
          roundTrip: NOT_ARRIVED,
          reason:
            'The validation message did not prove delivery: The test message did not arrive within 60 seconds. Nothing was saved.',
        },
      }),
    )
    const heading = screen.getByRole('heading', { name: 'The account was not saved' })
    expect(document.activeElement).toBe(heading)
    const panel = screen.getByRole('region', { name: 'The account was not saved' })
    expect(panel.textContent).toContain('The validation message did not prove delivery')
    const report = within(panel).getByRole('group', { name: NOT_ARRIVED.title })
    expect(report.textContent).toContain('held as spam')
    expect(report.className).toContain('outcome--warning')
    expect(announced().some((t) => t.startsWith('The account was not saved.'))).toBe(true)

    // try again: the same password and servers go to main
    const again = pending<Result<ValidateResult>>()
    fake.api.validateAndSave.mockReturnValueOnce(again.promise)
    await user.click(screen.getByRole('button', { name: 'Validate and save' }))
    expect(fake.api.validateAndSave).toHaveBeenCalledTimes(2)
    expect(fake.api.validateAndSave.mock.calls[1]?.[0]).toMatchObject({
      password: APP_PASSWORD,
      incoming: TESTED.incoming,
      validationMessage: true,
    })
  })

  it('a server refused now: its diagnosis shows and Save is gone until a test passes', async () => {
    const { answer } = await startValidation()
    await act(() =>
      answer.resolve({
        ok: true,
        value: {
          saved: false,
          report: outgoingFailed(undefined),
          reason: 'A server did not accept the settings, so nothing was saved.',
        },
      }),
    )
    expect(screen.getByRole('heading', { name: 'Outgoing mail failed the test' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Google did not accept this password' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'The account was not saved' }).textContent).toContain(
      'A server did not accept the settings, so nothing was saved.',
    )
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull()
    expect(screen.getByRole('button', { name: 'Test again' })).toBeTruthy()
  })
})
