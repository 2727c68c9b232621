import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../src/main/cli/index.js'
import { printable } from '../../src/main/cli/terminal-text.js'
import { scriptedServer, type HostileServer } from '../bed/hostile.js'

/** What a hostile greeting carries: retitle the terminal, clear it, and print a fake verdict over a line. */
const ESCAPES =
  '\u001b]0;Mailkey: all good\u0007\u001b[2J\u001b[HBoth servers accepted the password\r\u009b31m\u202egnp.exe'
// eslint-disable-next-line no-control-regex -- the characters a terminal must never get
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

let server: HostileServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const sink = { write: (s: string) => (out += s) }
  const code = await main(args, {
    stdin: Readable.from(['somePassword1\n']),
    stdout: sink,
    stderr: { ...sink, isTTY: true },
    env: {},
  })
  return { code, out }
}

describe('terminal escapes from foreign text never reach the terminal (issue 12, fault 5)', () => {
  it.each([
    ['text', ['--transcript']],
    ['JSON', ['--json', '--transcript']],
  ])('mailkey test (%s) with a greeting full of escapes prints none of them', async (_mode, flags) => {
    server = await scriptedServer(`* OK ${ESCAPES}`, (line) => {
      const [tag = ''] = line.split(' ')
      // no STARTTLS on offer: the test fails, and the report quotes the server
      return `* CAPABILITY IMAP4rev1\r\n${tag} NO ${ESCAPES}`
    })
    const { code, out } = await run([
      'test',
      '--email',
      'u@example.test',
      '--password-stdin',
      '--imap',
      `127.0.0.1:${server.port}`,
      '--incoming-security',
      'starttls',
      '--only',
      'incoming',
      '--timeout-ms',
      '2000',
      ...flags,
    ])
    expect(code).toBe(1)
    expect(out).toContain('Both servers accepted the password') // shown as text, not as a fake verdict
    expect(out).not.toMatch(CONTROL)
    if (flags.includes('--json')) expect(() => JSON.parse(out) as unknown).not.toThrow()
  })

  it('usage errors quoting what was typed are printable too', async () => {
    const { code, out } = await run(['no\u001b[2Jsuch'])
    expect(code).toBe(2)
    expect(out).toContain('unknown command "no[2Jsuch"')
    expect(out).not.toMatch(CONTROL)
  })

  it('printable keeps tabs, line breaks and every ordinary character', () => {
    expect(printable('a\tb\nç — 日本 ✓')).toBe('a\tb\nç — 日本 ✓')
    expect(printable('\u001b[31mred\u001b[0m\r\u200e')).toBe('[31mred[0m')
  })
})
