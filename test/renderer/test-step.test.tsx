import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import type { StageEvent } from '../../src/shared/report.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import type { WizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { APP_PASSWORD, BOTH_PASSED, gmailSetup } from './fixtures.js'

const TESTED = {
  incoming: { protocol: 'imap' as const, host: 'imap.gmail.com', port: 993, security: 'tls' as const },
  outgoing: { host: 'smtp.gmail.com', port: 587, security: 'starttls' as const },
}
const RUNNING: WizardState = {
  step: 'test',
  setup: gmailSetup({ outgoing: { host: 'smtp.gmail.com', port: '587', security: 'starttls' } }),
  run: startRun('t1', TESTED),
}

function renderTest() {
  const fake = installFakeMailkey()
  const view = render(
    <StrictMode>
      <Wizard onSaved={() => undefined} initialState={RUNNING} />
    </StrictMode>,
  )
  const rows = (side: 'Incoming' | 'Outgoing') =>
    within(screen.getByRole('list', { name: `${side} mail test stages` })).getAllByRole('listitem')
  const state = (side: 'Incoming' | 'Outgoing') => rows(side).map((r) => r.getAttribute('data-state'))
  const emit = (e: Omit<StageEvent, 'testId'> & { testId?: string }) => act(() => fake.emit({ testId: 't1', ...e }))
  return { fake, view, rows, state, emit }
}

describe('test step', () => {
  it('starts the test once (even under StrictMode) with exactly the tested servers', () => {
    const { fake } = renderTest()
    expect(fake.api.testConnection).toHaveBeenCalledTimes(1)
    expect(fake.api.testConnection).toHaveBeenCalledWith({
      testId: 't1',
      email: 'alice@gmail.com',
      username: 'alice@gmail.com',
      password: APP_PASSWORD,
      incoming: TESTED.incoming,
      outgoing: TESTED.outgoing,
    })
  })

  it('shows every planned stage of both sides before anything happens', () => {
    const { rows, state } = renderTest()
    expect(rows('Incoming').map((r) => r.textContent)).toEqual([
      'Finding the server, waiting',
      'Connecting, waiting',
      'Encrypting the connection, waiting',
      'Waiting for the server to answer, waiting',
      'Signing in, waiting',
      'Ready to use, waiting',
    ])
    expect(rows('Outgoing').map((r) => r.textContent?.split(',')[0])).toContain('Switching on encryption (STARTTLS)')
    expect(state('Outgoing')).toEqual(Array(6).fill('pending'))
  })

  it('follows live progress on both sides, with the time of each finished stage', () => {
    const { rows, state, emit } = renderTest()
    emit({ side: 'incoming', stage: 'dns', state: 'done', ms: 12 })
    emit({ side: 'incoming', stage: 'connect', state: 'running', ms: 0 })
    emit({ side: 'outgoing', stage: 'dns', state: 'failed', ms: 1500 })
    expect(state('Incoming').slice(0, 3)).toEqual(['done', 'running', 'pending'])
    expect(rows('Incoming')[0].textContent).toContain('12 ms')
    expect(state('Outgoing')[0]).toBe('failed')
    expect(rows('Outgoing')[0].textContent).toContain('1.5 s')
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('Incoming mail: connecting.')
  })

  it('ignores progress of another test', () => {
    const { state, emit } = renderTest()
    emit({ testId: 'other', side: 'incoming', stage: 'dns', state: 'done', ms: 3 })
    expect(state('Incoming')[0]).toBe('pending')
  })

  it('shows the report and moves focus to the result heading', async () => {
    const { fake, state } = renderTest()
    await act(async () =>
      fake.finishTest({
        ok: true,
        value: { ...BOTH_PASSED, outgoing: { ...BOTH_PASSED.outgoing!, port: 587, security: 'starttls' } },
      }),
    )
    const heading = screen.getByRole('heading', { name: 'Both servers work' })
    expect(document.activeElement).toBe(heading)
    expect(state('Incoming')).toEqual(Array(6).fill('done'))
    expect(screen.getByRole('button', { name: 'Save account' })).toBeTruthy()
  })

  it('Escape cancels; CANCELLED returns to the servers with a notice', async () => {
    const { fake } = renderTest()
    await userEvent.setup().keyboard('{Escape}')
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId: 't1' })
    expect(screen.getByRole('heading', { name: 'Cancelling the test…' })).toBeTruthy()
    await act(async () =>
      fake.finishTest({ ok: false, error: { code: 'CANCELLED', message: 'The test was cancelled.' } }),
    )
    expect(screen.getByRole('heading', { name: 'Test the servers' })).toBeTruthy()
    expect(screen.getByText(/Test cancelled/)).toBeTruthy()
  })

  it('the Cancel button does the same', async () => {
    const { fake } = renderTest()
    await userEvent.setup().click(screen.getByRole('button', { name: /Cancel test/ }))
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId: 't1' })
  })

  it('shows an {ok:false} result as a clear error with a retry, never a crash', async () => {
    const { fake } = renderTest()
    await act(async () =>
      fake.finishTest({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Enter a server name like imap.gmail.com.' },
      }),
    )
    expect(screen.getByRole('heading', { name: 'The test could not run' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('Enter a server name like imap.gmail.com.')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Test again' }))
    expect(fake.api.testConnection).toHaveBeenCalledTimes(2)
    expect(fake.api.testConnection.mock.calls[1][0].testId).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(fake.api.testConnection.mock.calls[1][0].testId).not.toBe('t1')
  })

  it('a rejected bridge call is shown as an error too', async () => {
    const fake = installFakeMailkey()
    fake.api.testConnection.mockRejectedValueOnce(new Error('bridge closed'))
    render(<Wizard onSaved={() => undefined} initialState={RUNNING} />)
    expect(await screen.findByRole('heading', { name: 'The test could not run' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('bridge closed')
  })

  it('unsubscribes from progress, and cancels a running test, when the wizard goes away', () => {
    const { fake, view } = renderTest()
    expect(fake.listenerCount()).toBe(1)
    view.unmount()
    expect(fake.listenerCount()).toBe(0)
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId: 't1' })
  })
})
