import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { OUTLOOK_DETECTED } from './fixtures.js'

function renderWizard(options: Parameters<typeof installFakeMailkey>[0] = {}) {
  const fake = installFakeMailkey(options)
  render(<Wizard onSaved={() => undefined} />)
  return { fake, user: userEvent.setup(), email: screen.getByLabelText<HTMLInputElement>('Email address') }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('address step', () => {
  it('recognises the provider once the address is complete, after a pause in typing', async () => {
    const { fake, user, email } = renderWizard()
    expect(document.activeElement).toBe(email)
    await user.type(email, 'alice@gmail')
    await pause(400)
    expect(fake.api.detectProvider).not.toHaveBeenCalled()
    await user.type(email, '.com')
    expect(await screen.findByText('Gmail')).toBeTruthy()
    expect(screen.getByText('Settings from Mailkey’s list of providers')).toBeTruthy()
    expect(fake.api.detectProvider).toHaveBeenCalledTimes(1)
    expect(fake.api.detectProvider).toHaveBeenCalledWith({ email: 'alice@gmail.com' })
  })

  it('explains a malformed address on Enter and stays', async () => {
    const { user, email } = renderWizard()
    await user.type(email, 'alice@{Enter}')
    expect(screen.getByText('Enter an email address like name@gmail.com.')).toBeTruthy()
    expect(email.getAttribute('aria-invalid')).toBe('true')
  })

  it('Enter before the lookup finished moves on as soon as it has', async () => {
    const { user, email } = renderWizard()
    await user.type(email, 'alice@gmail.com{Enter}')
    expect(await screen.findByRole('heading', { name: 'Gmail needs an app password for Mailkey' })).toBeTruthy()
  })

  it('the guidance opens Google’s pages through the bridge', async () => {
    const { fake, user, email } = renderWizard()
    await user.type(email, 'alice@gmail.com{Enter}')
    await user.click(await screen.findByRole('button', { name: 'Open 2-Step Verification' }))
    await user.click(screen.getByRole('button', { name: 'Open App passwords' }))
    expect(fake.api.openExternal.mock.calls.map(([input]) => input.url)).toEqual([
      'https://myaccount.google.com/signinoptions/two-step-verification',
      'https://myaccount.google.com/apppasswords',
    ])
    await user.click(screen.getByRole('button', { name: 'I have my app password' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('App password')))
  })

  it('says plainly that Outlook.com has switched password sign-in off', async () => {
    const { user, email } = renderWizard({ detected: OUTLOOK_DETECTED })
    await user.type(email, 'carol@outlook.com{Enter}')
    expect(await screen.findByRole('heading', { name: 'Outlook.com has switched off password sign-in' })).toBeTruthy()
    expect(screen.getByText(/not even an app password/)).toBeTruthy()
  })
})
