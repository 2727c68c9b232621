import { afterEach, describe, expect, it } from 'vitest'
import { runTest } from './run-test.js'
import { DEFAULT_TIMEOUTS, type Timeouts } from '../../src/main/mail/timeouts.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import {
  blackHole,
  dropMidTls,
  scriptedServer,
  sendmailStyleServer,
  silentServer,
  tlsServer,
  type HostileServer,
} from '../bed/hostile.js'
import { describeReport } from '../../src/main/cli/report-text.js'
import { bed } from './bed.js'

const b = bed()
const SECRET = 'hostileSecretPw1'
const base = { email: 'alice@example.test', password: SECRET, trust: { ca: b.ca }, providerId: null }
const FAST: Timeouts = { connectMs: 1000, greetingMs: 1000, commandMs: 1000 }

let servers: HostileServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})
async function start<T extends HostileServer>(s: Promise<T>): Promise<T> {
  const server = await s
  servers.push(server)
  return server
}

const imap = (port: number, security: Server['security']): IncomingServer => ({
  protocol: 'imap',
  host: '127.0.0.1',
  port,
  security,
})
const smtp = (port: number, security: Server['security']): Server => ({ host: '127.0.0.1', port, security })

/** No trace of the credential in what the server received, in any form a client would send it. */
function expectNoCredential(received: string): void {
  expect(received).not.toMatch(/AUTH|LOGIN|PASS /i)
  expect(received).not.toContain(SECRET)
  expect(received).not.toContain(Buffer.from(SECRET).toString('base64'))
}

describe('certificates that must not be trusted', () => {
  it.each([
    ['self-signed', 'selfSigned', 'certificate_untrusted'],
    ['for another host name', 'wrongHost', 'certificate_hostname_mismatch'],
    ['expired', 'expired', 'certificate_expired'],
  ] as const)('%s: %s → %s, with the certificate shown', async (_what, which, cause) => {
    for (const [protocol, greeting] of [
      ['imap', '* OK hi'],
      ['pop3', '+OK hi'],
      ['smtp', '220 hi ESMTP'],
    ] as const) {
      const server = await start(tlsServer(b.certs[which], greeting))
      const side = protocol === 'smtp' ? 'outgoing' : 'incoming'
      const req =
        protocol === 'smtp'
          ? { outgoing: smtp(server.port, 'tls') }
          : { incoming: { ...imap(server.port, 'tls'), protocol } }
      const { report } = await runTest({ ...base, timeouts: FAST, ...req })
      const r = report[side]
      expect(r).toMatchObject({ ok: false, cause, failedStage: 'tls' })
      expect(r?.certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
      expect(r?.certificate?.subject).toContain('CN=')
      expectNoCredential(server.received())
    }
  })
})

describe('the wrong TLS mode for the port, both directions', () => {
  it('TLS to a plaintext IMAP port and to a plaintext SMTP port: tls_mode_mismatch at once', async () => {
    const { report } = await runTest({
      ...base,
      timeouts: FAST,
      incoming: { ...b.imapStarttls, security: 'tls' },
      outgoing: { ...b.submission, security: 'tls' },
    })
    expect(report.incoming).toMatchObject({
      ok: false,
      cause: 'tls_mode_mismatch',
      fix: { kind: 'switch-security', security: 'starttls' },
    })
    expect(report.outgoing).toMatchObject({
      ok: false,
      cause: 'tls_mode_mismatch',
      fix: { kind: 'switch-security', security: 'starttls' },
    })
    expect(report.ms).toBeLessThan(1000)
  })

  it('plaintext to an implicit-TLS IMAP port and SMTP port: tls_mode_mismatch with the switch to SSL/TLS', async () => {
    const { report } = await runTest({
      ...base,
      timeouts: FAST,
      incoming: { ...b.imaps, security: 'starttls' },
      outgoing: { ...b.smtps, security: 'starttls' },
    })
    expect(report.incoming).toMatchObject({
      ok: false,
      cause: 'tls_mode_mismatch',
      fix: { kind: 'switch-security', security: 'tls' },
    })
    expect(report.outgoing).toMatchObject({
      ok: false,
      cause: 'tls_mode_mismatch',
      fix: { kind: 'switch-security', security: 'tls' },
    })
  })
})

describe('servers that misbehave', () => {
  it('accepts and never greets: fails after the greeting timeout, not the library default', async () => {
    const server = await start(silentServer())
    const { report } = await runTest({
      ...base,
      timeouts: FAST,
      outgoing: smtp(server.port, 'tls'),
      incoming: imap(server.port, 'tls'),
    })
    for (const r of [report.incoming, report.outgoing]) {
      expect(r).toMatchObject({ ok: false, cause: 'connection_timeout' })
      expect(r?.ms).toBeLessThan(FAST.greetingMs + 1000)
    }
  })

  it('drops the connection in the middle of the TLS handshake: connection_reset', async () => {
    const server = await start(dropMidTls())
    const { report } = await runTest({ ...base, timeouts: FAST, outgoing: smtp(server.port, 'tls') })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'connection_reset', failedStage: 'tls' })
  })

  it('a black-holed port reports within the connect timeout + 1 s', async () => {
    const hole = await start(blackHole())
    const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, connectMs: 1500 }
    const { report } = await runTest({
      ...base,
      timeouts,
      incoming: imap(hole.port, 'tls'),
      outgoing: smtp(hole.port, 'tls'),
    })
    for (const r of [report.incoming, report.outgoing]) {
      expect(r).toMatchObject({ ok: false, cause: 'connection_timeout', failedStage: 'connect' })
      expect(r?.ms).toBeGreaterThanOrEqual(1400)
      expect(r?.ms).toBeLessThan(1500 + 1000)
    }
  })
})

