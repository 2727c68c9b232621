import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { KeychainHealth } from '../../src/shared/keychain.js'
import type { Result } from '../../src/shared/result.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { passwordState } from '../../src/renderer/src/wizard/wizard-state.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { gmailSetup } from './fixtures.js'

/** A keychain that cannot keep a password is said before the password is typed. */

const NO_SECRET_SERVICE: KeychainHealth = {
  ok: false,
  problem: 'no-secret-service',
  advice: 'No keychain service is installed. Install GNOME Keyring (package gnome-keyring) or KWallet.',
  detail: 'The name org.freedesktop.secrets was not provided by any .service files',
}

describe('keychain problem before the password', () => {
  it('the password step shows what to install, with the system’s words, and keeps the field off', async () => {
    const fake = installFakeMailkey()
    fake.api.keychainStatus.mockResolvedValue({ ok: true, value: NO_SECRET_SERVICE })
    render(<Wizard onSaved={() => undefined} initialState={passwordState(gmailSetup({ password: '' }))} />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Mailkey cannot save a password on this computer yet')
    expect(alert.textContent).toContain('Install GNOME Keyring')
    expect(alert.textContent).toContain('org.freedesktop.secrets was not provided')
    expect(screen.getByLabelText<HTMLInputElement>('App password').disabled).toBe(true)
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Continue' }).disabled).toBe(true)
    // focus is not lost on a disabled field: it goes to the step's heading, ahead of the notice
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Paste your app password' }))
  })

  it('“Check the keychain again” turns the field back on, with focus in it, once the keychain works', async () => {
    const fake = installFakeMailkey()
    fake.api.keychainStatus.mockResolvedValueOnce({ ok: true, value: NO_SECRET_SERVICE })
    const again = pending<Result<KeychainHealth>>()
    fake.api.keychainStatus.mockReturnValueOnce(again.promise)
    const user = userEvent.setup()
    render(<Wizard onSaved={() => undefined} initialState={passwordState(gmailSetup({ password: '' }))} />)
    await user.click(await screen.findByRole('button', { name: 'Check the keychain again' }))
    // the problem stays in view (and its button keeps focus) while checking
    expect(screen.getByRole('button', { name: 'Checking…' })).toBeTruthy()
    await act(() => again.resolve({ ok: true, value: { ok: true } }))
    expect(screen.queryByRole('alert')).toBeNull()
    const field = screen.getByLabelText<HTMLInputElement>('App password')
    expect(field.disabled).toBe(false)
    expect(document.activeElement).toBe(field)
    expect(fake.api.keychainStatus).toHaveBeenCalledTimes(2)
  })

  it('is already on the guidance step, before the user goes to create an app password', async () => {
    const fake = installFakeMailkey()
    fake.api.keychainStatus.mockResolvedValue({ ok: true, value: NO_SECRET_SERVICE })
    render(<Wizard onSaved={() => undefined} initialState={{ step: 'app-password', setup: gmailSetup() }} />)
    expect((await screen.findByRole('alert')).textContent).toContain('Install GNOME Keyring')
  })

  it('a working keychain shows nothing and leaves the field on', async () => {
    const fake = installFakeMailkey()
    render(<Wizard onSaved={() => undefined} initialState={passwordState(gmailSetup({ password: '' }))} />)
    await act(() => Promise.resolve())
    expect(fake.api.keychainStatus).toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByLabelText<HTMLInputElement>('App password').disabled).toBe(false)
  })
})
