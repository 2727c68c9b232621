import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices } from '../../src/main/services.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import { DROP, scriptedServer, type HostileServer } from '../bed/hostile.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runTest } from './run-test.js'

const b = bed()
const FAST = { connectMs: 2000, greetingMs: 2000, commandMs: 2000 }
const base = { email: 'alice@example.test', password: 'somePassword1', trust: { ca: b.ca }, timeouts: FAST }

let servers: HostileServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})
async function start(s: Promise<HostileServer>): Promise<HostileServer> {
  const server = await s
  servers.push(server)
  return server
}

/** A plaintext IMAP server that answers CAPABILITY/ID and does `onLogin` when the client logs in. */
function imapServer(capabilities: string, onLogin: (tag: string) => string | typeof DROP): Promise<HostileServer> {
  return scriptedServer(`* OK [CAPABILITY ${capabilities}] ready`, (line) => {
    const [tag = '', command = ''] = line.split(' ')
    switch (command.toUpperCase()) {
      case 'CAPABILITY':
        return `* CAPABILITY ${capabilities}\r\n${tag} OK done`
      case 'ID':
        return `* ID NIL\r\n${tag} OK done`
      case 'LOGIN':
      case 'AUTHENTICATE':
        return onLogin(tag)
      case 'LOGOUT':
        return `* BYE\r\n${tag} OK bye`
      default:
        return `${tag} BAD unknown`
    }
  })
}

const plainImap = (port: number): IncomingServer => ({ protocol: 'imap', host: '127.0.0.1', port, security: 'none' })
const plainPop3 = (port: number): IncomingServer => ({ protocol: 'pop3', host: '127.0.0.1', port, security: 'none' })
const plainSmtp = (port: number): Server => ({ host: '127.0.0.1', port, security: 'none' })

describe('only an explicit refusal of the credentials counts (issue 12, fault 4)', () => {
  it.each([
    ['IMAP LOGIN', 'IMAP4rev1'],
    ['IMAP AUTHENTICATE PLAIN', 'IMAP4rev1 AUTH=PLAIN'],
  ])('the server hangs up during %s: a dropped connection, not invalid_credentials', async (_what, caps) => {
    const server = await start(imapServer(caps, () => DROP))
    const { report } = await runTest({ ...base, incoming: plainImap(server.port) })
    expect(report.incoming).toMatchObject({ ok: false, failedStage: 'auth' })
    expect(report.incoming?.cause).not.toBe('invalid_credentials')
    expect(report.incoming?.credentialsRefused).toBeUndefined()
  })

  it('LOGINDISABLED: the server takes no password here, which says nothing about the password', async () => {
    const server = await start(imapServer('IMAP4rev1 LOGINDISABLED', (tag) => `${tag} NO never asked`))
    const { report } = await runTest({ ...base, incoming: plainImap(server.port) })
    expect(report.incoming?.ok).toBe(false)
    expect(report.incoming?.cause).not.toBe('invalid_credentials')
    expect(report.incoming?.credentialsRefused).toBeUndefined()
    expect(server.received()).not.toContain(base.password)
  })

  it.each([
    ['POP3 -ERR [SYS/TEMP]', '-ERR [SYS/TEMP] Authentication backend unavailable'],
    ['POP3 -ERR [IN-USE]', '-ERR [IN-USE] Mailbox is locked by another session'],
  ])('%s is temporary, not a refusal', async (_what, refusal) => {
    const server = await start(
      scriptedServer('+OK ready', (line) =>
        line.startsWith('PASS') ? refusal : line === 'CAPA' ? '+OK\r\nUSER\r\n.' : '+OK',
      ),
    )
    const { report } = await runTest({ ...base, incoming: plainPop3(server.port) })
    expect(report.incoming).toMatchObject({ ok: false, failedStage: 'auth' })
    expect(report.incoming?.credentialsRefused).toBeUndefined()
  })

  it('SMTP 454 4.7.0 (temporary authentication failure) and a hang-up during AUTH are not refusals', async () => {
    for (const answer of ['454 4.7.0 Temporary authentication failure', DROP] as const) {
      const server = await start(
        scriptedServer('220 mx ESMTP', (line) => {
          if (/^EHLO/i.test(line)) return '250-mx\r\n250 AUTH PLAIN LOGIN'
          if (/^AUTH/i.test(line)) return answer
          return '250 ok'
        }),
      )
      const { report } = await runTest({ ...base, outgoing: plainSmtp(server.port) })
      expect(report.outgoing).toMatchObject({ ok: false })
      expect(report.outgoing?.credentialsRefused).toBeUndefined()
    }
  })

  it('the real servers refusing a wrong password: explicit refusals on IMAP, POP3 and SMTP', async () => {
    const wrong = { ...base, email: BED_USERS.alice.address, password: 'wrongwrongwrongw' }
    const { report } = await runTest({ ...wrong, incoming: b.imaps, outgoing: b.smtps })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'invalid_credentials', credentialsRefused: true })
    expect(report.outgoing).toMatchObject({ ok: false, credentialsRefused: true })
    const pop = await runTest({ ...wrong, incoming: b.pop3s })
    expect(pop.report.incoming).toMatchObject({ ok: false, credentialsRefused: true })
  })
})

const problem = await keychainProblem()

describe.skipIf(problem !== null)(
  `a re-test never marks a password stale for drops${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-stale-'))
    const secrets = scratchKeychain()
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('two hang-ups during AUTHENTICATE leave the saved password as it was', async () => {
      const server = await start(imapServer('IMAP4rev1 AUTH=PLAIN', () => DROP))
      const services = createServices({
        store: openSettings(dir).store,
        secrets,
        openExternal: () => Promise.resolve(),
      })
      const saved = await services.accounts.save({
        email: 'dropper@example.test',
        providerId: null,
        incoming: plainImap(server.port),
        outgoing: plainSmtp(server.port),
        password: 'goodPassword1',
        verifiedAt: null,
      })
      const { report, account } = await services.retest(saved.id, 'stale1', () => undefined, 2000)
      expect(report.incoming?.ok).toBe(false)
      expect(account.stale).toBeNull()
      expect(server.received()).toContain('AUTHENTICATE')
    })
  },
)
