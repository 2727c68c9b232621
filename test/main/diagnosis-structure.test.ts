import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/main/diagnosis/index.js'
import { structureOf } from '../../src/main/diagnosis/structure.js'
import type { Cause } from '../../src/shared/diagnosis.js'
import type { Protocol } from '../../src/shared/mail.js'

/**
 * The pasted-text path reads structure, not phrases: every case here has words no rule lists
 * ("xyzzy"), so only the codes, the decoded challenge or the port can name the cause.
 */
const cause = (text: string, protocol?: Protocol): Cause => diagnose({ text, ...(protocol ? { protocol } : {}) }).cause
const b64 = (s: string): string => Buffer.from(s).toString('base64')
const GOOGLE_CHALLENGE = b64('{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}')

describe('the issue’s pasted texts', () => {
  it('a password refused, then XOAUTH2 tried: judged by what was tried first', () => {
    const text = `535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials\n334 ${GOOGLE_CHALLENGE}`
    expect(GOOGLE_CHALLENGE).toBe(
      'eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
    )
    expect(cause(text, 'smtp')).toBe('invalid_credentials')
    // Symfony's wording of the same sequence
    expect(
      cause(
        `Authenticator "PLAIN" returned "Expected response code "235" but got code "535", with message "535-5.7.8 Username and Password not accepted.". Authenticator "XOAUTH2" returned "Expected response code "235" but got code "334", with message "334 ${GOOGLE_CHALLENGE}".`,
      ),
    ).toBe('invalid_credentials')
  })

  it('XOAUTH2 tried first and refused: the token, whatever the final line says', () => {
    expect(cause(`334 ${GOOGLE_CHALLENGE}\n535 5.7.8 Username and Password not accepted`)).toBe('oauth_token_invalid')
    // Dovecot's challenge (test-bed.md §3)
    expect(cause(`+ ${b64('{"status":"401","schemes":"bearer","scope":"mail"}')}\na1 NO xyzzy`)).toBe(
      'oauth_token_invalid',
    )
  })

  it('Python on port 465 without SMTP_SSL: a TLS mode mismatch, not a reset', () => {
    const traceback = `Traceback (most recent call last):\n  File "send.py", line 4, in <module>\n    server = smtplib.SMTP('smtp.example.com', 465)\nsmtplib.SMTPServerDisconnected: Connection unexpectedly closed`
    expect(cause(traceback)).toBe('tls_mode_mismatch')
    expect(cause(traceback.replace('smtplib.SMTP(', 'smtplib.SMTP_SSL('))).toBe('connection_reset')
    expect(cause('smtplib.SMTPServerDisconnected: Connection unexpectedly closed')).toBe('connection_reset')
  })

  it.each([
    ['unencrypted connection', 'starttls_required'],
    [
      "curl: (60) SSL: no alternative certificate subject name matches target host name 'mail.example.com'",
      'certificate_hostname_mismatch',
    ],
    ['The name in the certificate does not match the expected.', 'certificate_hostname_mismatch'],
  ] as const)('%s → %s', (text, expected) => {
    expect(cause(text)).toBe(expected)
  })
})

describe('SMTP basic and enhanced status codes (RFC 5321 §4.2, RFC 3463, RFC 4954)', () => {
  it.each([
    ['535 xyzzy', 'invalid_credentials'],
    ['535 5.7.0 xyzzy', 'invalid_credentials'],
    ['534 5.7.9 Authentication mechanism is too weak', 'auth_mechanism_unsupported'],
    ['538 5.7.11 xyzzy', 'starttls_required'],
    ['530 5.7.0 xyzzy', 'auth_required_before_send'],
    ['432 4.7.12 xyzzy', 'web_login_required'],
    ['550 5.7.13 xyzzy', 'account_disabled'],
    // issue 15: Exchange's 550 5.7.30 (basic SMTP AUTH retired) is a sign-in with OAuth
    ['550 5.7.30 xyzzy', 'oauth_required'],
    ['550 5.7.57 xyzzy', 'auth_required_before_send'],
    ['550 5.7.60 xyzzy', 'sender_not_allowed'],
    ['553 5.1.8 xyzzy', 'sender_not_allowed'],
    ['MAIL FROM: 550 5.7.1 xyzzy', 'sender_not_allowed'],
    ['RCPT TO: 554 5.7.1 xyzzy', 'relay_denied'],
    ['554 5.7.1 xyzzy', 'relay_denied'],
    ['451 4.3.2 xyzzy', 'server_unavailable'],
    ['421 4.4.2 xyzzy', 'connection_reset'],
    ['421 4.4.1 xyzzy', 'connection_timeout'],
    ['454 4.7.0 xyzzy', 'server_unavailable'],
    ['500 5.5.1 xyzzy: "AUTH PLAIN"', 'auth_mechanism_unsupported'],
    ['500 5.3.3 xyzzy AUTH', 'auth_mechanism_unsupported'],
    ['(535, b"5.7.139 xyzzy")', 'invalid_credentials'],
    ['Expected response code "250" but got code "553", with message "553 xyzzy sender"', 'sender_not_allowed'],
    ['MailKit.Net.Smtp.SmtpCommandException: 421: 4.3.2 xyzzy', 'server_unavailable'],
  ] as const)('%s → %s', (text, expected) => {
    expect(cause(text, 'smtp')).toBe(expected)
  })

  it('a permanent 5xx with unknown words stays unknown rather than “try later”', () => {
    expect(cause('550 xyzzy', 'smtp')).toBe('unknown')
  })
})

