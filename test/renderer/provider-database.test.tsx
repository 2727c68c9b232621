import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ProviderDatabaseSection } from '../../src/renderer/src/accounts/ProviderDatabaseSection.js'
import { installFakeMailkey } from './fake-mailkey.js'

const THUNDERBIRD = 'https://autoconfig.thunderbird.net/v1.1/'

async function renderSection() {
  const fake = installFakeMailkey()
  render(<ProviderDatabaseSection />)
  const user = userEvent.setup()
  const field = await screen.findByLabelText<HTMLInputElement>('Provider database address')
  return { fake, user, field }
}

describe('the provider database setting (issue 14)', () => {
  it('starts at Thunderbird’s; a mirror is saved from the keyboard, normalised', async () => {
    const { fake, user, field } = await renderSection()
    expect(field.value).toBe(THUNDERBIRD)
    await user.clear(field)
    await user.type(field, 'https://ispdb.office.example/v1.1{Enter}')
    expect(fake.api.setPreferences).toHaveBeenCalledWith({ ispdbBase: 'https://ispdb.office.example/v1.1/' })
    expect(
      await screen.findByText('Mailkey asks the provider database at https://ispdb.office.example/v1.1/.'),
    ).toBeTruthy()
    expect(field.value).toBe('https://ispdb.office.example/v1.1/')
  })

  it('refuses plain http:// to another computer, says why, and keeps what was typed', async () => {
    const { fake, user, field } = await renderSection()
    await user.clear(field)
    await user.type(field, 'http://ispdb.office.example/v1.1/')
    await user.click(screen.getByRole('button', { name: 'Save address' }))
    expect(
      screen.getByText(/must use https:\/\/\. Plain http:\/\/ is allowed only for a mirror on this computer/),
    ).toBeTruthy()
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(field.value).toBe('http://ispdb.office.example/v1.1/')
    expect(fake.api.setPreferences).not.toHaveBeenCalled()
    // typing again clears the complaint
    await user.type(field, 'x')
    expect(field.getAttribute('aria-invalid')).toBeNull()
  })

  it('takes plain http:// for a mirror on this computer', async () => {
    const { fake, user, field } = await renderSection()
    await user.clear(field)
    await user.type(field, 'http://127.0.0.1:8080/ispdb/{Enter}')
    expect(fake.api.setPreferences).toHaveBeenCalledWith({ ispdbBase: 'http://127.0.0.1:8080/ispdb/' })
  })

  it('an address main refuses shows main’s reason', async () => {
    const { fake, user, field } = await renderSection()
    fake.api.setPreferences.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The settings could not be saved.' },
    })
    await user.clear(field)
    await user.type(field, 'https://ispdb.office.example/{Enter}')
    expect(await screen.findByText('The settings could not be saved.')).toBeTruthy()
    expect(field.value).toBe('https://ispdb.office.example/')
  })

  it('“Reset to Thunderbird’s” brings the default back', async () => {
    const { fake, user, field } = await renderSection()
    await user.clear(field)
    await user.type(field, 'https://ispdb.office.example/{Enter}')
    await waitFor(() => expect(field.value).toBe('https://ispdb.office.example/'))
    await user.click(screen.getByRole('button', { name: 'Reset to Thunderbird’s' }))
    expect(fake.api.setPreferences).toHaveBeenLastCalledWith({ ispdbBase: null })
    await waitFor(() => expect(field.value).toBe(THUNDERBIRD))
    expect(screen.getByText('Mailkey asks Thunderbird’s provider database.')).toBeTruthy()
  })
})
