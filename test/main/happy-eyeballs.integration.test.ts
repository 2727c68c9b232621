import type { LookupAddress } from 'node:dns'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findMessage } from '../../src/main/mail/find-message.js'
import type { ConnectionOptions, Resolve } from '../../src/main/mail/protocol-options.js'
import { checkReachability } from '../../src/main/mail/reachability.js'
import { newMessageId, sendMessage } from '../../src/main/mail/send-message.js'
import type { Timeouts } from '../../src/main/mail/timeouts.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import { blackHole, type HostileServer } from '../bed/hostile.js'
import { startLatencyProxy, type LatencyProxy } from '../bed/latency-proxy.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { runTest } from './run-test.js'

/**
 * A name whose first address is a dead IPv6 route: every socket Mailkey opens (the three probes, the
 * reachability check, a message sent, a message looked for) must reach the IPv4 address by Happy
 * Eyeballs (RFC 8305) in well under the connect timeout, and say which address it used.
 *
 * The resolver is the test's own: "localhost" (the name on the bed's certificate) resolves to ::1 first
 * and 127.0.0.1 second. On 127.0.0.1 a forwarder per bed port answers; on ::1 at the same port there
 * is either nothing (refused at once) or a black hole (SYNs dropped, the connect hangs).
 */
const b = bed()
const alice = BED_USERS.alice
const HOST = 'localhost'
const DEAD_FIRST: readonly LookupAddress[] = [
  { address: '::1', family: 6 },
  { address: '127.0.0.1', family: 4 },
]
const resolve: Resolve = (host) =>
  host === HOST ? Promise.resolve(DEAD_FIRST) : Promise.reject(new Error(`unexpected lookup of ${host}`))
// long enough that waiting it out would show; Happy Eyeballs moves on after 250 ms
const timeouts: Timeouts = { connectMs: 4000, greetingMs: 4000, commandMs: 4000 }
const WELL_UNDER_TIMEOUT_MS = 2000

const forwarders: LatencyProxy[] = []
const holes: HostileServer[] = []
let ports: { imaps: number; pop3s: number; smtps: number }

beforeAll(async () => {
  const forward = async (target: number): Promise<number> => {
    const f = await startLatencyProxy(target, 0)
    forwarders.push(f)
    // the dead IPv6 route: a black hole on ::1 at the forwarder's port
    holes.push(await blackHole({ host: '::1', port: f.port }))
    return f.port
  }
  ports = {
    imaps: await forward(b.ports.imaps),
    pop3s: await forward(b.ports.pop3s),
    smtps: await forward(b.ports.smtps),
  }
})
afterAll(async () => {
  await Promise.all([...forwarders, ...holes].map((s) => s.close()))
})

const base = { email: alice.address, password: alice.appPassword, trust: { ca: b.ca }, timeouts, resolve }

describe('a dead IPv6 address first, a working IPv4 second', () => {
  it('the black hole really hangs (so the tests below would wait it out without Happy Eyeballs)', async () => {
    const [check] = await checkReachability(
      [{ host: '::1', port: ports.imaps }],
      500,
      new AbortController().signal,
      resolve,
    )
    expect(check).toMatchObject({ open: false, result: 'no-answer' })
  })

  it.each([
    ['IMAP', 'incoming', (): IncomingServer => ({ protocol: 'imap', host: HOST, port: ports.imaps, security: 'tls' })],
    ['POP3', 'incoming', (): IncomingServer => ({ protocol: 'pop3', host: HOST, port: ports.pop3s, security: 'tls' })],
    ['SMTP', 'outgoing', (): Server => ({ host: HOST, port: ports.smtps, security: 'tls' })],
  ] as const)('%s passes well within the timeout and names the IPv4 address it used', async (_p, side, server) => {
    const req = side === 'incoming' ? { incoming: server() } : { outgoing: server() }
    const { report, transcripts } = await runTest({ ...base, ...req })
    const r = report[side]
    expect(r).toMatchObject({ ok: true })
    expect(r?.ms).toBeLessThan(WELL_UNDER_TIMEOUT_MS)
    const text = transcripts[side]?.toString() ?? ''
    expect(text).toContain(`${HOST} is ::1, 127.0.0.1`)
    expect(text).toContain(`connected to 127.0.0.1 port ${r?.port}`)
    expect(text).not.toContain('connected to ::1')
  })

  it('the reachability check tries every address: open, not blocked', async () => {
    const t0 = performance.now()
    const checks = await checkReachability(
      [{ host: HOST, port: ports.smtps }],
      3000,
      new AbortController().signal,
      resolve,
    )
    expect(checks).toEqual([{ host: HOST, port: ports.smtps, open: true, ms: expect.any(Number) }])
    expect(performance.now() - t0).toBeLessThan(WELL_UNDER_TIMEOUT_MS)
  })

  it('a port closed on IPv4 behind a dead IPv6 route is reported closed, not blamed on a firewall', async () => {
    // the IPv4 side of a forwarder that is gone: nothing listens on 127.0.0.1 there any more
    const gone = await startLatencyProxy(b.ports.smtps, 0)
    const hole = await blackHole({ host: '::1', port: gone.port })
    await gone.close()
    try {
      const [check] = await checkReachability(
        [{ host: HOST, port: gone.port }],
        3000,
        new AbortController().signal,
        resolve,
      )
      expect(check).toMatchObject({ open: false, result: 'refused' })
    } finally {
      await hole.close()
    }
  })

  it('a message sent with nodemailer and found again with imapflow go the same way', async () => {
    const connection: ConnectionOptions = { trust: { ca: b.ca }, timeouts, resolve }
    const login = { username: alice.address, password: alice.appPassword }
    const messageId = newMessageId(alice.address)
    const t0 = performance.now()
    const sent = await sendMessage(
      { host: HOST, port: ports.smtps, security: 'tls' },
      login,
      { from: { name: 'Alice', address: alice.address }, to: alice.address, subject: 'Happy Eyeballs', text: 'hi' },
      connection,
      messageId,
    )
    expect(sent.accepted).toEqual([alice.address])
    expect(performance.now() - t0).toBeLessThan(WELL_UNDER_TIMEOUT_MS)
    const found = await findMessage(
      { protocol: 'imap', host: HOST, port: ports.imaps, security: 'tls' },
      login,
      messageId,
      {
        connection,
        limitMs: 5000,
        signal: new AbortController().signal,
      },
    )
    expect(found?.from).toBe(alice.address)
  })
})
