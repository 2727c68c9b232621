import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { setupFromDetection } from '../../src/renderer/src/wizard/setup.js'
import { serversState } from '../../src/renderer/src/wizard/wizard-state.js'
import type { DetectedSettings } from '../../src/shared/ipc/contract.js'
import { providerById } from '../../src/shared/providers.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { APP_PASSWORD } from './fixtures.js'

/** What discovery returns for an office domain that publishes its settings and has SRV records. */
const OFFICE: DetectedSettings = {
  provider: null,
  source: 'autoconfig',
  incoming: { protocol: 'imap', host: 'mail.office.example', port: 993, security: 'tls' },
  incomingAlternatives: [{ protocol: 'imap', host: 'imap.hoster.example', port: 993, security: 'tls' }],
  outgoing: { host: 'mail.office.example', port: 587, security: 'starttls' },
  outgoingAlternatives: [],
  username: 'ann',
  domain: 'office.example',
  found: {
    incoming: [
      {
        server: { protocol: 'imap', host: 'mail.office.example', port: 993, security: 'tls' },
        username: 'ann',
        source: 'autoconfig',
        trusted: true,
        via: 'https://autoconfig.office.example/mail/config-v1.1.xml',
      },
      {
        server: { protocol: 'imap', host: 'imap.hoster.example', port: 993, security: 'tls' },
        username: 'ann@office.example',
        source: 'srv',
        trusted: false,
        caution: 'imap.hoster.example is not part of office.example; it was named by the domain’s SRV records.',
        via: 'SRV _imaps._tcp.office.example',
      },
    ],
    outgoing: [
      {
        server: { host: 'mail.office.example', port: 587, security: 'starttls' },
        username: 'ann',
        source: 'autoconfig',
        trusted: true,
        via: 'https://autoconfig.office.example/mail/config-v1.1.xml',
      },
    ],
  },
  lookups: [],
  ms: 120,
  signIn: 'password',
}

function renderServers(detected: DetectedSettings) {
  const fake = installFakeMailkey({ detected })
  const setup = { ...setupFromDetection('ann@office.example', '', detected, null), password: APP_PASSWORD }
  render(<Wizard onSaved={() => undefined} initialState={serversState(setup)} />)
  return { fake, user: userEvent.setup() }
}

