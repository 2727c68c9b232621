import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/main/diagnosis/index.js'

/** The office causes' words and fixes: which step of the proxy failed, which TLS version, a changed key. */

describe('proxy_failed says which step failed', () => {
  it.each([
    [
      'Mailkey could not reach the proxy',
      'EPROXY_CONNECT',
      'Mailkey could not reach the SOCKS5 proxy 10.0.0.5:1080: nothing accepts connections there (ECONNREFUSED)',
      'check-settings',
    ],
    [
      'The proxy refused the sign-in',
      'EPROXY_AUTH',
      'The HTTP proxy proxy.lan:3128 refused the user name or password',
      'check-settings',
    ],
    [
      'The proxy would not connect to mail.example.com port 993',
      'EPROXY_TARGET',
      'The SOCKS5 proxy 10.0.0.5:1080 does not allow this connection (its rules forbid it): mail.example.com:993',
      'contact-admin',
    ],
  ] as const)('%s (%s)', (title, code, message, fix) => {
    const d = diagnose({
      text: '',
      message,
      code,
      protocol: 'imap',
      host: 'mail.example.com',
      port: 993,
      security: 'tls',
    })
    expect(d).toMatchObject({ cause: 'proxy_failed', title, fix: { kind: fix } })
    expect(d.explanation).toContain(message)
  })

  it('pasted texts: a 407 is the sign-in, a SOCKS5 reply 0x05 is the target, a refused proxy is the proxy', () => {
    expect(diagnose({ text: 'Received HTTP code 407 from proxy after CONNECT' }).title).toBe(
      'The proxy refused the sign-in',
    )
    expect(diagnose({ text: 'socks.SOCKS5Error: 0x05: Connection refused' }).title).toMatch(
      /^The proxy would not connect/,
    )
    expect(
      diagnose({
        text: 'socks.ProxyConnectionError: Error connecting to SOCKS5 proxy localhost:1080: [Errno 111] Connection refused',
      }).title,
    ).toBe('Mailkey could not reach the proxy')
  })
})

describe('tls_version_unsupported names the version and lowers the minimum for one server', () => {
  const base = {
    text: '',
    code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
    protocol: 'imap' as const,
    host: 'mail.office.lan',
    port: 993,
    security: 'tls' as const,
  }

  it('a TLS 1.0 server under the default minimum: "only speaks TLS 1.0", allow 1.0 (outdated) for it alone', () => {
    const d = diagnose({ ...base, serverTls: ['1.0'] })
    expect(d).toMatchObject({
      cause: 'tls_version_unsupported',
      title: 'The server only speaks TLS 1.0',
      fix: {
        kind: 'allow-tls-version',
        host: 'mail.office.lan',
        port: 993,
        version: '1.0',
        label: 'Allow TLS 1.0 (outdated) for mail.office.lan:993 only',
      },
    })
    expect(d.explanation).toMatch(/outdated and no longer considered safe \(RFC 8996\)/)
  })

  it('1.3 only against a 1.2 server: allow 1.2, with no warning', () => {
    const d = diagnose({ ...base, minTls: '1.3', serverTls: ['1.2'] })
    expect(d.title).toBe('The server only speaks TLS 1.2')
    expect(d.fix).toMatchObject({ kind: 'allow-tls-version', version: '1.2' })
    expect(d.explanation).not.toMatch(/outdated/)
  })

  it('versions unknown (STARTTLS, pasted text): still a fix for that server, and no fix without one', () => {
    expect(diagnose({ ...base, security: 'starttls', port: 143 }).fix).toMatchObject({
      kind: 'allow-tls-version',
      version: '1.0',
      port: 143,
    })
    expect(diagnose({ text: '[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:727)' }).fix.kind).toBe(
      'contact-admin',
    )
  })

  it('is not the TLS mode: "wrong version number" stays tls_mode_mismatch', () => {
    expect(diagnose({ text: 'ssl3_get_record:wrong version number' }).cause).toBe('tls_mode_mismatch')
  })
})

describe('a pinned key that changed', () => {
  it('says "the certificate changed" with both pins, and sends nobody to switch checks off', () => {
    const d = diagnose({
      text: '',
      code: 'CERT_PIN_MISMATCH',
      message:
        'The certificate of mail.office.lan changed: you trusted sha256/AAAA, the server now presents sha256/BBBB',
      host: 'mail.office.lan',
      port: 993,
      protocol: 'imap',
    })
    expect(d).toMatchObject({
      cause: 'certificate_untrusted',
      title: 'The certificate of mail.office.lan:993 changed',
      fix: { kind: 'contact-admin' },
    })
    expect(d.explanation).toContain('sha256/AAAA')
    expect(d.explanation).toContain('sha256/BBBB')
  })
})
