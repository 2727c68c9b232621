import { describe, expect, it } from 'vitest'
import { diagnoseFailure } from '../../src/main/mail/diagnose-failure.js'
import type { FailureFacts } from '../../src/main/mail/probe-failure.js'
import { Redactor } from '../../src/main/mail/redact.js'
import type { Cause, Fix } from '../../src/shared/diagnosis.js'
import { plannedStages, type Protocol, type Security, type Stage } from '../../src/shared/mail.js'
import { PROVIDER_PAGES, type ProviderId } from '../../src/shared/providers.js'

/**
 * Cause → fix → stage, for every cause of the vocabulary (a Record, so a new cause without a row does
 * not compile): a failure as a probe reports it (its facts, the server, the stage it stopped at), the
 * cause it must get, and the fix that would have solved the reports the issue collected.
 */
interface Row {
  protocol: Protocol
  server: { host: string; port: number; security: Security }
  stage: Stage
  facts: FailureFacts
  providerId?: ProviderId
  /** Only a sender check (an alias) has the `sender` stage. */
  senderCheck?: boolean
  fix: Partial<Fix>
}

const gmail = { host: 'smtp.gmail.com', port: 465, security: 'tls' } as const
const gmailImap = { host: 'imap.gmail.com', port: 993, security: 'tls' } as const
const own = { host: 'mail.example.org', port: 465, security: 'tls' } as const
const ownImap = { host: 'mail.example.org', port: 993, security: 'tls' } as const

