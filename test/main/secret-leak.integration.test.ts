import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeReport } from '../../src/main/cli/report-text.js'
import { base64Cores } from '../../src/main/mail/redact.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import type { StageEvent } from '../../src/shared/report.js'
import { imapEchoServer, pop3EchoServer, smtpEchoServer } from '../bed/echo-servers.js'
import type { HostileServer } from '../bed/hostile.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { ipcHarness } from './ipc-harness.js'
import { runMailkey } from './mailkey-cli.js'
import { runTest } from './run-test.js'

/**
 * The secret-leak scan: servers that quote the secret back in every encoding (test/bed/echo-servers.ts)
 * and every place Mailkey puts a server's words — report fields, CLI text and JSON, transcripts, IPC
 * results (the support text is made of the report and getTranscript's text), progress events, the
 * saved settings with an alias's last check — searched for every form of the secret.
 */
const b = bed()
const EMAIL = 'leak@example.test'
// a space, a slash, a plus, an equals sign and a non-ASCII letter: each changes under some encoding
const SECRET = 'Echo Secret/+=7ä'
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

const FORMS = [
  SECRET,
  b64(SECRET),
  encodeURIComponent(SECRET),
  encodeURIComponent(SECRET).replace(/%20/g, '+'),
  b64(`\0${EMAIL}\0${SECRET}`),
  b64(`user=${EMAIL}\x01auth=Bearer ${SECRET}\x01\x01`),
  ...base64Cores(SECRET),
]

function expectClean(what: string, text: string): void {
  for (const form of FORMS) expect(text, `${what} holds ${form}`).not.toContain(form)
}

const servers: HostileServer[] = []
const imap = (port: number, protocol: IncomingServer['protocol'] = 'imap'): IncomingServer => ({
  protocol,
  host: 'localhost',
  port,
  security: 'tls',
})
const smtp = (port: number): Server => ({ host: 'localhost', port, security: 'tls' })
let ports: { smtp: number; imap: number; pop3: number }

beforeAll(async () => {
  const [s, i, p] = await Promise.all([
    smtpEchoServer(b.certs.server),
    imapEchoServer(b.certs.server),
    pop3EchoServer(b.certs.server),
  ])
  servers.push(s, i, p)
  ports = { smtp: s.port, imap: i.port, pop3: p.port }
})
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

describe('every server text is redacted before it leaves the probe', () => {
  it('the echo servers really do quote the secret (so the scan below can fail)', async () => {
    const { report } = await runTest({
      email: EMAIL,
      password: SECRET,
      trust: { ca: b.ca },
      outgoing: smtp(ports.smtp),
      incoming: imap(ports.imap),
    })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials', failedStage: 'auth' })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'invalid_credentials', failedStage: 'auth' })
    expect(report.outgoing?.serverText).toContain('[redacted]')
    expect(report.incoming?.serverText).toContain('[redacted]')
    const received = servers.map((s) => s.received()).join('\n')
    expect(received).toContain(b64(`\0${EMAIL}\0${SECRET}`))
  })

  it.each(['imap', 'pop3'] as const)('%s and SMTP: report fields, transcripts, CLI text', async (p) => {
    const events: StageEvent[] = []
    const { report, transcripts } = await runTest(
      {
        email: EMAIL,
        password: SECRET,
        trust: { ca: b.ca },
        outgoing: smtp(ports.smtp),
        incoming: imap(p === 'imap' ? ports.imap : ports.pop3, p),
      },
      { onStage: (e) => events.push({ testId: 't', ...e }) },
    )
    expect(report.incoming?.ok).toBe(false)
    for (const side of [report.incoming, report.outgoing]) {
      for (const field of ['serverText', 'title', 'explanation'] as const) expectClean(field, side?.[field] ?? '')
      expectClean('fix', JSON.stringify(side?.fix))
    }
    expectClean('report JSON', JSON.stringify(report))
    expectClean('progress events', JSON.stringify(events))
    const text = { incoming: transcripts.incoming?.toString(), outgoing: transcripts.outgoing?.toString() }
    expectClean('transcripts', `${text.incoming}\n${text.outgoing}`)
    expectClean('CLI text', describeReport(report, transcripts))
  })

  it('mailkey test: the CLI’s JSON with transcripts and its text output', async () => {
    if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    const args = [
      'test',
      '--email',
      EMAIL,
      '--password-stdin',
      '--imap',
      `localhost:${ports.imap}`,
      '--incoming-security',
      'tls',
      '--smtp',
      `localhost:${ports.smtp}`,
      '--outgoing-security',
      'tls',
      '--transcript',
    ]
    const env = { NODE_EXTRA_CA_CERTS: b.caPath }
    const json = await runMailkey([...args, '--json'], `${SECRET}\n`, env)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ outgoing: { cause: 'invalid_credentials' } })
    expectClean('CLI JSON', json.stdout + json.stderr)
    const printed = await runMailkey(args, `${SECRET}\n`, env)
    expect(printed.stdout).toContain('Server said:')
    expectClean('CLI text', printed.stdout + printed.stderr)
  })
})

const problem = await keychainProblem()

describe.skipIf(problem !== null)(
  `IPC results, progress events and saved records${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-leak-'))
    const secrets = scratchKeychain()
    const { call, results: handed, events } = ipcHarness({ dir, secrets, trust: { ca: b.ca } })
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('a test over IPC, its transcript, and an alias whose own server quotes the secret', async () => {
      const tested = await call('testConnection', {
        testId: 'leak-1',
        email: EMAIL,
        password: SECRET,
        incoming: imap(ports.imap),
        outgoing: smtp(ports.smtp),
      })
      expect(tested.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials' })
      await call('getTranscript', { testId: 'leak-1' })

      const account = await call('saveAccount', {
        email: EMAIL,
        providerId: null,
        incoming: b.imaps,
        outgoing: b.smtps,
        password: 'the-account-secret',
      })
      const withAlias = await call('addAlias', {
        accountId: account.id,
        name: 'Echo',
        address: 'echo@example.test',
        smtp: smtp(ports.smtp),
        smtpUsername: EMAIL,
        password: SECRET,
      })
      const alias = withAlias.aliases.at(-1)
      const checked = await call('checkAlias', {
        accountId: account.id,
        aliasId: alias?.id,
        testId: 'leak-2',
        roundTrip: false,
      })
      expect(checked.sender).toMatchObject({ ok: false, cause: 'invalid_credentials' })
      expect(checked.account.aliases.at(-1)?.lastCheck?.sender.ok).toBe(false)

      expectClean('IPC results', JSON.stringify(handed))
      expectClean('progress events', JSON.stringify(events))
      for (const file of readdirSync(dir)) expectClean(`settings file ${file}`, readFileSync(join(dir, file), 'utf8'))
    })
  },
)
