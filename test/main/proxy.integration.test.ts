import type * as DnsPromises from 'node:dns/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ProxyEndpoint } from '../../src/main/mail/proxy/proxy-endpoint.js'
import { testServers } from '../../src/main/mail/test-servers.js'
import { DEFAULT_TIMEOUTS, type Timeouts } from '../../src/main/mail/timeouts.js'
import { sameLogin } from '../../src/main/mail/test-request.js'
import { plannedStages, type IncomingServer, type Server } from '../../src/shared/mail.js'
import { PROXIED_NAME } from '../bed/certs.js'
import {
  recordingHttpConnect,
  recordingSocks5,
  startMicrosocks,
  startTinyproxy,
  type RunningProxy,
} from '../bed/proxies.js'
import { freePort } from '../bed/process.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'

// every DNS lookup Mailkey's own code makes goes through these modules: record them (and still answer)
const lookups = vi.hoisted(() => [] as string[])
vi.mock('node:dns/promises', async (original) => {
  const real = await original<typeof DnsPromises>()
  const lookup = (host: string, ...rest: unknown[]): unknown => {
    lookups.push(host)
    return (real.lookup as (...a: unknown[]) => unknown)(host, ...rest)
  }
  return { ...real, lookup, default: { ...real, lookup } }
})

const b = bed()
const alice = BED_USERS.alice
const OFFICE = { user: 'office', password: 'Pr0xy pass@word' }
/** tinyproxy's config file cannot hold a space in a password */
const PLAIN = { user: 'office', password: 's3cret-Pr0xy' }
const FAST: Timeouts = { connectMs: 2000, greetingMs: 2000, commandMs: 4000 }

let running: RunningProxy[] = []
afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()))
  running = []
  lookups.length = 0
})
async function start<T extends RunningProxy>(p: Promise<T>): Promise<T> {
  const proxy = await p
  running.push(proxy)
  return proxy
}

/** The bed's servers under a name only the proxy can resolve. */
const byName = <S extends Server>(s: S, host = PROXIED_NAME): S => ({ ...s, host })

function run(
  proxy: ProxyEndpoint | undefined,
  servers: { incoming?: IncomingServer; outgoing?: Server },
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
) {
  const login = { username: alice.address, password: alice.appPassword }
  return testServers(sameLogin(alice.address, login, servers), {
    connection: { trust: { ca: b.ca }, timeouts, ...(proxy ? { proxy } : {}) },
    providerId: null,
  })
}

