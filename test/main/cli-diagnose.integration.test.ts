import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { CAUSES } from '../../src/shared/diagnosis.js'
import { runMailkey, type CliRun } from './mailkey-cli.js'

/** Runs the real CLI (built by `npx electron-vite build`); diagnose is offline, so no bed is needed. */
function mailkey(args: string[]): Promise<CliRun> {
  return runMailkey(args, '')
}

interface Out {
  cause: string
  title: string
  explanation: string
  serverText: string
  fix: Record<string, unknown>
}

async function json(args: string[]): Promise<Out> {
  const r = await mailkey(['diagnose', ...args, '--json'])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as Out
}

const GMAIL_534 =
  'Error: Invalid login: 534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp'

beforeAll(() => {
  if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npx electron-vite build` first')
})

describe('mailkey diagnose --json', () => {
  it('names Gmail’s 534-5.7.9 as an app password, with the page to make one and the server’s words', async () => {
    const out = await json(['--protocol', 'smtp', '--code', 'EAUTH', '--text', GMAIL_534])
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['cause', 'title', 'fix', 'explanation', 'serverText']))
    expect(out.cause).toBe('app_password_required')
    expect(out.title).toBe('Google needs an app password for Mailkey')
    expect(out.serverText).toBe(GMAIL_534)
    expect(out.fix).toEqual({
      kind: 'open-url',
      url: 'https://myaccount.google.com/apppasswords',
      label: 'Open Gmail’s App passwords page',
    })
  })

  it('names Microsoft’s 5.7.139 as SMTP AUTH switched off, for the admin to enable', async () => {
    const out = await json([
      '--protocol',
      'smtp',
      '--text',
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
    ])
    expect(out.cause).toBe('smtp_auth_disabled')
    expect(out.explanation).toMatch(/admin/)
  })

  it('turns “wrong version number” into a one-click switch to STARTTLS on 587', async () => {
    const out = await json([
      '--protocol',
      'smtp',
      '--text',
      'Failed to send email: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)',
    ])
    expect(out.cause).toBe('tls_mode_mismatch')
    expect(out.fix).toMatchObject({ kind: 'switch-security', port: 587, security: 'starttls' })
  })

  it('uses --code when the text alone says little', async () => {
    const out = await json([
      '--protocol',
      'imap',
      '--code',
      'ENOTFOUND',
      '--text',
      'getaddrinfo failed for imap.gmial.com',
    ])
    expect(out.cause).toBe('dns_not_found')
  })

  it('takes a POP3 -ERR text after an equals sign', async () => {
    const out = await json(['--protocol', 'pop3', '--text=-ERR [AUTH] Username and password not accepted.'])
    expect(out.cause).toBe('invalid_credentials')
  })

  it('answers unknown (still exit 0) for a text it cannot place, with the words kept', async () => {
    const text = 'Error: Message failed: 554 6.6.0 Error sending message for delivery.'
    const out = await json(['--protocol', 'smtp', '--text', text])
    expect(CAUSES).toContain(out.cause)
    expect(out.cause).toBe('unknown')
    expect(out.serverText).toBe(text)
    expect(out.fix.kind).toBe('none')
  })
})

describe('mailkey diagnose (human report)', () => {
  it('prints the title with the cause, the explanation, the server’s words and the fix', async () => {
    const r = await mailkey(['diagnose', '--protocol', 'smtp', '--text', GMAIL_534])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Google needs an app password for Mailkey [app_password_required]')
    expect(r.stdout).toContain('Server said: Error: Invalid login: 534-5.7.9 Application-specific password required.')
    expect(r.stdout).toContain('Fix: Open Gmail’s App passwords page (https://myaccount.google.com/apppasswords)')
  })

  it('does not replay terminal escapes from the pasted text', async () => {
    const r = await mailkey([
      'diagnose',
      '--protocol',
      'imap',
      '--text',
      '\u001b[2J\u001b]0;x\u0007NO [AUTHENTICATIONFAILED] Invalid credentials',
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain('\u001b')
    expect(r.stdout).not.toContain('\u0007')
    expect(r.stdout).toContain('[invalid_credentials]')
  })

  it('prints its usage for --help', async () => {
    const r = await mailkey(['diagnose', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: mailkey diagnose --protocol smtp|imap|pop3')
  })

  it('is listed in the top-level help', async () => {
    const r = await mailkey(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('mailkey diagnose')
  })
})

describe('mailkey diagnose usage errors: exit 2, a clear message on stderr, nothing on stdout', () => {
  it.each([
    ['missing --text', ['--protocol', 'smtp'], /--text is required/],
    ['empty --text', ['--protocol', 'smtp', '--text', '   '], /--text is required/],
    ['missing --protocol', ['--text', 'connect ECONNREFUSED 127.0.0.1:587'], /--protocol is required/],
    ['bad --protocol', ['--protocol', 'http', '--text', 'x'], /--protocol must be smtp, imap or pop3/],
    ['unknown flag', ['--protocol', 'smtp', '--text', 'x', '--verbose'], /Unknown option '--verbose'/],
    ['a positional argument', ['--protocol', 'smtp', '--text', 'x', 'extra'], /positional/i],
    ['bad --code', ['--protocol', 'smtp', '--text', 'x', '--code', 'E AUTH; rm'], /--code must be a single word/],
    ['-ERR without an equals sign', ['--protocol', 'pop3', '--text', '-ERR [AUTH] nope'], /--text/],
    ['an over-long --text', ['--protocol', 'smtp', '--text', 'x'.repeat(10_001)], /--text is too long/],
  ] as const)('%s', async (_name, args, message) => {
    const r = await mailkey(['diagnose', ...args])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain('(see mailkey diagnose --help)')
  })
})