const TABLE: Record<Cause, Row> = {
  app_password_required: {
    protocol: 'smtp',
    server: gmail,
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'Invalid login', code: 'EAUTH', serverText: '534-5.7.9 Application-specific password required.' },
    fix: { kind: 'open-url', url: 'https://myaccount.google.com/apppasswords' },
  },
  invalid_credentials: {
    protocol: 'imap',
    server: ownImap,
    stage: 'auth',
    facts: {
      message: 'Command failed',
      serverText: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
      authFailed: true,
    },
    // the classic fix on a server with no preset: the other form of the user name, one retry on a click
    fix: { kind: 'switch-username', username: 'alice', label: 'Sign in as alice instead' },
  },
  web_login_required: {
    protocol: 'smtp',
    server: gmail,
    stage: 'auth',
    providerId: 'gmail',
    facts: {
      message: 'Invalid login',
      serverText: '534-5.7.14 Please log in via your web browser and then try again.',
    },
    fix: { kind: 'open-url', url: PROVIDER_PAGES.googleWebLogin },
  },
  imap_disabled: {
    protocol: 'imap',
    server: gmailImap,
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'Command failed', serverText: 'NO [ALERT] Your account is not enabled for IMAP use.' },
    fix: { kind: 'open-url', url: PROVIDER_PAGES.gmailPopImap },
  },
  pop_disabled: {
    protocol: 'pop3',
    server: { host: 'pop.gmail.com', port: 995, security: 'tls' },
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'refused', serverText: '-ERR [SYS/PERM] Your account is not enabled for POP access.' },
    fix: { kind: 'open-url', url: PROVIDER_PAGES.gmailPopImap },
  },
  smtp_auth_disabled: {
    protocol: 'smtp',
    server: { host: 'mail.example.org', port: 25, security: 'starttls' },
    stage: 'auth',
    facts: { code: 'SMTP_NO_AUTH', message: 'The server offers no sign-in (no AUTH in its EHLO reply)' },
    // port 25 is for servers; a mail app signs in on the submission port
    fix: { kind: 'switch-security', port: 587, security: 'starttls' },
  },
  too_many_connections: {
    protocol: 'imap',
    server: gmailImap,
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'Command failed', serverText: 'NO [ALERT] Too many simultaneous connections. (Failure)' },
    fix: { kind: 'retry-later' },
  },
  rate_limited: {
    protocol: 'smtp',
    server: gmail,
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'Invalid login', serverText: '454 4.7.0 Too many login attempts, please try again later.' },
    fix: { kind: 'retry-later' },
  },
  sending_limit: {
    protocol: 'smtp',
    server: gmail,
    stage: 'sender',
    senderCheck: true,
    providerId: 'gmail',
    facts: { message: 'refused MAIL FROM', serverText: '550 5.4.5 Daily user sending quota exceeded.' },
    fix: { kind: 'open-url', url: PROVIDER_PAGES.googleSendingLimits },
  },
  auth_required_before_send: {
    protocol: 'smtp',
    server: own,
    stage: 'sender',
    senderCheck: true,
    facts: { message: 'refused MAIL FROM', serverText: '530 5.7.0 Authentication Required' },
    fix: { kind: 'check-settings', field: 'username' },
  },
  starttls_required: {
    protocol: 'smtp',
    server: { host: 'mail.example.org', port: 587, security: 'none' },
    stage: 'auth',
    facts: { code: 'SMTP_AUTH_AFTER_STARTTLS', message: 'The server offers sign-in (AUTH) only after STARTTLS' },
    fix: { kind: 'switch-security', port: 587, security: 'starttls' },
  },
  tls_mode_mismatch: {
    protocol: 'smtp',
    server: { host: 'mail.example.org', port: 587, security: 'tls' },
    stage: 'tls',
    facts: { code: 'ESOCKET', message: 'ssl3_get_record:wrong version number' },
    fix: { kind: 'switch-security', port: 587, security: 'starttls' },
  },
  certificate_untrusted: {
    protocol: 'imap',
    server: ownImap,
    stage: 'tls',
    facts: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' },
    // not "check the server name": the name is right, the certificate is not vouched for
    fix: { kind: 'contact-admin' },
  },
  certificate_hostname_mismatch: {
    protocol: 'imap',
    server: ownImap,
    stage: 'tls',
    facts: { code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames" },
    fix: { kind: 'check-settings', field: 'host' },
  },
  certificate_expired: {
    protocol: 'imap',
    server: ownImap,
    stage: 'tls',
    facts: { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' },
    fix: { kind: 'contact-admin' },
  },
  connection_refused: {
    protocol: 'imap',
    server: ownImap,
    stage: 'connect',
    facts: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 192.0.2.1:993' },
    fix: { kind: 'check-settings', field: 'port' },
  },
  connection_timeout: {
    protocol: 'smtp',
    server: { host: 'mail.example.org', port: 587, security: 'starttls' },
    stage: 'connect',
    facts: { code: 'ETIMEDOUT', message: 'No answer within 10000 ms' },
    fix: { kind: 'switch-security', port: 465, security: 'tls' },
  },
  dns_not_found: {
    protocol: 'imap',
    server: ownImap,
    stage: 'dns',
    facts: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND mail.example.org' },
    fix: { kind: 'check-settings', field: 'host' },
  },
  connection_reset: {
    protocol: 'smtp',
    server: own,
    stage: 'greeting',
    facts: { code: 'ECONNRESET', message: 'The server closed the connection' },
    fix: { kind: 'retry-later' },
  },
  sender_not_allowed: {
    protocol: 'smtp',
    server: own,
    stage: 'sender',
    senderCheck: true,
    facts: {
      message: 'refused MAIL FROM',
      serverText: '553 5.7.1 <b@other.test>: Sender address rejected: not owned by user',
    },
    fix: { kind: 'check-settings', field: 'email' },
  },
  relay_denied: {
    protocol: 'smtp',
    server: own,
    stage: 'sender',
    senderCheck: true,
    facts: { message: 'refused RCPT TO', serverText: '554 5.7.1 <x@elsewhere.test>: Relay access denied' },
    fix: { kind: 'check-settings', field: 'host' },
  },
  oauth_token_invalid: {
    protocol: 'imap',
    server: gmailImap,
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'invalid_grant: Token has been expired or revoked.' },
    fix: { kind: 'replace-password', label: 'Sign in again' },
  },
  oauth_required: {
    protocol: 'smtp',
    server: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    stage: 'auth',
    providerId: 'microsoft-365',
    facts: {
      message: 'Invalid login',
      code: 'EAUTH',
      serverText:
        '535 5.7.30 Basic authentication is not supported for Client Submission. Visit https://aka.ms/smtp_auth_disabled for more information.',
      authFailed: true,
    },
    fix: { kind: 'sign-in', provider: 'microsoft' },
  },
  oauth_client_rejected: {
    protocol: 'imap',
    server: gmailImap,
    stage: 'auth',
    providerId: 'gmail',
    facts: { message: 'invalid_client: The OAuth client was not found.', code: 'EOAUTH' },
    fix: { kind: 'open-url' },
  },
  oauth_consent_required: {
    protocol: 'imap',
    server: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    stage: 'auth',
    providerId: 'microsoft-365',
    facts: {
      message:
        'AADSTS90094: Admin consent is required for the permissions requested by this application. Need admin approval',
    },
    fix: { kind: 'contact-admin' },
  },
  auth_mechanism_unsupported: {
    protocol: 'smtp',
    server: own,
    stage: 'auth',
    facts: { code: 'ENOAUTHMECH', message: 'The server offers no password sign-in Mailkey can use (AUTH GSSAPI NTLM)' },
    fix: { kind: 'contact-admin' },
  },
  account_disabled: {
    protocol: 'smtp',
    server: own,
    stage: 'sender',
    senderCheck: true,
    facts: { message: 'refused MAIL FROM', serverText: '550 Outgoing mail from "a@example.org" has been suspended.' },
    fix: { kind: 'contact-admin' },
  },
  server_unavailable: {
    protocol: 'smtp',
    server: own,
    stage: 'greeting',
    facts: { message: 'refused', serverText: '421 4.3.2 Service not available' },
    fix: { kind: 'retry-later' },
  },
  unknown: {
    protocol: 'smtp',
    server: own,
    stage: 'ready',
    facts: { message: 'xyzzy' },
    fix: { kind: 'none' },
  },
  // issue 16: the office's SOCKS5 proxy wants its own user and password, and refused the ones given
  proxy_failed: {
    protocol: 'imap',
    server: ownImap,
    stage: 'connect',
    facts: {
      code: 'EPROXY_AUTH',
      message: 'The SOCKS5 proxy at proxy.office.lan port 1080 refused the user name and password',
    },
    fix: { kind: 'check-settings', field: 'proxy' },
  },
  // issue 16: an old office server that only speaks TLS 1.0, found by the second look
  tls_version_unsupported: {
    protocol: 'imap',
    server: ownImap,
    stage: 'tls',
    facts: {
      code: 'ERR_SSL_UNSUPPORTED_PROTOCOL',
      message: 'C0D7E2F5:error:0A000102:SSL routines:ssl_choose_client_version:unsupported protocol',
      serverTlsVersions: ['1.0'],
    },
    fix: { kind: 'allow-tls-version', host: 'mail.example.org', port: 993, version: '1.0' },
  },
}