describe('the servers step shows where each setting came from', () => {
  it('in words, per server', () => {
    renderServers(OFFICE)
    const summary = screen.getByText('Incoming mail', { selector: 'dt' }).closest('.summary') as HTMLElement
    expect(within(summary).getAllByText('Published by office.example')).toHaveLength(2)
    expect(within(summary).getByText('How Mailkey found these (120 ms)')).toBeTruthy()
  })

  it('an IDN domain in Unicode, never its punycode (issue 14)', () => {
    const idn = (s: string): string => s.replaceAll('office.example', 'xn--bcher-kva.example')
    const detected = JSON.parse(idn(JSON.stringify(OFFICE))) as DetectedSettings
    renderServers({ ...detected, displayDomain: 'bücher.example' })
    const summary = screen.getByText('Incoming mail', { selector: 'dt' }).closest('.summary') as HTMLElement
    expect(within(summary).getAllByText('Published by bücher.example')).toHaveLength(2)
    expect(within(summary).queryByText(/Published by xn--/)).toBeNull()
  })

  it('with the other servers one click away; choosing one brings its user name', async () => {
    const { user } = renderServers(OFFICE)
    const others = screen.getByRole('list', { name: 'Other incoming mail servers' })
    expect(within(others).getByText(/From DNS \(SRV records\) · needs your confirmation/)).toBeTruthy()
    await user.click(within(others).getByRole('button', { name: /Use IMAP imap\.hoster\.example port 993/ }))
    expect(screen.getByText('ann@office.example', { selector: 'dd' })).toBeTruthy()
    // the one chosen is now listed as the current one, the first one as the alternative
    expect(
      within(screen.getByRole('list', { name: 'Other incoming mail servers' })).getByRole('button', {
        name: /mail\.office\.example/,
      }),
    ).toBeTruthy()
  })

  it('a host that needs confirming: named with why; no test until confirmed; main is told', async () => {
    const { fake, user } = renderServers(OFFICE)
    await user.click(screen.getByRole('button', { name: /Use IMAP imap\.hoster\.example/ }))
    const caution = screen.getByRole('group', { name: 'Servers that need your confirmation' })
    expect(caution.textContent).toMatch(
      /Check imap\.hoster\.example before your password goes there\..*not part of office\.example/,
    )
    await user.click(screen.getByRole('button', { name: 'Test both servers' }))
    expect(fake.api.testConnection).not.toHaveBeenCalled()
    expect(screen.getByRole('status').textContent).toMatch(/Confirm imap\.hoster\.example below/)
    await user.click(within(caution).getByRole('button', { name: 'Use imap.hoster.example' }))
    expect(fake.api.confirmHost).toHaveBeenCalledWith({ email: 'ann@office.example', host: 'imap.hoster.example' })
    expect(screen.queryByRole('group', { name: 'Servers that need your confirmation' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Test both servers' }))
    expect(fake.api.testConnection).toHaveBeenCalledWith(
      expect.objectContaining({ incoming: expect.objectContaining({ host: 'imap.hoster.example' }) }),
    )
  })

  it('a known provider by MX says which sign-in it needs', () => {
    const byMx = <F extends { source: string }>(f: F): F => ({ ...f, source: 'mx' })
    renderServers({
      ...OFFICE,
      source: 'mx',
      provider: providerById('microsoft-365'),
      signIn: 'oauth2',
      found: { incoming: OFFICE.found!.incoming.map(byMx), outgoing: OFFICE.found!.outgoing.map(byMx) },
    })
    expect(screen.getAllByText('Your domain’s mail is run by Microsoft 365')).toHaveLength(2)
    expect(screen.getByText(/Microsoft 365 signs in with OAuth/)).toBeTruthy()
  })

  it('nothing found: says so, and the fields are open to fill in', async () => {
    const fake = installFakeMailkey()
    const nothing: DetectedSettings = {
      ...OFFICE,
      source: 'guess',
      incoming: null,
      outgoing: null,
      incomingAlternatives: [],
      outgoingAlternatives: [],
      found: { incoming: [], outgoing: [] },
    }
    fake.api.detectProvider.mockResolvedValue({ ok: true, value: nothing })
    const user = userEvent.setup()
    render(<Wizard onSaved={() => undefined} />)
    await user.type(screen.getByLabelText('Email address'), 'ann@office.example')
    expect(await screen.findByText('No settings found')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Password'), 'secret')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText(/Mailkey found no settings for office\.example/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Edit settings' }).getAttribute('aria-expanded')).toBe('true')
  })
})

describe('plain HTTP only when the user allows it', () => {
  it('nothing found: one click looks again over plain HTTP too', async () => {
    const fake = installFakeMailkey()
    const nothing: DetectedSettings = {
      ...OFFICE,
      source: 'guess',
      incoming: null,
      outgoing: null,
      incomingAlternatives: [],
      outgoingAlternatives: [],
      found: { incoming: [], outgoing: [] },
    }
    fake.api.detectProvider.mockResolvedValueOnce({ ok: true, value: nothing })
    fake.api.detectProvider.mockResolvedValueOnce({ ok: true, value: OFFICE })
    const user = userEvent.setup()
    render(<Wizard onSaved={() => undefined} />)
    await user.type(screen.getByLabelText('Email address'), 'ann@office.example')
    await user.click(await screen.findByRole('button', { name: 'Also look for settings published over plain HTTP' }))
    expect(await screen.findByText('office.example')).toBeTruthy()
    expect(fake.api.detectProvider).toHaveBeenLastCalledWith({ email: 'ann@office.example', allowHttp: true })
    expect(screen.queryByRole('button', { name: /plain HTTP/ })).toBeNull()
  })
})

describe('the address step shows the lookups live', () => {
  it('each lookup as it starts and ends, for this address only', async () => {
    const fake = installFakeMailkey()
    const answer = pending<Awaited<ReturnType<typeof fake.api.detectProvider>>>()
    fake.api.detectProvider.mockReturnValue(answer.promise)
    const user = userEvent.setup()
    render(<Wizard onSaved={() => undefined} />)
    await user.type(screen.getByLabelText('Email address'), 'ann@office.example')
    await screen.findByText('Looking up your provider…')
    act(() => {
      fake.emitDiscovery({ email: 'ann@office.example', source: 'autoconfig', state: 'running' })
      fake.emitDiscovery({ email: 'ann@office.example', source: 'mx', state: 'nothing', ms: 12 })
      fake.emitDiscovery({ email: 'someone@else.example', source: 'srv', state: 'found', ms: 3 })
    })
    const list = screen.getByRole('list', { name: 'Lookups for your servers' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Your domain’s settings filelooking…', 'Who runs your domain’s mail (MX)nothing there · 12 ms'])
    await act(() => answer.resolve({ ok: true, value: OFFICE }))
    expect(screen.queryByRole('list', { name: 'Lookups for your servers' })).toBeNull()
    expect(screen.getByText('office.example')).toBeTruthy()
  })
})
