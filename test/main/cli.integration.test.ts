import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { CAUSES } from '../../src/shared/diagnosis.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { runMailkey, type CliRun } from './mailkey-cli.js'

const b = bed()
const alice = BED_USERS.alice

/** Runs the real CLI (built by `npm run build`), trusting the bed's CA the standard Node way. */
function mailkey(args: string[], stdin: string): Promise<CliRun> {
  return runMailkey(args, stdin, { NODE_EXTRA_CA_CERTS: b.caPath })
}

const servers = (): string[] => [
  '--imap',
  `127.0.0.1:${b.ports.imaps}`,
  '--incoming-security',
  'tls',
  '--smtp',
  `127.0.0.1:${b.ports.submission}`,
  '--outgoing-security',
  'starttls',
]

beforeAll(() => {
  if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
})

describe('mailkey test --json against the bed', () => {
  it('passes with the app password (pasted with spaces is not the CLI’s job: the exact secret)', async () => {
    const r = await mailkey(
      ['test', '--email', alice.address, '--password-stdin', '--json', ...servers()],
      `${alice.appPassword}\n`,
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>
    for (const side of ['incoming', 'outgoing']) {
      expect(out[side]).toMatchObject({ ok: true, security: expect.any(String), host: '127.0.0.1' })
      expect(Object.keys(out[side] ?? {})).toEqual(
        expect.arrayContaining(['protocol', 'host', 'port', 'security', 'ok', 'ms', 'stages']),
      )
      expect(out[side]).not.toHaveProperty('cause')
    }
    expect(out['incoming']?.['stages']).toEqual([
      { stage: 'dns', ms: expect.any(Number) },
      { stage: 'connect', ms: expect.any(Number) },
      { stage: 'tls', ms: expect.any(Number) },
      { stage: 'greeting', ms: expect.any(Number) },
      { stage: 'auth', ms: expect.any(Number) },
      { stage: 'ready', ms: expect.any(Number) },
    ])
    expect(out['outgoing']?.['protocol']).toBe('smtp')
    expect(r.stdout + r.stderr).not.toContain(alice.appPassword)
  })

  it('fails with exit 1 and a diagnosis from the vocabulary for a wrong password', async () => {
    const r = await mailkey(
      ['test', '--email', alice.address, '--password-stdin', '--json', ...servers()],
      'zzzzzzzzzzzzzzzz',
    )
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>
    for (const side of ['incoming', 'outgoing']) {
      expect(out[side]).toMatchObject({
        ok: false,
        cause: 'invalid_credentials',
        title: expect.any(String),
        fix: expect.any(Object),
      })
      expect(CAUSES).toContain(out[side]?.['cause'])
    }
    expect(out['incoming']?.['serverText']).toBe('NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)')
    expect(r.stdout + r.stderr).not.toContain('zzzzzzzzzzzzzzzz')
  })

  it('tests one side with --only, POP3 with --pop3, and prints the redacted transcript on request', async () => {
    const r = await mailkey(
      [
        'test',
        '--email',
        alice.address,
        '--password-stdin',
        '--json',
        '--transcript',
        '--only',
        'incoming',
        '--pop3',
        `127.0.0.1:${b.ports.pop3s}`,
        '--incoming-security',
        'tls',
      ],
      alice.appPassword,
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, { protocol: string; transcript: string[] }>
    expect(Object.keys(out)).toEqual(['incoming'])
    expect(out['incoming']?.protocol).toBe('pop3')
    expect(out['incoming']?.transcript).toContain('C: PASS [redacted]')
    expect(r.stdout).not.toContain(alice.appPassword)
  })

  it('prints a readable report without --json', async () => {
    const r = await mailkey(['test', '--email', alice.address, '--password-stdin', ...servers()], alice.normalPassword)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/Incoming {2}IMAP 127\.0\.0\.1:\d+ \(SSL\/TLS\) {2}FAILED/)
    expect(r.stdout).toContain('Google needs an app password for Mailkey [app_password_required]')
    expect(r.stdout).toContain('Fix: Open Gmail’s App passwords page (https://myaccount.google.com/apppasswords)')
  })
})

describe('mailkey test: bad usage exits 2 with a clear message and does nothing else', () => {
  let connections = 0
  let port = 0
  beforeAll(async () => {
    const trap = createServer((s) => {
      connections++
      s.destroy()
    })
    await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r))
    port = (trap.address() as AddressInfo).port
    return () => trap.close()
  })

  it.each([
    ['no --password-stdin', ['--email', 'a@example.test'], /--password-stdin is required/],
    ['a malformed address', ['--email', 'not-an-address', '--password-stdin'], /--email: Enter an email address/],
    [
      'a port out of range',
      ['--email', 'a@example.test', '--password-stdin', '--smtp', '127.0.0.1:70000'],
      /between 1 and 65535/,
    ],
    [
      'a host with a space',
      ['--email', 'a@example.test', '--password-stdin', '--smtp', 'smtp example.test:465'],
      /server name/,
    ],
    [
      'a host with CR/LF',
      ['--email', 'a@example.test', '--password-stdin', '--smtp', 'smtp.example.test\r\nQUIT:465'],
      /HOST:PORT|server name/,
    ],
    ['an unknown flag', ['--email', 'a@example.test', '--password-stdin', '--insecure'], /Unknown option '--insecure'/],
    [
      'security none',
      ['--email', 'a@example.test', '--password-stdin', '--smtp', '127.0.0.1:25', '--outgoing-security', 'none'],
      /must be tls or starttls/,
    ],
    [
      'an odd port without a security',
      ['--email', 'a@example.test', '--password-stdin', '--smtp', '127.0.0.1:2525'],
      /say --outgoing-security/,
    ],
    [
      'both --imap and --pop3',
      ['--email', 'a@example.test', '--password-stdin', '--imap', 'h.example:993', '--pop3', 'h.example:995'],
      /not both/,
    ],
  ])('%s', async (_what, args, message) => {
    const r = await mailkey(['test', ...args], 'abcdefghijklmnop')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it('refuses a 1 MB password before connecting anywhere', async () => {
    const before = connections
    const r = await mailkey(
      [
        'test',
        '--email',
        'a@example.test',
        '--password-stdin',
        '--smtp',
        `127.0.0.1:${port}`,
        '--outgoing-security',
        'tls',
        '--only',
        'outgoing',
      ],
      'p'.repeat(1024 * 1024),
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/too long to be a password/)
    expect(connections).toBe(before)
  })

  it('an unknown command and a domain without settings', async () => {
    expect((await mailkey(['frobnicate'], '')).code).toBe(2)
    const r = await mailkey(
      ['test', '--email', 'me@unknown-domain.invalid', '--password-stdin', '--smtp', '127.0.0.1:465'],
      'x',
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no settings for unknown-domain\.invalid/)
  })
})
