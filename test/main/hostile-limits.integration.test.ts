import { afterEach, describe, expect, it } from 'vitest'
import { ConnectionTester } from '../../src/main/mail/connection-tester.js'
import { findMessage } from '../../src/main/mail/find-message.js'
import { factsFrom, ProbeCancelled } from '../../src/main/mail/probe-failure.js'
import { roundTrip } from '../../src/main/mail/round-trip.js'
import type { Timeouts } from '../../src/main/mail/timeouts.js'
import { READ_LIMITS } from '../../src/main/read-limits.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import { floodServer, trickleServer, type HostileServer } from '../bed/hostile.js'
import { runTest } from './run-test.js'

const MB = 1024 * 1024
const host = '127.0.0.1'
const login = { username: 'u@example.test', password: 'limitsPassword1' }
const base = { email: login.username, password: login.password, trust: {} }
/** Step timeouts long enough that, without the limits and the deadline, these tests would time out instead. */
const SLOW: Timeouts = { connectMs: 5000, greetingMs: 5000, commandMs: 5000, totalMs: 60_000 }

let servers: HostileServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})
async function start<T extends HostileServer>(s: Promise<T>): Promise<T> {
  const server = await s
  servers.push(server)
  return server
}

const imap = (port: number, security: Server['security'] = 'none'): IncomingServer => ({
  protocol: 'imap',
  host,
  port,
  security,
})
const pop3 = (port: number): IncomingServer => ({ protocol: 'pop3', host, port, security: 'none' })
const smtp = (port: number): Server => ({ host, port, security: 'none' })

function expectReadLimit(r: { ok: boolean; serverText?: string; title?: string } | undefined, what: string): void {
  expect(r?.ok).toBe(false)
  expect(r?.serverText).toContain(`sent a ${what} longer than 64 KB`)
  expect(r?.title).toBe('The server sent far more than a mail server ever does')
}

describe('every reader of server data has a byte limit (issue 12, fault 2)', () => {
  it('a 10 MB IMAP capability line before STARTTLS ends the test at once, named as such', async () => {
    const server = await start(
      floodServer({
        greeting: '* OK ready',
        prefix: '* CAPABILITY IMAP4rev1 STARTTLS X',
        bytes: 10 * MB,
        suffix: '\r\n',
      }),
    )
    const t0 = Date.now()
    const { report } = await runTest({ ...base, timeouts: SLOW, incoming: imap(server.port, 'starttls') })
    expectReadLimit(report.incoming, 'line')
    expect(Date.now() - t0).toBeLessThan(SLOW.commandMs)
    expect(server.received()).not.toContain(login.password)
  })

  it.each([
    ['IMAP', '* OK '],
    ['POP3', '+OK '],
    ['SMTP', '220 '],
  ] as const)('an endless %s greeting stops at the line limit, long before the greeting timeout', async (p, prefix) => {
    const flood = await start(floodServer({ prefix, bytes: Infinity }))
    const t0 = Date.now()
    const side = p === 'SMTP' ? { outgoing: smtp(flood.port) } : { incoming: (p === 'IMAP' ? imap : pop3)(flood.port) }
    const { report } = await runTest({ ...base, timeouts: SLOW, ...side })
    expectReadLimit(report.incoming ?? report.outgoing, 'line')
    expect(Date.now() - t0).toBeLessThan(SLOW.greetingMs)
  })

  it('a multi-line SMTP reply past the limit (EHLO) and a POP3 CAPA list past it are refused', async () => {
    const ehlo = await start(
      floodServer({
        greeting: '220 mx ESMTP',
        prefix: '250-',
        bytes: 2 * READ_LIMITS.lineBytes,
        suffix: '\r\n250 OK\r\n',
      }),
    )
    const s = await runTest({ ...base, timeouts: SLOW, outgoing: smtp(ehlo.port) })
    expectReadLimit(s.report.outgoing, 'line')
    const lines = Array.from({ length: 999 }, (_, i) => `X-CAPABILITY-${i}-${'A'.repeat(100)}`).join('\r\n')
    const capa = await start(floodServer({ greeting: '+OK ready', prefix: `+OK\r\n${lines}\r\n`, bytes: 0 }))
    const p = await runTest({ ...base, timeouts: SLOW, incoming: pop3(capa.port) })
    expectReadLimit(p.report.incoming, 'response')
  })

  it('the round trip’s IMAP search has the same limits', async () => {
    const flood = await start(floodServer({ prefix: '* OK ', bytes: Infinity }))
    const signal = new AbortController().signal
    const search = findMessage(imap(flood.port), login, '<x@example.test>', {
      connection: { trust: {}, timeouts: SLOW },
      limitMs: 1000,
      signal,
    })
    const error = await search.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(factsFrom(error).code).toBe('EREADLIMIT')
  })
})

