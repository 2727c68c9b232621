import { describe, expect, it } from 'vitest'
import type { ProbeReport, TestReport } from '../../src/shared/report.js'
import { testInput, saveInput } from '../../src/renderer/src/wizard/connection-input.js'
import { editSetup } from '../../src/renderer/src/wizard/edit-setup.js'
import { BLANK_OFFICE, changeOffice, parseOffice } from '../../src/renderer/src/wizard/office-draft.js'
import { parseSetup } from '../../src/renderer/src/wizard/setup.js'
import { serversState } from '../../src/renderer/src/wizard/wizard-state.js'
import { account, customSetup, passed } from './fixtures.js'
import { address, finished, fix, found, runTable, TESTED, type Row } from './reducer-table.js'

/** The office options in the wizard (issue 16): proxy, TLS minimum, trusted certificates, fallbacks, Reply-To. */

const CERT = {
  subject: 'CN=mail.office.lan',
  issuer: 'CN=mail.office.lan',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: 'AB:CD',
  altNames: ['mail.office.lan'],
  spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  anchor: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
}
const untrusted: ProbeReport = {
  protocol: 'imap',
  host: 'imap.example.org',
  port: 993,
  security: 'tls',
  ok: false,
  ms: 20,
  stages: [{ stage: 'tls', ms: 5 }],
  failedStage: 'tls',
  cause: 'certificate_untrusted',
  canTrust: true,
  certificate: CERT,
}
const CERT_FAILED: TestReport = { incoming: untrusted, outgoing: passed('smtp', 'smtp.example.org', 465), ms: 30 }
const OLD_SERVER: TestReport = {
  incoming: {
    ...untrusted,
    cause: 'tls_version_unsupported',
    canTrust: undefined,
    certificate: undefined,
  },
  outgoing: passed('smtp', 'smtp.example.org', 465),
  ms: 30,
}
const CUSTOM_TESTED = {
  incoming: { protocol: 'imap' as const, host: 'imap.example.org', port: 993, security: 'tls' as const },
  outgoing: { host: 'smtp.example.org', port: 465, security: 'tls' as const },
}

const rows: Row[] = [
  {
    name: '"Trust this certificate": the key and its anchor are pinned for that host and port, and the test runs again',
    from: finished(CERT_FAILED, customSetup()),
    action: { type: 'certificateTrusted', side: 'incoming', testId: 't2' },
    to: {
      step: 'test',
      run: { status: 'running', testId: 't2' },
      setup: {
        office: {
          pins: [{ host: 'imap.example.org', port: 993, spki: CERT.spki, anchor: CERT.anchor, subject: CERT.subject }],
        },
      },
    },
  },
  {
    name: 'no trust where Mailkey does not offer it (a provider, a changed key)',
    from: finished({ ...CERT_FAILED, incoming: { ...untrusted, canTrust: undefined } }, customSetup()),
    action: { type: 'certificateTrusted', side: 'incoming', testId: 't2' },
    to: 'same',
  },
  {
    name: 'the TLS fix lowers the minimum of that side only and tests again',
    from: finished(OLD_SERVER, customSetup()),
    action: fix(
      { kind: 'allow-tls-version', host: 'imap.example.org', port: 993, version: '1.0', label: 'x' },
      'incoming',
    ),
    to: { step: 'test', setup: { office: { minTls: { incoming: '1.0', outgoing: '1.2' } } } },
  },
  {
    name: 'a proxy fix opens the editor on the proxy',
    from: finished(OLD_SERVER, customSetup()),
    action: fix({ kind: 'check-settings', field: 'proxy', label: 'x' }, 'incoming'),
    to: { step: 'servers', editing: true, focus: { side: 'incoming', field: 'proxy' } },
  },
  {
    name: 'a fallback server starts as the other submission port of the same host',
    from: serversState(customSetup()),
    action: { type: 'fallbackAdded' },
    to: { setup: { fallbacks: [{ host: 'smtp.example.org', port: '587', security: 'starttls' }] } },
  },
  {
    name: 'and is edited like any server (port and mode move together)',
    from: serversState(customSetup({ fallbacks: [{ host: 'relay.example.org', port: '587', security: 'starttls' }] })),
    action: { type: 'fallbackChanged', index: 0, change: { field: 'port', value: '465' } },
    to: { setup: { fallbacks: [{ host: 'relay.example.org', port: '465', security: 'tls' }] } },
  },
  {
    name: 'an address step with a malformed Reply-To does not move on',
    from: address('bob@example.org', { replyTo: 'not an address', detection: found('bob@example.org') }),
    action: { type: 'addressSubmitted' },
    to: { step: 'address', showProblems: true },
  },
  {
    name: 'a good Reply-To goes with the setup',
    from: address('bob@example.org', { replyTo: ' desk@example.org ', detection: found('bob@example.org') }),
    action: { type: 'addressSubmitted' },
    to: { setup: { replyTo: 'desk@example.org' } },
  },
]

