import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { CertificateInfo, TestReport } from '../../src/shared/report.js'
import { supportText } from '../../src/renderer/src/test-view/support-text.js'
import { startRun } from '../../src/renderer/src/test-view/test-run.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { BOTH_PASSED, gmailSetup, outgoingFailed, passed } from './fixtures.js'
import { TESTED } from './reducer-table.js'

/** What the test step shows besides the stages: reachability, certificate, details for support. */

const CERT: CertificateInfo = {
  subject: 'CN=mail.evil.example',
  issuer: 'CN=Mallory CA',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2026-01-01T00:00:00.000Z',
  fingerprint256: 'AB:CD:EF:01:23',
  altNames: ['mail.evil.example', 'smtp.evil.example'],
  spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
}

const REFUSED_AND_UNTRUSTED: TestReport = {
  incoming: {
    protocol: 'imap',
    host: 'imap.gmail.com',
    port: 993,
    security: 'tls',
    ok: false,
    ms: 30,
    stages: [
      { stage: 'dns', ms: 2 },
      { stage: 'connect', ms: 28 },
    ],
    failedStage: 'connect',
    cause: 'connection_refused',
    title: 'Nothing answers at imap.gmail.com port 993',
    fix: { kind: 'check-settings', field: 'port', label: 'Check the server name and port' },
  },
  outgoing: {
    ...outgoingFailed(undefined).outgoing!,
    failedStage: 'tls',
    cause: 'certificate_untrusted',
    title: 'The server’s certificate is not trusted',
    serverText: 'self-signed certificate',
    certificate: CERT,
  },
  reachability: {
    summary: '993 and 143 are closed; 465 works',
    checks: [
      { host: 'imap.gmail.com', port: 993, open: false, ms: 3, result: 'refused' },
      { host: 'imap.gmail.com', port: 143, open: false, ms: 3000, result: 'no-answer' },
      { host: 'smtp.gmail.com', port: 465, open: true, ms: 12 },
    ],
  },
  ms: 3100,
}

const TRANSCRIPTS = {
  incoming: 'S: * OK Gimap ready\nC: a1 LOGIN alice@gmail.com [redacted]\nS: a1 NO [AUTHENTICATIONFAILED]',
  outgoing: 'S: 220 smtp.gmail.com ESMTP\nC: AUTH PLAIN [redacted]\nS: 535-5.7.8 Username and Password not accepted.',
}

async function finishedWith(report: TestReport) {
  const fake = installFakeMailkey()
  fake.api.getTranscript.mockResolvedValue({ ok: true, value: TRANSCRIPTS })
  const user = userEvent.setup()
  render(
    <Wizard
      onSaved={() => undefined}
      initialState={{ step: 'test', setup: gmailSetup(), run: startRun('t1', TESTED) }}
    />,
  )
  await act(() => fake.finishTest({ ok: true, value: report }))
  return { fake, user }
}

describe('test step details', () => {
  it('says which standard ports answer from this network when connecting failed', async () => {
    await finishedWith(REFUSED_AND_UNTRUSTED)
    const reach = screen.getByRole('region', { name: 'What answers from this network' })
    expect(reach.textContent).toContain('993 and 143 are closed; 465 works')
    expect(
      within(reach)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'imap.gmail.com port 993: turned away (closed)',
      'imap.gmail.com port 143: no answer (blocked?)',
      'smtp.gmail.com port 465: answers',
    ])
  })

  it('shows the certificate in the diagnosis of a certificate failure', async () => {
    await finishedWith(REFUSED_AND_UNTRUSTED)
    const card = screen.getByRole('group', { name: 'The server’s certificate is not trusted' })
    const text = card.textContent ?? ''
    expect(text).toContain('Issued toCN=mail.evil.example')
    expect(text).toContain('Issued byCN=Mallory CA')
    expect(text).toContain('Valid formail.evil.example, smtp.evil.example')
    expect(text).toContain('SHA-256AB:CD:EF:01:23')
    expect(screen.getByRole('group', { name: 'Nothing answers at imap.gmail.com port 993' }).textContent).not.toContain(
      'SHA-256',
    )
  })

  it('no reachability section when the servers were reached', async () => {
    await finishedWith(BOTH_PASSED)
    expect(screen.queryByRole('region', { name: 'What answers from this network' })).toBeNull()
  })

  it('copies the outcome and the redacted exchange for support, and shows the same text', async () => {
    const { fake, user } = await finishedWith(outgoingFailed(undefined))
    expect(fake.api.getTranscript).toHaveBeenCalledWith({ testId: 't1' })
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const copy = screen.getByRole<HTMLButtonElement>('button', { name: 'Copy details for support' })
    await waitFor(() => expect(copy.disabled).toBe(false))
    await user.click(copy)
    const copied = writeText.mock.calls[0] as unknown as [string]
    expect(copied[0]).toContain('Outgoing mail: SMTP smtp.gmail.com port 465, SSL/TLS — failed at “Signing in”')
    expect(copied[0]).toContain(TRANSCRIPTS.outgoing)
    expect(copied[0]).toContain('--- Incoming mail (IMAP) ---')
    expect(screen.getByText(/Copied\./)).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Details for support' }).textContent).toBe(copied[0])
  })

  it('when the clipboard refuses, opens the details and selects them to copy by hand', async () => {
    const { user } = await finishedWith(BOTH_PASSED)
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    })
    const copy = screen.getByRole<HTMLButtonElement>('button', { name: 'Copy details for support' })
    await waitFor(() => expect(copy.disabled).toBe(false))
    await user.click(copy)
    expect(await screen.findByText(/could not use the clipboard/)).toBeTruthy()
    const details = screen.getByRole('region', { name: 'Details for support' }).closest('details')
    expect(details?.open).toBe(true)
    await waitFor(() => expect(window.getSelection()?.toString()).toContain('Mailkey connection test'))
  })
})

describe('support text', () => {
  it('names each server and its outcome, then each exchange; says when none was recorded', () => {
    const text = supportText(
      { incoming: passed('imap', 'imap.gmail.com', 993), outgoing: outgoingFailed(undefined).outgoing!, ms: 1 },
      { incoming: 'S: * OK' },
    )
    expect(text.split('\n')).toEqual([
      'Mailkey connection test',
      'Incoming mail: IMAP imap.gmail.com port 993, SSL/TLS — works (120 ms)',
      'Outgoing mail: SMTP smtp.gmail.com port 465, SSL/TLS — failed at “Signing in”: Google did not accept this password [invalid_credentials]',
      '',
      '--- Incoming mail (IMAP) ---',
      'S: * OK',
      '',
      '--- Outgoing mail (SMTP) ---',
      '(no exchange was recorded)',
    ])
  })
})
