import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import type { ProbeReport, TestReport } from '../../src/shared/report.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { account, customSetup, passed } from './fixtures.js'

/** What the office options look like on screen: trusting a certificate, fallbacks, the account's trust list. */

const CERT = {
  subject: 'CN=mail.office.lan',
  issuer: 'CN=mail.office.lan',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: 'AB:CD:EF',
  altNames: ['mail.office.lan'],
  spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  anchor: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
}
const TESTED = {
  incoming: { protocol: 'imap' as const, host: 'imap.example.org', port: 993, security: 'tls' as const },
  outgoing: { host: 'smtp.example.org', port: 465, security: 'tls' as const },
}
const UNTRUSTED: ProbeReport = {
  protocol: 'imap',
  host: 'imap.example.org',
  port: 993,
  security: 'tls',
  ok: false,
  ms: 20,
  stages: [{ stage: 'tls', ms: 5 }],
  failedStage: 'tls',
  cause: 'certificate_untrusted',
  title: 'The server’s certificate is not trusted',
  canTrust: true,
  certificate: CERT,
}

async function finished(report: TestReport) {
  const fake = installFakeMailkey()
  const user = userEvent.setup()
  render(
    <Wizard
      onSaved={() => undefined}
      initialState={{ step: 'test', setup: customSetup(), run: startRun('t1', TESTED) }}
    />,
  )
  await act(() => fake.finishTest({ ok: true, value: report }))
  return { fake, user }
}

describe('the test step', () => {
  it('offers "Trust this certificate for host:port" with the key, and tests again with it pinned', async () => {
    const { fake, user } = await finished({
      incoming: UNTRUSTED,
      outgoing: passed('smtp', 'smtp.example.org', 465),
      ms: 30,
    })
    const card = screen.getByRole('group', { name: 'The server’s certificate is not trusted' })
    expect(card.textContent).toContain(`Key pin${CERT.spki}`)
    await user.click(within(card).getByRole('button', { name: 'Trust this certificate for imap.example.org:993' }))
    expect(fake.api.testConnection).toHaveBeenCalledTimes(2)
    expect(fake.api.testConnection.mock.calls[1]?.[0]).toMatchObject({
      connection: { pins: [{ host: 'imap.example.org', port: 993, spki: CERT.spki, anchor: CERT.anchor }] },
    })
  })

  it('offers nothing to trust when main does not (a provider’s server, a changed key)', async () => {
    await finished({
      incoming: { ...UNTRUSTED, canTrust: undefined },
      outgoing: passed('smtp', 'smtp.example.org', 465),
      ms: 30,
    })
    expect(screen.queryByRole('button', { name: /Trust this certificate/ })).toBeNull()
  })

  it('shows each fallback outgoing server, and the proxy a server was reached through', async () => {
    const ok = { ...passed('imap', 'imap.example.org', 993), via: 'socks5://office@proxy.lan:1080' }
    await finished({
      incoming: ok,
      outgoing: passed('smtp', 'smtp.example.org', 465),
      outgoingFallbacks: [
        { ...passed('smtp', 'relay.example.org', 2525), security: 'starttls' },
        { ...passed('smtp', 'smtp.example.org', 587), ok: false, title: 'No answer', cause: 'connection_timeout' },
      ],
      ms: 40,
    })
    const incoming = screen.getByRole('article', { name: 'Incoming mail' })
    expect(within(incoming).getByText('through the proxy', { exact: false }).textContent).toContain(
      'socks5://office@proxy.lan:1080',
    )
    const list = screen.getByRole('region', { name: 'Fallback outgoing servers' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'relay.example.org port 2525, STARTTLS: works (120 ms)',
      'smtp.example.org port 587, STARTTLS: failed: No answer [connection_timeout]',
    ])
  })

  it('a failed main outgoing server with a working fallback: saving is offered, and says why', async () => {
    const { fake, user } = await finished({
      incoming: passed('imap', 'imap.example.org', 993),
      outgoing: {
        ...passed('smtp', 'smtp.example.org', 465),
        ok: false,
        title: 'No answer',
        cause: 'connection_timeout',
      },
      outgoingFallbacks: [{ ...passed('smtp', 'relay.example.org', 2525), security: 'starttls' }],
      ms: 40,
    })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Both work, sending through a fallback server')
    fake.api.saveAccount.mockReturnValue(new Promise(() => undefined))
    await user.click(screen.getByRole('button', { name: 'Save account' }))
    expect(fake.api.saveAccount).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('region', { name: 'Fallback outgoing servers' }).textContent).toContain('works')
  })

  it('no working outgoing server at all: nothing to save', async () => {
    await finished({
      incoming: passed('imap', 'imap.example.org', 993),
      outgoing: {
        ...passed('smtp', 'smtp.example.org', 465),
        ok: false,
        title: 'No answer',
        cause: 'connection_timeout',
      },
      outgoingFallbacks: [
        { ...passed('smtp', 'relay.example.org', 2525), ok: false, title: 'No answer', cause: 'connection_timeout' },
      ],
      ms: 40,
    })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Outgoing mail failed the test')
    expect(screen.queryByRole('button', { name: 'Save account' })).toBeNull()
  })
})

describe('the account screen', () => {
  const OFFICE = account({
    providerId: null,
    replyTo: 'desk@example.org',
    outgoingFallbacks: [{ host: 'relay.example.org', port: 2525, security: 'starttls' }],
    connection: {
      proxy: { kind: 'socks5', host: 'proxy.lan', port: 1080, username: 'office' },
      minTls: [{ host: 'imap.gmail.com', port: 993, version: '1.0' }],
      pins: [{ host: 'imap.gmail.com', port: 993, spki: CERT.spki, anchor: null, subject: 'CN=mail.office.lan' }],
      cas: [],
    },
    secrets: { incoming: true, outgoing: 'shared', proxy: 'saved' },
  })

  it('shows the office options and removes a trusted certificate through main', async () => {
    const fake = installFakeMailkey({ accounts: [OFFICE] })
    const user = userEvent.setup()
    render(<App />)
    const card = await screen.findByRole('listitem', { name: 'alice@gmail.com' })
    const text = card.textContent ?? ''
    expect(text).toContain('Replies go todesk@example.org')
    expect(text).toContain('relay.example.org port 2525, STARTTLS')
    expect(text).toContain('socks5://office@proxy.lan:1080; its password is in your keychain')
    expect(text).toContain('TLS 1.0 and newer for imap.gmail.com port 993 (outdated')
    fake.api.setAccountTrust.mockResolvedValueOnce({
      ok: true,
      value: { ...OFFICE, connection: { ...OFFICE.connection, pins: [] } },
    })
    await user.click(within(card).getByRole('button', { name: 'Stop trusting the certificate of imap.gmail.com:993' }))
    expect(fake.api.setAccountTrust).toHaveBeenCalledWith({
      accountId: 'acc1',
      pins: [],
      cas: [],
      minTls: OFFICE.connection.minTls,
    })
    expect(within(card).queryByRole('button', { name: /Stop trusting/ })).toBeNull()
  })
})