describe('wizard reducer: office options', () => runTable(rows))

describe('the office draft as main takes it', () => {
  it('a proxy with a user needs its password; host and port are checked with main’s rules', () => {
    let office = changeOffice(BLANK_OFFICE, { field: 'proxyKind', value: 'socks5' })
    expect(office.proxy.port).toBe('1080')
    office = changeOffice(office, { field: 'proxyHost', value: 'proxy lan' })
    expect(parseOffice(office, TESTED)).toMatchObject({ ok: false, problems: { proxyHost: expect.any(String) } })
    office = changeOffice(changeOffice(office, { field: 'proxyHost', value: 'proxy.lan' }), {
      field: 'proxyUsername',
      value: 'office',
    })
    expect(parseOffice(office, TESTED)).toMatchObject({
      ok: false,
      problems: { proxyPassword: 'Enter the proxy’s password.' },
    })
    office = changeOffice(office, { field: 'proxyPassword', value: 's3cret' })
    expect(parseOffice(office, TESTED)).toEqual({
      ok: true,
      connection: {
        proxy: { kind: 'socks5', host: 'proxy.lan', port: 1080, username: 'office' },
        minTls: [],
        pins: [],
        cas: [],
      },
      proxyPassword: 's3cret',
    })
  })

  it('a TLS minimum is kept for its server only, and the default is not stored', () => {
    const office = changeOffice(BLANK_OFFICE, { field: 'minTls', side: 'outgoing', value: '1.3' })
    const parsed = parseOffice(office, TESTED)
    expect(parsed.ok && parsed.connection.minTls).toEqual([{ host: 'smtp.gmail.com', port: 465, version: '1.3' }])
  })

  it('a new account sends nothing for a direct connection; a proxy, fallbacks and a Reply-To when set', () => {
    const plain = customSetup()
    expect(parseSetup(plain).ok).toBe(true)
    expect(testInput(plain, 't', CUSTOM_TESTED)).not.toHaveProperty('connection')
    const office = changeOffice(changeOffice(BLANK_OFFICE, { field: 'proxyKind', value: 'http' }), {
      field: 'proxyHost',
      value: 'proxy.lan',
    })
    const set = customSetup({
      office,
      replyTo: 'desk@example.org',
      fallbacks: [{ host: 'relay.example.org', port: '2525', security: 'starttls' }],
    })
    expect(saveInput(set, 't', CUSTOM_TESTED)).toMatchObject({
      connection: { proxy: { kind: 'http', host: 'proxy.lan', port: 3128, username: null } },
      outgoingFallbacks: [{ host: 'relay.example.org', port: 2525, security: 'starttls' }],
      replyTo: 'desk@example.org',
    })
  })

  it('editing keeps the saved proxy password for that proxy only (nothing to send), and asks for it for another', () => {
    const saved = account({
      connection: {
        proxy: { kind: 'socks5', host: 'proxy.lan', port: 1080, username: 'office' },
        minTls: [],
        pins: [],
        cas: [],
      },
      secrets: { incoming: true, outgoing: 'shared', proxy: 'saved' },
    })
    const edit = editSetup(saved)
    expect(parseSetup(edit).ok).toBe(true)
    expect(testInput(edit, 't', TESTED)).not.toHaveProperty('connection')
    expect(testInput(edit, 't', TESTED)).not.toHaveProperty('proxyPassword')
    const moved = { ...edit, office: changeOffice(edit.office, { field: 'proxyHost', value: 'other.lan' }) }
    expect(parseSetup(moved)).toMatchObject({
      ok: false,
      problems: { office: { proxyPassword: 'Enter the proxy’s password.' } },
    })
  })
})
