import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { DetectedSettings } from '../../src/shared/ipc/contract.js'
import { providerById, type ProviderId } from '../../src/shared/providers.js'
import { setupFromDetection } from '../../src/renderer/src/wizard/setup.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { serversState } from '../../src/renderer/src/wizard/wizard-state.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { gmailSetup, OUTLOOK_DETECTED } from './fixtures.js'

/** The provider preparation step for each provider with password rules, and Gmail's POP reminder. */

function detected(id: ProviderId): DetectedSettings {
  const provider = providerById(id)
  const imap = provider.incoming.imap!
  const smtp = provider.outgoing[0]
  return {
    provider,
    source: 'preset',
    incoming: { protocol: 'imap', ...imap },
    incomingAlternatives: [],
    outgoing: smtp,
    outgoingAlternatives: [],
    username: `someone@${provider.domains[0] ?? 'example.org'}`,
  }
}

function renderGuidance(settings: DetectedSettings) {
  const fake = installFakeMailkey()
  const setup = setupFromDetection(settings.username, '', settings, null)
  render(<Wizard onSaved={() => undefined} initialState={{ step: 'app-password', setup }} />)
  return { fake, user: userEvent.setup() }
}

const CASES: { id: ProviderId; heading: string; button: string; says: string; example?: string }[] = [
  {
    id: 'yahoo',
    heading: 'Yahoo Mail needs an app password for Mailkey',
    button: 'Open Yahoo Account security',
    says: 'Generate app password',
    example: 'abcd efgh ijkl mnop',
  },
  {
    id: 'aol',
    heading: 'AOL Mail needs an app password for Mailkey',
    button: 'Open AOL Account security',
    says: 'Generate app password',
    example: 'abcd efgh ijkl mnop',
  },
  {
    id: 'icloud',
    heading: 'iCloud Mail needs an app password for Mailkey',
    button: 'Open your Apple Account',
    says: 'App-Specific Passwords',
    example: 'abcd-efgh-ijkl-mnop',
  },
  {
    id: 'fastmail',
    heading: 'Fastmail needs an app password for Mailkey',
    button: 'Open Fastmail app passwords',
    says: 'Manage app passwords and access',
    example: 'abcd1234efgh5678',
  },
  {
    id: 'zoho',
    heading: 'Zoho Mail may need an app password',
    button: 'Open Zoho app passwords',
    says: 'Otherwise your normal password works',
  },
]

describe('provider guidance', () => {
  it.each(CASES)(
    '$id: where to create it, its format, and a button to the page',
    async ({ id, heading, button, says, example }) => {
      const { fake, user } = renderGuidance(detected(id))
      const h = screen.getByRole('heading', { name: heading })
      expect(document.activeElement).toBe(h)
      const step = h.closest('section')!
      expect(step.textContent).toContain(says)
      if (example) expect(step.querySelector('code')?.textContent).toBe(example)
      else expect(step.querySelector('code')).toBeNull()
      await user.click(screen.getByRole('button', { name: button }))
      expect(fake.api.openExternal).toHaveBeenCalledWith({ url: providerById(id).appPassword!.createUrl })
    },
  )

  it('Outlook.com says plainly that password sign-in is switched off', () => {
    renderGuidance(OUTLOOK_DETECTED)
    expect(screen.getByRole('heading', { name: 'Outlook.com has switched off password sign-in' })).toBeTruthy()
    expect(screen.getByText(/not even an app password/)).toBeTruthy()
  })

  it('Gmail: choosing POP3 reminds to switch POP on in Gmail, with the page one click away', async () => {
    const fake = installFakeMailkey()
    const user = userEvent.setup()
    render(<Wizard onSaved={() => undefined} initialState={serversState(gmailSetup(), { editing: true })} />)
    expect(screen.queryByText(/Turn on POP in Gmail first/)).toBeNull()
    await user.selectOptions(screen.getByLabelText('Protocol'), 'POP3')
    expect(screen.getByText(/Turn on POP in Gmail first/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Open Gmail’s POP settings' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://mail.google.com/mail/u/0/#settings/fwdandpop' })
    await user.selectOptions(screen.getByLabelText('Protocol'), 'IMAP')
    expect(screen.queryByText(/Turn on POP in Gmail first/)).toBeNull()
  })

  it('no POP reminder for other providers', async () => {
    installFakeMailkey()
    const fastmail = detected('fastmail')
    const setup = setupFromDetection(
      'a@fastmail.com',
      '',
      {
        ...fastmail,
        incomingAlternatives: [{ protocol: 'pop3', host: 'pop.fastmail.com', port: 995, security: 'tls' }],
      },
      null,
    )
    const user = userEvent.setup()
    render(<Wizard onSaved={() => undefined} initialState={serversState(setup, { editing: true })} />)
    await user.selectOptions(screen.getByLabelText('Protocol'), 'POP3')
    expect(screen.queryByText(/Turn on POP/)).toBeNull()
  })
})