describe('every socket through a SOCKS5 proxy with a password; the proxy resolves the name', () => {
  it('IMAP (TLS), POP3 (STLS) and SMTP (STARTTLS) pass by a name only the proxy knows; no local lookup', async () => {
    const proxy = await start(recordingSocks5({ auth: OFFICE, names: { [PROXIED_NAME]: '127.0.0.1' } }))
    const endpoint: ProxyEndpoint = {
      kind: 'socks5',
      host: '127.0.0.1',
      port: proxy.port,
      username: OFFICE.user,
      ...{ password: OFFICE.password },
    }
    const imap = await run(endpoint, { incoming: byName(b.imaps), outgoing: byName(b.submission) })
    expect(imap.report.incoming).toMatchObject({ ok: true, via: `socks5://office@127.0.0.1:${proxy.port}` })
    expect(imap.report.outgoing).toMatchObject({ ok: true, via: `socks5://office@127.0.0.1:${proxy.port}` })
    expect(imap.report.incoming?.stages.map((s) => s.stage)).toEqual(plannedStages('tls'))
    expect(imap.report.outgoing?.stages.map((s) => s.stage)).toEqual(plannedStages('starttls'))
    const pop = await run(endpoint, { incoming: byName({ ...b.pop3Stls, host: '127.0.0.1' }) })
    expect(pop.report.incoming).toMatchObject({ ok: true })
    // the name went to the proxy as a name (address type 3), never as an address resolved here
    expect(proxy.requests.filter((r) => r.host === PROXIED_NAME)).toHaveLength(3)
    expect(proxy.requests.every((r) => r.form === 'name')).toBe(true)
    expect(lookups).not.toContain(PROXIED_NAME)
    // the transcript says so, and never holds the proxy's password
    const text = imap.transcripts.incoming?.toString() ?? ''
    expect(text).toContain(`looks up ${PROXIED_NAME} (no DNS query from this computer)`)
    expect(JSON.stringify(imap.report)).not.toContain(OFFICE.password)
    expect(`${text}${imap.transcripts.outgoing?.toString() ?? ''}`).not.toContain(OFFICE.password)
  })

  it('control: without a proxy the same test looks the name up here (the spy sees lookups)', async () => {
    const { report } = await run(undefined, { outgoing: byName(b.smtps, 'localhost') })
    expect(report.outgoing?.ok).toBe(true)
    expect(lookups).toContain('localhost')
  })

  it('IMAP with STARTTLS goes through imapflow’s own proxy hook, also by name', async () => {
    const proxy = await start(
      recordingSocks5({ auth: { user: 'office', password: 'plainpass1' }, names: { [PROXIED_NAME]: '127.0.0.2' } }),
    )
    const endpoint: ProxyEndpoint = {
      kind: 'socks5',
      host: '127.0.0.1',
      port: proxy.port,
      username: 'office',
      password: 'plainpass1',
    }
    const { report } = await run(endpoint, { incoming: byName(b.imapStarttls) })
    expect(report.incoming).toMatchObject({ ok: true })
    expect(report.incoming?.stages.map((s) => s.stage)).toContain('starttls')
    expect(proxy.requests).toEqual([{ form: 'name', host: PROXIED_NAME, port: b.ports.imap }])
  })

  it('a SOCKS5 password imapflow would mangle (STARTTLS IMAP) is refused up front, in words', async () => {
    const proxy = await start(recordingSocks5({ auth: OFFICE, names: { [PROXIED_NAME]: '127.0.0.2' } }))
    const endpoint: ProxyEndpoint = {
      kind: 'socks5',
      host: '127.0.0.1',
      port: proxy.port,
      username: OFFICE.user,
      password: OFFICE.password,
    }
    const { report } = await run(endpoint, { incoming: byName(b.imapStarttls) })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'proxy_failed' })
    expect(report.incoming?.explanation).toMatch(/Use SSL\/TLS \(port 993\)/)
    expect(proxy.requests).toEqual([])
  })
})

describe('HTTP CONNECT with Basic auth', () => {
  it('IMAP (TLS) and SMTP (TLS) pass by name; IMAP with STARTTLS through imapflow’s hook too', async () => {
    const proxy = await start(recordingHttpConnect({ auth: OFFICE, names: { [PROXIED_NAME]: '127.0.0.1' } }))
    const endpoint: ProxyEndpoint = {
      kind: 'http',
      host: '127.0.0.1',
      port: proxy.port,
      username: OFFICE.user,
      password: OFFICE.password,
    }
    const { report } = await run(endpoint, { incoming: byName(b.imaps), outgoing: byName(b.smtps) })
    expect(report.incoming).toMatchObject({ ok: true, via: `http://office@127.0.0.1:${proxy.port}` })
    expect(report.outgoing).toMatchObject({ ok: true })
    const starttls = await run(endpoint, { incoming: byName(b.imapStarttls) })
    expect(starttls.report.incoming).toMatchObject({ ok: true })
    expect(proxy.requests.map((r) => `${r.form} ${r.host}:${r.port}`).sort()).toEqual(
      [b.ports.imaps, b.ports.smtps, b.ports.imap].map((p) => `name ${PROXIED_NAME}:${p}`).sort(),
    )
    expect(lookups).not.toContain(PROXIED_NAME)
  })
})

