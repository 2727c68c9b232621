import { describe, expect, it } from 'vitest'
import { diagnose, type DiagnosisInput } from '../../src/main/diagnosis/index.js'
import type { CertificateInfo } from '../../src/shared/report.js'

const GMAIL_535 =
  'Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials 2adb3069b0e04-521f38d7f71sm2899713e87.194 - gsmtp'
const MS_SMTP_AUTH =
  '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]'
const MS_BASIC_AUTH =
  'SendEmail: User bobbryant@outlook.com failed to authenticate with smtp-mail.outlook.com:587: 535: 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]'
const YAHOO_AUTH005 = 'Error: Invalid login: 535 5.7.0 (#AUTH005) Too many bad auth attempts.'
const IMAP_INVALID = 'S: a0 NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials'

const CERT: CertificateInfo = {
  subject: 'CN=mail.example.test',
  issuer: 'CN=Example Private CA',
  validFrom: '2024-01-01T00:00:00.000Z',
  validTo: '2024-12-31T23:59:59.000Z',
  fingerprint256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  altNames: ['mail.example.test', 'smtp.example.test'],
  spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
}

const d = (input: DiagnosisInput): ReturnType<typeof diagnose> => diagnose(input)

describe('provider-aware titles and fixes', () => {
  it('Gmail invalid_credentials asks for an app password and links to the page where it is made', () => {
    const r = d({ text: GMAIL_535, protocol: 'smtp' })
    expect(r.cause).toBe('invalid_credentials')
    expect(r.title).toBe('Google did not accept this password')
    expect(r.explanation).toMatch(/app password/)
    expect(r.fix).toEqual({
      kind: 'open-url',
      url: 'https://myaccount.google.com/apppasswords',
      label: 'Open Gmail’s App passwords page',
    })
  })

  it('Gmail invalid_credentials with a saved secret offers to replace it and says why it went stale', () => {
    const r = d({ text: GMAIL_535, protocol: 'smtp', hasSavedSecret: true })
    expect(r.fix.kind).toBe('replace-password')
    expect(r.explanation).toMatch(/revokes every app password/)
  })

  it('recognises Gmail from the text alone (the "- gsmtp" suffix), and from providerId for a bare IMAP reply', () => {
    expect(d({ text: GMAIL_535 }).title).toMatch(/^Google/)
    const imap = d({ text: IMAP_INVALID, providerId: 'google-workspace' })
    expect(imap.title).toMatch(/^Google/)
    expect(imap.fix).toMatchObject({ kind: 'open-url', url: 'https://myaccount.google.com/apppasswords' })
  })

  it('Microsoft 365 smtp_auth_disabled says an admin must enable SMTP AUTH for the mailbox', () => {
    const r = d({ text: MS_SMTP_AUTH, protocol: 'smtp' })
    expect(r.cause).toBe('smtp_auth_disabled')
    expect(r.explanation).toMatch(/admin must enable Authenticated SMTP for this mailbox/)
    expect(r.fix).toMatchObject({
      kind: 'open-url',
      url: expect.stringMatching(/^https:\/\/learn\.microsoft\.com\/.*authenticated-client-smtp-submission$/),
    })
  })

  it('Outlook.com with basic auth retired says passwords no longer work (no admin to ask)', () => {
    const r = d({ text: MS_BASIC_AUTH, protocol: 'smtp' })
    expect(r.cause).toBe('smtp_auth_disabled')
    expect(r.title).toBe('Outlook.com no longer accepts passwords for sending')
    expect(r.explanation).toMatch(/OAuth/)
    expect(r.fix.kind).toBe('open-url')
  })

  it('Yahoo #AUTH005 is an app password, made on Yahoo’s own page', () => {
    const r = d({ text: YAHOO_AUTH005, protocol: 'smtp' })
    expect(r.cause).toBe('app_password_required')
    expect(r.title).toBe('Yahoo Mail needs an app password for Mailkey')
    expect(r.explanation).toMatch(/even on the first try/)
    expect(r.fix).toMatchObject({ kind: 'open-url', url: 'https://login.yahoo.com/account/security' })
  })

  it('iCloud invalid_credentials points to Apple’s app-specific passwords, or replaces a saved one', () => {
    const typed = d({ text: IMAP_INVALID, providerId: 'icloud' })
    expect(typed.fix).toMatchObject({ kind: 'open-url', url: 'https://account.apple.com/account/manage' })
    const saved = d({ text: IMAP_INVALID, providerId: 'icloud', hasSavedSecret: true })
    expect(saved.fix.kind).toBe('replace-password')
  })

  it('an unknown server’s invalid_credentials checks the password, or replaces the saved one', () => {
    const text = '535 5.7.8 Error: authentication failed: authentication failure'
    expect(d({ text }).fix).toMatchObject({ kind: 'check-settings', field: 'password' })
    expect(d({ text, hasSavedSecret: true }).fix).toEqual({ kind: 'replace-password', label: 'Enter the new password' })
  })

  it('Workspace IMAP switched off for the domain is a job for the admin; for one Gmail account, a setting', () => {
    const domain = d({ text: 'NO [ALERT] IMAP access is disabled for your domain.', providerId: 'google-workspace' })
    expect(domain.fix.kind).toBe('contact-admin')
    const account = d({ text: 'NO [ALERT] Your account is not enabled for IMAP use.', providerId: 'gmail' })
    expect(account.fix).toMatchObject({ kind: 'open-url', url: expect.stringContaining('mail.google.com') })
  })

  it('Microsoft send-as refusals ask the admin; Gmail’s point to “Send mail as”', () => {
    const ms = d({ text: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' })
    expect(ms.cause).toBe('sender_not_allowed')
    expect(ms.fix.kind).toBe('contact-admin')
    const g = d({ text: '553 5.7.1 Sender address rejected', providerId: 'gmail' })
    expect(g.fix).toMatchObject({ kind: 'open-url', url: expect.stringContaining('#settings/accounts') })
  })

  it('the verbatim server text is kept, trimmed', () => {
    expect(d({ text: `  ${YAHOO_AUTH005}\n` }).serverText).toBe(YAHOO_AUTH005)
  })
})

describe('TLS mode fixes name the port and mode to switch to', () => {
  const WRONG_VERSION = 'C861B82B4F7C0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'

  it.each([
    // port, security used, protocol → port, security to use
    [587, 'tls', 'smtp', 587, 'starttls'],
    [465, 'starttls', 'smtp', 465, 'tls'],
    [465, 'tls', 'smtp', 587, 'starttls'],
    [25, 'tls', 'smtp', 25, 'starttls'],
    [143, 'tls', 'imap', 143, 'starttls'],
    [993, 'starttls', 'imap', 993, 'tls'],
    [110, 'tls', 'pop3', 110, 'starttls'],
    [2525, 'tls', 'smtp', 2525, 'starttls'],
  ] as const)('%i with %s (%s) → port %i with %s', (port, security, protocol, toPort, toSecurity) => {
    const r = d({ text: WRONG_VERSION, port, security, protocol })
    expect(r.cause).toBe('tls_mode_mismatch')
    expect(r.fix).toMatchObject({ kind: 'switch-security', port: toPort, security: toSecurity })
  })

  it('a pasted "wrong version number" means TLS met a plaintext port: use STARTTLS on the submission port', () => {
    expect(d({ text: '[SSL: WRONG_VERSION_NUMBER]', protocol: 'smtp' }).fix).toMatchObject({
      port: 587,
      security: 'starttls',
    })
    expect(d({ text: WRONG_VERSION, protocol: 'imap' }).fix).toMatchObject({ port: 143, security: 'starttls' })
  })

  it('a pasted timeout does not suggest the port that just failed', () => {
    expect(d({ text: 'Error: connect ETIMEDOUT 74.125.200.108:25', protocol: 'smtp' }).fix).toMatchObject({
      kind: 'switch-security',
      port: 465,
    })
    expect(d({ text: 'connect ETIMEDOUT 52.96.184.50:465', protocol: 'smtp' }).fix.kind).toBe('check-settings')
  })

  it('an app password for a provider Mailkey has no page for is asked for without sending the user to Google', () => {
    const r = d({
      text: 'Invalid login: 535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
    })
    expect(r.cause).toBe('app_password_required')
    expect(r.title).toBe('The server needs an app password for Mailkey')
    expect(r.fix).toMatchObject({ kind: 'check-settings', field: 'password' })
  })

  it('a recipient’s address does not make the error Gmail’s', () => {
    const r = d({
      text: 'Expected response code 250 but got code "553", with message "553 Relaying disallowed as test@gmail.com "',
    })
    expect(r.cause).toBe('sender_not_allowed')
    expect(r.title).toBe('The server will not send from this address')
  })

  it('the probes’ own facts: TLS found on a silent port, STARTTLS not offered', () => {
    const silent = d({
      text: '',
      code: 'TLS_EXPECTED',
      message:
        'Port 2993 expects SSL/TLS from the first byte: it answered a TLS handshake but sent no plaintext greeting',
      port: 2993,
      security: 'starttls',
      stage: 'greeting',
      protocol: 'imap',
    })
    expect(silent.cause).toBe('tls_mode_mismatch')
    expect(silent.fix).toMatchObject({ kind: 'switch-security', port: 2993, security: 'tls' })
    const noStarttls = d({
      text: '',
      message: 'Server does not support STARTTLS',
      port: 143,
      security: 'starttls',
      protocol: 'imap',
    })
    expect(noStarttls.cause).toBe('tls_mode_mismatch')
    expect(noStarttls.fix).toMatchObject({ kind: 'switch-security', port: 993, security: 'tls' })
  })

  it('a greeting that never came on 993 without TLS is a mode mismatch, not a timeout', () => {
    const r = d({
      text: 'Greeting never received',
      code: 'ETIMEDOUT',
      port: 993,
      security: 'starttls',
      stage: 'greeting',
    })
    expect(r.cause).toBe('tls_mode_mismatch')
    expect(r.fix).toMatchObject({ port: 993, security: 'tls' })
  })

  it('a TLS handshake that times out on 587 is a mode mismatch; the same on 993 is a plain timeout', () => {
    const on587 = d({ text: '', code: 'ETIMEDOUT', port: 587, security: 'tls', stage: 'tls', protocol: 'smtp' })
    expect(on587.cause).toBe('tls_mode_mismatch')
    expect(on587.fix).toMatchObject({ port: 587, security: 'starttls' })
    const on993 = d({ text: '', code: 'ETIMEDOUT', port: 993, security: 'tls', stage: 'tls', protocol: 'imap' })
    expect(on993.cause).toBe('connection_timeout')
  })

  it('starttls_required keeps a plaintext port and turns STARTTLS on', () => {
    const r = d({ text: '530 5.7.0 Must issue a STARTTLS command first.', port: 587, security: 'none' })
    expect(r.fix).toMatchObject({ kind: 'switch-security', port: 587, security: 'starttls' })
  })

  it('auth_mechanism_unsupported on port 25 moves to the submission port; over TLS it asks the provider', () => {
    const text = 'smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.'
    expect(d({ text, port: 25, security: 'none', protocol: 'smtp' }).fix).toMatchObject({
      kind: 'switch-security',
      port: 587,
      security: 'starttls',
    })
    expect(d({ text: '504 5.7.4 Unrecognized authentication type', port: 587, security: 'starttls' }).fix.kind).toBe(
      'contact-admin',
    )
  })
})

describe('certificate failures are told apart and show the certificate', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'certificate_untrusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'certificate_untrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'certificate_untrusted'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate', 'certificate_untrusted'],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames: Host: imap.example.test. is not in the cert's altnames: DNS:mail.example.test",
      'certificate_hostname_mismatch',
    ],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'certificate_expired'],
  ] as const)('%s', (code, message, cause) => {
    expect(d({ text: '', code, message }).cause).toBe(cause)
    expect(d({ text: message }).cause).toBe(cause)
  })

  it('an untrusted certificate shows subject, issuer, validity and SHA-256 fingerprint', () => {
    const r = d({
      text: '',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      host: 'mail.example.test',
      port: 993,
      certificate: CERT,
    })
    expect(r.explanation).toContain('CN=mail.example.test')
    expect(r.explanation).toContain('issued by CN=Example Private CA')
    expect(r.explanation).toContain('valid 2024-01-01 to 2024-12-31')
    expect(r.explanation).toContain(`SHA-256 ${CERT.fingerprint256}`)
  })

  it('a hostname mismatch names the names the certificate is for', () => {
    const r = d({ text: '', code: 'ERR_TLS_CERT_ALTNAME_INVALID', host: 'imap.example.test', certificate: CERT })
    expect(r.explanation).toMatch(
      /does not name imap\.example\.test; it is for mail\.example\.test, smtp\.example\.test/,
    )
    expect(r.fix).toMatchObject({ kind: 'check-settings', field: 'host' })
  })

  it('an expired certificate says when it expired', () => {
    const r = d({ text: '', code: 'CERT_HAS_EXPIRED', certificate: CERT })
    expect(r.explanation).toMatch(/expired on 2024-12-31/)
  })

  it('without certificate facts the explanation says nothing about a certificate it has not seen', () => {
    expect(d({ text: 'certificate has expired' }).explanation).not.toContain('SHA-256')
  })
})
