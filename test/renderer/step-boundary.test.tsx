import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { StepBoundary } from '../../src/renderer/src/ui/StepBoundary.js'

let consoleError: MockInstance<typeof console.error>
beforeEach(() => {
  // React reports caught render errors on the console; expected here
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => consoleError.mockRestore())

describe('step error boundary', () => {
  it('shows what failed instead of a blank window, and Try again renders the step anew', async () => {
    let broken = true
    function Flaky() {
      if (broken) throw new Error('cannot read properties of undefined')
      return <p>step content</p>
    }
    render(
      <StepBoundary what="this step">
        <Flaky />
      </StepBoundary>,
    )
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Something went wrong showing this step')
    expect(alert.textContent).toContain('cannot read properties of undefined')
    broken = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('step content')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
