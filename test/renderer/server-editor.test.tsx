import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { parseServer } from '../../src/renderer/src/lib/server-draft.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { serversState } from '../../src/renderer/src/wizard/wizard-state.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { gmailSetup } from './fixtures.js'

async function openEditor() {
  const fake = installFakeMailkey()
  const user = userEvent.setup()
  render(<Wizard onSaved={() => undefined} initialState={serversState(gmailSetup())} />)
  const toggle = screen.getByRole('button', { name: 'Edit settings' })
  expect(toggle.getAttribute('aria-expanded')).toBe('false')
  await user.click(toggle)
  expect(toggle.getAttribute('aria-expanded')).toBe('true')
  const side = (name: string) => {
    const group = screen.getByRole('group', { name })
    return {
      host: within(group).getByLabelText<HTMLInputElement>('Server'),
      port: within(group).getByLabelText<HTMLInputElement>('Port'),
      security: within(group).getByLabelText<HTMLSelectElement>('Encryption'),
      group,
    }
  }
  return { fake, user, incoming: side('Incoming mail'), outgoing: side('Outgoing mail (SMTP)') }
}

describe('server editor', () => {
  it('shows the detected servers, and opening it puts focus in the first field', async () => {
    const { incoming, outgoing } = await openEditor()
    expect(document.activeElement).toBe(screen.getByLabelText('Protocol'))
    expect([incoming.host.value, incoming.port.value, incoming.security.value]).toEqual([
      'imap.gmail.com',
      '993',
      'tls',
    ])
    expect([outgoing.host.value, outgoing.port.value, outgoing.security.value]).toEqual([
      'smtp.gmail.com',
      '465',
      'tls',
    ])
  })

  it('offers SSL/TLS and STARTTLS only', async () => {
    const { outgoing } = await openEditor()
    expect(
      within(outgoing.security)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['SSL/TLS', 'STARTTLS'])
  })

  it('a standard port brings its security: 587 → STARTTLS, 465 → SSL/TLS', async () => {
    const { user, outgoing } = await openEditor()
    await user.clear(outgoing.port)
    await user.type(outgoing.port, '587')
    expect(outgoing.security.value).toBe('starttls')
    await user.clear(outgoing.port)
    await user.type(outgoing.port, '465')
    expect(outgoing.security.value).toBe('tls')
  })

  it('incoming ports too: 143 → STARTTLS, 995 → SSL/TLS, 110 → STARTTLS', async () => {
    const { user, incoming } = await openEditor()
    for (const [port, security] of [
      ['143', 'starttls'],
      ['995', 'tls'],
      ['110', 'starttls'],
    ]) {
      await user.clear(incoming.port)
      await user.type(incoming.port, port)
      expect(incoming.security.value).toBe(security)
    }
  })

  it('choosing a security on a standard port moves the port with it', async () => {
    const { user, outgoing, incoming } = await openEditor()
    await user.selectOptions(outgoing.security, 'STARTTLS')
    expect(outgoing.port.value).toBe('587')
    await user.selectOptions(incoming.security, 'STARTTLS')
    expect(incoming.port.value).toBe('143')
  })

  it('a non-standard port keeps whatever security the user picks', async () => {
    const { user, outgoing } = await openEditor()
    await user.clear(outgoing.port)
    await user.type(outgoing.port, '2525')
    await user.selectOptions(outgoing.security, 'STARTTLS')
    expect([outgoing.port.value, outgoing.security.value]).toEqual(['2525', 'starttls'])
    await user.selectOptions(outgoing.security, 'SSL/TLS')
    expect([outgoing.port.value, outgoing.security.value]).toEqual(['2525', 'tls'])
  })

  it('switching to POP3 takes the provider’s POP3 server', async () => {
    const { user, incoming } = await openEditor()
    await user.selectOptions(screen.getByLabelText('Protocol'), 'POP3')
    expect([incoming.host.value, incoming.port.value, incoming.security.value]).toEqual(['pop.gmail.com', '995', 'tls'])
  })

  it('a bad server name blocks the test, is explained, and gets focus', async () => {
    const { user, fake, outgoing } = await openEditor()
    await user.clear(outgoing.host)
    await user.type(outgoing.host, 'smtp gmail')
    await user.click(screen.getByLabelText('Sign-in name'))
    await user.click(screen.getByRole('button', { name: 'Test both servers' }))
    expect(fake.api.testConnection).not.toHaveBeenCalled()
    expect(outgoing.host.getAttribute('aria-invalid')).toBe('true')
    expect(within(outgoing.group).getByText(/Enter a server name like imap.gmail.com/)).toBeTruthy()
    expect(document.activeElement).toBe(outgoing.host)
  })
})

describe('the page gives the same verdict on host names as main (issue 12)', () => {
  it('accepts an IDN host and refuses one with a bidi override', () => {
    expect(parseServer({ host: 'smtp.bücher.example', port: '465', security: 'tls' }).ok).toBe(true)
    expect(parseServer({ host: 'smtp.\u202Egmail.com', port: '465', security: 'tls' }).ok).toBe(false)
  })
})
