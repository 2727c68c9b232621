import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { passwordState } from '../../src/renderer/src/wizard/wizard-state.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { customSetup, gmailSetup } from './fixtures.js'

function renderPasswordStep(setup = gmailSetup({ password: '' })): HTMLInputElement {
  installFakeMailkey()
  render(<Wizard onSaved={() => undefined} initialState={passwordState(setup)} />)
  return screen.getByLabelText('App password')
}

describe('password step', () => {
  it('takes a pasted `abcd efgh ijkl mnop` as the 16 letters, with focus already in the field', async () => {
    const field = renderPasswordStep()
    expect(document.activeElement).toBe(field)
    await userEvent.setup().paste('abcd efgh ijkl mnop')
    expect(field.value).toBe('abcdefghijklmnop')
    expect(field.hasAttribute('aria-invalid')).toBe(false)
  })

  it('is masked by default, and Show/Hide switch what is on screen', async () => {
    const user = userEvent.setup()
    const field = renderPasswordStep()
    expect(field.type).toBe('password')
    await user.click(screen.getByRole('button', { name: 'Show password' }))
    expect(field.type).toBe('text')
    await user.click(screen.getByRole('button', { name: 'Hide password' }))
    expect(field.type).toBe('password')
  })

  it('says in words when a pasted app password has the wrong length', async () => {
    const field = renderPasswordStep()
    await userEvent.setup().paste('abcd efgh')
    const message = screen.getByText('An app password has 16 letters; this has 8. Copy it again, all of it.')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(field.getAttribute('aria-describedby')).toContain(message.id)
  })

  it('refuses characters an app password never has', async () => {
    renderPasswordStep()
    await userEvent.setup().paste('abcd efgh ijkl mn0p')
    expect(screen.getByText(/An app password has only letters/)).toBeTruthy()
  })

  it('states that one password serves both servers', () => {
    renderPasswordStep()
    expect(screen.getByText(/same password is used for incoming and outgoing mail/)).toBeTruthy()
  })

  it('Enter on an empty field explains, Enter on a good one moves on', async () => {
    const user = userEvent.setup()
    renderPasswordStep()
    await user.keyboard('{Enter}')
    expect(screen.getByText('Paste the app password.')).toBeTruthy()
    await user.paste('abcd efgh ijkl mnop')
    await user.keyboard('{Enter}')
    expect(screen.getByRole('heading', { name: 'Test the servers' })).toBeTruthy()
  })

  it('keeps spaces in a normal password (no app-password rules for unknown providers)', async () => {
    installFakeMailkey()
    render(<Wizard onSaved={() => undefined} initialState={passwordState(customSetup({ password: '' }))} />)
    const field = screen.getByLabelText<HTMLInputElement>('Password')
    await userEvent.setup().paste('correct horse battery')
    expect(field.value).toBe('correct horse battery')
  })
})