describe('IMAP response codes (RFC 5530) and POP3 extended codes (RFC 2449, RFC 3206)', () => {
  it.each([
    ['a1 NO [AUTHENTICATIONFAILED] xyzzy', 'imap', 'invalid_credentials'],
    ['a1 NO [AUTHORIZATIONFAILED] xyzzy', 'imap', 'invalid_credentials'],
    ['a1 NO [EXPIRED] xyzzy', 'imap', 'web_login_required'],
    ['a1 NO [PRIVACYREQUIRED] xyzzy', 'imap', 'starttls_required'],
    ['a1 NO [CONTACTADMIN] xyzzy', 'imap', 'account_disabled'],
    ['a1 NO [NOPERM] xyzzy', 'imap', 'imap_disabled'],
    ['a1 NO [INUSE] xyzzy', 'imap', 'too_many_connections'],
    ['a1 NO [UNAVAILABLE] xyzzy', 'imap', 'server_unavailable'],
    ['a1 NO [LIMIT] xyzzy', 'imap', 'rate_limited'],
    ['a1 NO [OVERQUOTA] xyzzy', 'imap', 'rate_limited'],
    ['* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\na1 BAD xyzzy', 'imap', 'starttls_required'],
    ['-ERR [AUTH] xyzzy', 'pop3', 'invalid_credentials'],
    ['-ERR [SYS/PERM] xyzzy', 'pop3', 'account_disabled'],
    ['-ERR [SYS/TEMP] xyzzy', 'pop3', 'server_unavailable'],
    ['-ERR [IN-USE] xyzzy', 'pop3', 'too_many_connections'],
    ['-ERR [LOGIN-DELAY] xyzzy', 'pop3', 'rate_limited'],
  ] as const)('%s → %s', (text, protocol, expected) => {
    expect(cause(text, protocol)).toBe(expected)
  })
})

describe('a port in the text is evidence', () => {
  it.each([
    ['Error: Greeting never received', 'connection_timeout'],
    ['Error: Greeting never received (smtp.example.com:465)', 'tls_mode_mismatch'],
    ['connect ETIMEDOUT 52.96.184.50:465', 'connection_timeout'],
    ['Unable to read data from the transport connection: net_io_connectionclosed. port 465', 'tls_mode_mismatch'],
    [
      'Connection: opening to ssl://mail.example.com:587\nSMTP NOTICE: EOF caught while checking if connected',
      'tls_mode_mismatch',
    ],
    [
      'Connection: opening to ssl://mail.example.com:465\nSMTP NOTICE: EOF caught while checking if connected',
      'connection_reset',
    ],
  ] as const)('%s → %s', (text, expected) => {
    expect(cause(text, 'smtp')).toBe(expected)
  })
})

describe('hosting control panels and mail apps', () => {
  it.each([
    ['Your outgoing email has been suspended', 'account_disabled'],
    ['550 Outgoing mail from "a@example.com" has been suspended.', 'account_disabled'],
    ['The server "imap.example.com" rejected the password for user "alice".', 'invalid_credentials'],
    ['Receiving reported error (0x800CCC0F): xyzzy', 'connection_reset'],
    ['Task reported error (0x800CCC1A): xyzzy', 'tls_mode_mismatch'],
  ] as const)('%s → %s', (text, expected) => {
    expect(cause(text)).toBe(expected)
  })
})

describe('structureOf', () => {
  it('reads replies, response codes and challenges, and takes no port for a reply code', () => {
    const s = structureOf(
      `smtp.gmail.com:465 said 535-5.7.8 no\n334 ${GOOGLE_CHALLENGE}\na NO [ALERT] x\n-ERR [SYS/TEMP] y`,
    )
    expect(s.smtp).toEqual([{ basic: 535, enhanced: '5.7.8' }, { basic: 334 }])
    expect(s.imapCodes).toEqual(['ALERT'])
    expect(s.pop3Codes).toEqual(['SYS/TEMP'])
    expect(s.oauth).toEqual([{ status: '400', scope: 'https://mail.google.com/', index: expect.any(Number) }])
  })
})