describe('what goes wrong with a proxy is proxy_failed, and says which step', () => {
  it('proxy down: nothing listens at its port', async () => {
    const port = await freePort()
    const { report } = await run(
      { kind: 'socks5', host: '127.0.0.1', port, username: null },
      { incoming: b.imaps, outgoing: b.smtps },
      FAST,
    )
    for (const r of [report.incoming, report.outgoing]) {
      expect(r).toMatchObject({
        ok: false,
        cause: 'proxy_failed',
        failedStage: 'connect',
        title: 'Mailkey could not reach the proxy',
      })
      expect(r?.explanation).toContain(`the SOCKS5 proxy 127.0.0.1:${port}: nothing accepts connections there`)
      expect(r?.fix).toMatchObject({ kind: 'check-settings', field: 'proxy' })
    }
    // the proxy is down: reachability of the mail ports through it would say nothing
    expect(report.reachability).toBeUndefined()
  })

  it('the proxy turns the target away: host unreachable (SOCKS5) and 502 (HTTP)', async () => {
    const socks = await start(recordingSocks5({ auth: OFFICE, names: {} }))
    const http = await start(recordingHttpConnect({ names: {} }))
    const s = await run(
      { kind: 'socks5', host: '127.0.0.1', port: socks.port, ...{ username: OFFICE.user, password: OFFICE.password } },
      { outgoing: byName(b.smtps) },
      FAST,
    )
    expect(s.report.outgoing).toMatchObject({
      ok: false,
      cause: 'proxy_failed',
      title: `The proxy would not connect to ${PROXIED_NAME} port ${b.ports.smtps}`,
    })
    expect(s.report.outgoing?.explanation).toContain(`cannot reach that server: ${PROXIED_NAME}:${b.ports.smtps}`)
    const h = await run(
      { kind: 'http', host: '127.0.0.1', port: http.port, username: null },
      { incoming: byName(b.imaps) },
      FAST,
    )
    expect(h.report.incoming).toMatchObject({
      ok: false,
      cause: 'proxy_failed',
      serverText: 'HTTP/1.1 502 Bad Gateway',
    })
    expect(h.report.incoming?.fix?.kind).toBe('contact-admin')
  })
})

describe('real proxies: microsocks (SOCKS5) and tinyproxy (HTTP CONNECT)', () => {
  it('microsocks: the right password passes both servers; a wrong one is the proxy refusing the sign-in', async () => {
    const proxy = await start(startMicrosocks(OFFICE))
    const ok = await run(
      { kind: 'socks5', host: '127.0.0.1', port: proxy.port, username: OFFICE.user, password: OFFICE.password },
      { incoming: byName(b.imaps, 'localhost'), outgoing: byName(b.submission, 'localhost') },
    )
    expect(ok.report.incoming?.ok).toBe(true)
    expect(ok.report.outgoing?.ok).toBe(true)
    expect(lookups).not.toContain('localhost')
    const bad = await run(
      { kind: 'socks5', host: '127.0.0.1', port: proxy.port, username: OFFICE.user, password: 'wrong' },
      { incoming: byName(b.imaps, 'localhost'), outgoing: byName(b.smtps, 'localhost') },
      FAST,
    )
    for (const r of [bad.report.incoming, bad.report.outgoing]) {
      expect(r).toMatchObject({
        ok: false,
        cause: 'proxy_failed',
        title: 'The proxy refused the sign-in',
        failedStage: 'connect',
      })
      expect(r?.explanation).toContain('refused the user name or password')
    }
  })

  it('tinyproxy: passes with Basic auth and logs the NAME it was asked for; a wrong password is refused', async () => {
    const proxy = await start(startTinyproxy(PLAIN))
    const endpoint: ProxyEndpoint = {
      kind: 'http',
      host: '127.0.0.1',
      port: proxy.port,
      username: PLAIN.user,
      password: PLAIN.password,
    }
    const ok = await run(endpoint, { incoming: byName(b.imaps, 'localhost'), outgoing: byName(b.smtps, 'localhost') })
    expect(ok.report.incoming?.ok).toBe(true)
    expect(ok.report.outgoing?.ok).toBe(true)
    expect(proxy.log()).toContain(`CONNECT localhost:${b.ports.imaps}`)
    expect(proxy.log()).toContain(`CONNECT localhost:${b.ports.smtps}`)
    const bad = await run({ ...endpoint, password: 'wrong' }, { incoming: byName(b.imaps, 'localhost') }, FAST)
    expect(bad.report.incoming).toMatchObject({
      ok: false,
      cause: 'proxy_failed',
      title: 'The proxy refused the sign-in',
    })
  })
})