describe('STARTTLS required but not offered: the credential never leaves', () => {
  it('IMAP without STARTTLS', async () => {
    const server = await start(
      scriptedServer('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready', (line) => {
        const [tag, cmd] = line.split(' ')
        if (cmd?.toUpperCase() === 'CAPABILITY') return `* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK done`
        return `${tag} BAD unknown command`
      }),
    )
    const { report } = await runTest({ ...base, timeouts: FAST, incoming: imap(server.port, 'starttls') })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'tls_mode_mismatch' })
    expectNoCredential(server.received())
  })

  it('POP3 without STLS', async () => {
    const server = await start(
      scriptedServer('+OK POP3 ready', (line) =>
        line.toUpperCase() === 'CAPA' ? '+OK\r\nUSER\r\nSASL PLAIN\r\n.' : '-ERR no',
      ),
    )
    const { report } = await runTest({
      ...base,
      timeouts: FAST,
      incoming: { protocol: 'pop3', host: '127.0.0.1', port: server.port, security: 'starttls' },
    })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'tls_mode_mismatch' })
    expectNoCredential(server.received())
  })

  it('SMTP without STARTTLS', async () => {
    const server = await start(
      scriptedServer('220 relay.example.test ESMTP', (line) => {
        if (/^EHLO/i.test(line)) return '250-relay.example.test\r\n250 AUTH PLAIN LOGIN'
        if (/^QUIT/i.test(line)) return '221 bye'
        return '502 5.5.1 Unrecognized command'
      }),
    )
    const { report } = await runTest({ ...base, timeouts: FAST, outgoing: smtp(server.port, 'starttls') })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'tls_mode_mismatch' })
    expectNoCredential(server.received())
  })
})

describe('an SMTP server that advertises no AUTH (sendmail style, which quotes unknown commands back)', () => {
  it('over implicit TLS: smtp_auth_disabled at the sign-in stage, and no AUTH is ever sent', async () => {
    const server = await start(sendmailStyleServer({ tls: b.certs.server }))
    const { report, transcripts } = await runTest({ ...base, timeouts: FAST, outgoing: smtp(server.port, 'tls') })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'smtp_auth_disabled', failedStage: 'auth' })
    expect(report.outgoing?.explanation).not.toMatch(/Microsoft|admin center/)
    expect(server.received()).toMatch(/^EHLO /m)
    expectNoCredential(server.received())
    const printed = describeReport(report, transcripts)
    expect(printed).not.toContain(SECRET)
    expect(printed).not.toContain(Buffer.from(`\0${base.email}\0${SECRET}`).toString('base64').slice(0, 12))
  })

  it('unencrypted, offering STARTTLS but no AUTH yet: starttls_required, nothing sent', async () => {
    const server = await start(sendmailStyleServer({ starttls: true }))
    const { report } = await runTest({ ...base, timeouts: FAST, outgoing: smtp(server.port, 'none') })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'starttls_required', failedStage: 'auth' })
    expect(report.outgoing?.fix).toMatchObject({ kind: 'switch-security', security: 'starttls' })
    expectNoCredential(server.received())
  })

  it('AUTH offered only with mechanisms Mailkey cannot use: auth_mechanism_unsupported, nothing sent', async () => {
    const server = await start(
      scriptedServer(
        '220 mx.example.test ESMTP',
        (line) => {
          if (/^EHLO/i.test(line)) return '250-mx.example.test\r\n250-AUTH GSSAPI NTLM\r\n250 8BITMIME'
          if (/^QUIT/i.test(line)) return '221 bye'
          return `500 5.5.1 Command unrecognized: "${line}"`
        },
        { tls: b.certs.server },
      ),
    )
    const { report } = await runTest({ ...base, timeouts: FAST, outgoing: smtp(server.port, 'tls') })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'auth_mechanism_unsupported', failedStage: 'auth' })
    expectNoCredential(server.received())
  })
})

describe('a refused password on a server Mailkey has no preset for', () => {
  it('invalid_credentials with one click to try the other form of the user name', async () => {
    const server = await start(
      scriptedServer(
        '220 mail.example.test ESMTP Postfix',
        (line) => {
          if (/^EHLO/i.test(line)) return '250-mail.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME'
          if (/^AUTH/i.test(line)) return '535 5.7.8 Error: authentication failed: authentication failure'
          if (/^QUIT/i.test(line)) return '221 2.0.0 Bye'
          return '502 5.5.2 Error: command not recognized'
        },
        { tls: b.certs.server },
      ),
    )
    const { report } = await runTest({ ...base, timeouts: FAST, outgoing: smtp(server.port, 'tls') })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials', failedStage: 'auth' })
    expect(report.outgoing?.fix).toEqual({
      kind: 'switch-username',
      username: 'alice',
      label: 'Sign in as alice instead',
    })
    // only the one attempt Mailkey was asked for: the other name is tried on the user's click
    expect(server.received().match(/^AUTH /gm)).toHaveLength(1)
    // `mailkey test` says which flag does it; a command without that flag says only what to do
    expect(describeReport(report, undefined, { username: '--username' })).toContain(
      '  Fix: Sign in as alice instead (--username alice)\n',
    )
    expect(describeReport(report)).toContain('  Fix: Sign in as alice instead\n')
  })
})