describe('every operation has a total deadline a trickling server cannot extend (issue 12, fault 3)', () => {
  const TRICKLE_MS = 300
  const QUICK: Timeouts = { connectMs: 2000, greetingMs: 2000, commandMs: 2000, totalMs: 2500 }
  const trickles = {
    IMAP: () =>
      trickleServer({ greeting: '* OK ready', starts: () => true, line: '* OK still working', everyMs: TRICKLE_MS }),
    POP3: () =>
      trickleServer({
        greeting: '+OK ready',
        starts: (l) => l === 'CAPA',
        first: '+OK',
        line: 'X-STILL',
        everyMs: TRICKLE_MS,
      }),
    SMTP: () =>
      trickleServer({
        greeting: '220 mx ESMTP',
        starts: (l) => /^EHLO/i.test(l),
        line: '250-STILL',
        everyMs: TRICKLE_MS,
      }),
  }

  it.each(['IMAP', 'POP3', 'SMTP'] as const)(
    '%s: a line every 300 ms with 2 s step timeouts still ends at the 2.5 s deadline, as a timeout',
    async (p) => {
      const server = await start(trickles[p]())
      const t0 = Date.now()
      const side =
        p === 'SMTP' ? { outgoing: smtp(server.port) } : { incoming: (p === 'IMAP' ? imap : pop3)(server.port) }
      const { report } = await runTest({ ...base, timeouts: QUICK, ...side })
      const r = report.incoming ?? report.outgoing
      expect(r).toMatchObject({ ok: false, cause: 'connection_timeout' })
      expect(r?.serverText).toContain('more than 2.5 seconds in all')
      expect(Date.now() - t0).toBeLessThan(QUICK.totalMs! + 1500)
    },
    15_000,
  )

  it('a cancel during a trickle is still a cancel, not a timeout', async () => {
    const server = await start(trickles.IMAP())
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 500)
    const run = runTest({ ...base, timeouts: QUICK, incoming: imap(server.port) }, { signal: controller.signal })
    await expect(run).rejects.toBeInstanceOf(ProbeCancelled)
  })

  it('the app’s tester: --timeout-ms N gives the whole test 3 × N', async () => {
    const server = await start(trickles.SMTP())
    const tester = new ConnectionTester({ trust: {}, providerOf: () => null })
    const t0 = Date.now()
    const report = await tester.run(
      'trickle1',
      { email: login.username, outgoing: { server: smtp(server.port), login }, timeoutMs: 1000 },
      () => undefined,
    )
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'connection_timeout' })
    expect(Date.now() - t0).toBeLessThan(3000 + 1500)
  }, 15_000)

  it('a round trip whose SMTP server trickles ends at its deadline as a failed send', async () => {
    const server = await start(trickles.SMTP())
    const t0 = Date.now()
    const trip = await roundTrip({
      smtp: smtp(server.port),
      smtpLogin: login,
      imap: imap(1),
      imapLogin: login,
      from: { name: '', address: login.username },
      to: login.username,
      providerId: null,
      connection: { trust: {}, timeouts: { ...QUICK, totalMs: 1000 } },
      limitMs: 500,
    })
    expect(trip).toMatchObject({ outcome: 'send-failed', cause: 'connection_timeout' })
    expect(Date.now() - t0).toBeLessThan(500 + 2 * 1000 + 1500)
  }, 15_000)
})