describe('every cause: the stage it stops at and a fix that would have solved it', () => {
  it.each(Object.entries(TABLE) as [Cause, Row][])('%s', (cause, row) => {
    expect(plannedStages(row.server.security, { senderCheck: row.senderCheck ?? false })).toContain(row.stage)
    const d = diagnoseFailure(row.facts, {
      protocol: row.protocol,
      server: row.server,
      stage: row.stage,
      providerId: row.providerId ?? null,
      savedSecret: false,
      redactor: new Redactor([]),
      email: 'alice@example.org',
      username: 'alice@example.org',
    })
    expect(d.cause).toBe(cause)
    expect(d.fix).toMatchObject(row.fix)
    expect(d.fix.label.length).toBeGreaterThan(3)
  })

  it('a saved password that stopped working is replaced, not signed in under another name', () => {
    const d = diagnoseFailure(TABLE.invalid_credentials.facts, {
      protocol: 'imap',
      server: ownImap,
      stage: 'auth',
      providerId: null,
      savedSecret: true,
      redactor: new Redactor([]),
      email: 'alice@example.org',
      username: 'alice@example.org',
    })
    expect(d.fix.kind).toBe('replace-password')
  })

  it('the other form of the name works both ways, and a provider with a known form gets none', () => {
    const other = (username: string, providerId: ProviderId | null = null): Fix =>
      diagnoseFailure(TABLE.invalid_credentials.facts, {
        protocol: 'imap',
        server: ownImap,
        stage: 'auth',
        providerId,
        savedSecret: false,
        redactor: new Redactor([]),
        email: 'alice@example.org',
        username,
      }).fix
    expect(other('alice')).toMatchObject({ kind: 'switch-username', username: 'alice@example.org' })
    expect(other('someone-else').kind).toBe('check-settings')
    expect(other('alice@example.org', 'zoho').kind).not.toBe('switch-username')
  })

  it('an unknown server without AUTH on the submission port asks the provider, and says nothing of Microsoft', () => {
    const d = diagnoseFailure(TABLE.smtp_auth_disabled.facts, {
      protocol: 'smtp',
      server: { host: 'mail.example.org', port: 465, security: 'tls' },
      stage: 'auth',
      providerId: null,
      savedSecret: false,
      redactor: new Redactor([]),
    })
    expect(d.cause).toBe('smtp_auth_disabled')
    expect(d.fix.kind).toBe('contact-admin')
    expect(`${d.title} ${d.explanation}`).not.toMatch(/Microsoft/)
  })
})
