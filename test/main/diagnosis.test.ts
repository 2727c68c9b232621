import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/main/diagnosis/index.js'
import { CAUSES } from '../../src/shared/diagnosis.js'

describe('diagnosis essentials (the full corpus is issue #3)', () => {
  it.each([
    [
      'Error: Invalid login: 534-5.7.9 Application-specific password required. For more information, go to',
      'app_password_required',
    ],
    [
      "SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. For more information, go to')",
      'invalid_credentials',
    ],
    [
      'NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)',
      'web_login_required',
    ],
    ['getaddrinfo ENOTFOUND smtp.gmial.com', 'dns_not_found'],
    ['connect ECONNREFUSED 127.0.0.1:587', 'connection_refused'],
    ['C0C7C2E9F57F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', 'tls_mode_mismatch'],
    [
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
      'smtp_auth_disabled',
    ],
    ['something nobody has ever seen', 'unknown'],
  ])('%s → %s', (text, cause) => {
    expect(diagnose({ text }).cause).toBe(cause)
  })

  it('always answers with a cause from the vocabulary, a title and a fix', () => {
    const d = diagnose({
      text: '',
      code: 'ETIMEDOUT',
      protocol: 'smtp',
      port: 587,
      security: 'starttls',
      stage: 'connect',
    })
    expect(CAUSES).toContain(d.cause)
    expect(d.cause).toBe('connection_timeout')
    expect(d.title.length).toBeGreaterThan(0)
    expect(d.fix).toEqual({ kind: 'switch-security', port: 465, security: 'tls', label: 'Use port 465 with SSL/TLS' })
  })

  it('tells a stale saved Gmail password apart from a typo (Google revokes app passwords)', () => {
    const text = 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'
    const stale = diagnose({ text, providerId: 'gmail', hasSavedSecret: true, authFailed: true })
    const typed = diagnose({ text, providerId: 'gmail', authFailed: true })
    expect(stale.cause).toBe('invalid_credentials')
    expect(stale.explanation).toMatch(/revokes every app password/)
    expect(stale.fix.kind).toBe('replace-password')
    expect(typed.fix).toMatchObject({ kind: 'open-url', url: 'https://myaccount.google.com/apppasswords' })
  })

  it('reads a greeting that never came on an implicit-TLS port as the wrong mode', () => {
    const d = diagnose({
      text: '',
      code: 'GREETING_TIMEOUT',
      stage: 'greeting',
      port: 993,
      security: 'starttls',
      protocol: 'imap',
    })
    expect(d.cause).toBe('tls_mode_mismatch')
    expect(d.fix).toMatchObject({ kind: 'switch-security', port: 993, security: 'tls' })
  })
})
