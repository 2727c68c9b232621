import { ImapFlow } from 'imapflow'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import type { createHandlers } from '../../src/main/ipc/handlers.js'
import type { Timeouts } from '../../src/main/mail/timeouts.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import type { AccountView } from '../../src/shared/account.js'
import { DIRECT_CONNECTION } from '../../src/shared/connection.js'
import type { Result } from '../../src/shared/result.js'
import { PROXIED_NAME } from '../bed/certs.js'
import { blackHole, type HostileServer } from '../bed/hostile.js'
import { recordingSocks5, type RecordingProxy } from '../bed/proxies.js'
import { tlsFront, type TlsFront } from '../bed/tls-front.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { freshHandlers } from './ipc-harness.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
/** An address of no known provider, signing in as the bed's alice: trust may be offered. */
const OFFICE_ADDRESS = 'alice@office.test'
const PROXY_AUTH = { user: 'office', password: 'proxy-Secret-42' }
const FAST: Timeouts = { connectMs: 1500, greetingMs: 3000, commandMs: 5000 }

describe.skipIf(problem !== null)(
  `office connection options, saved with an account${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-office-'))
    const secrets = scratchKeychain()
    let handlers: ReturnType<typeof createHandlers>
    let cleanup: (() => Promise<void>)[] = []
    const call = async <M extends Method>(method: M, input: unknown): Promise<Result<unknown>> =>
      dispatch(handlers, method, input, { emit: () => undefined })
    const value = <T>(r: Result<unknown>): T => {
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
      return r.value as T
    }

    beforeEach(async () => {
      ;({ handlers } = await freshHandlers(dir, secrets, { trust: { ca: b.ca }, timeouts: FAST }))
    })
    afterEach(async () => {
      await Promise.all(cleanup.map((c) => c()))
      cleanup = []
    })
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    async function proxy(): Promise<RecordingProxy> {
      const p = await recordingSocks5({ auth: PROXY_AUTH, names: { [PROXIED_NAME]: '127.0.0.1' } })
      cleanup.push(() => p.stop())
      return p
    }

    const draft = (extra: Record<string, unknown> = {}) => ({
      email: OFFICE_ADDRESS,
      username: alice.address,
      password: alice.appPassword,
      incoming: { ...b.imaps, host: PROXIED_NAME },
      outgoing: { ...b.smtps, host: PROXIED_NAME },
      ...extra,
    })

    it('a proxy with a password: tested, saved (the password in the keychain only), re-tested through it', async () => {
      const p = await proxy()
      const connection = {
        ...DIRECT_CONNECTION,
        proxy: { kind: 'socks5', host: '127.0.0.1', port: p.port, username: PROXY_AUTH.user },
      }
      const office = { connection, proxyPassword: PROXY_AUTH.password }
      const tested = value<{ incoming: { ok: boolean; via: string } }>(
        await call('testConnection', { testId: 'proxied', ...draft(office) }),
      )
      expect(tested.incoming).toMatchObject({ ok: true, via: `socks5://office@127.0.0.1:${p.port}` })
      const saved = value<AccountView>(
        await call('saveAccount', { ...draft(office), providerId: null, testId: 'proxied' }),
      )
      expect(saved).toMatchObject({ lastVerifiedAt: expect.any(String), connection, secrets: { proxy: 'saved' } })
      expect(await secrets.get(`${saved.id}:proxy`)).toBe(PROXY_AUTH.password)
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(PROXY_AUTH.password)
      // the proxy's entry belongs to the account: not an orphan
      expect(value<{ keys: string[] }>(await call('listOrphans', undefined)).keys).toEqual([])

      const before = p.requests.length
      const retest = value<{ report: { incoming: { ok: boolean }; outgoing: { ok: boolean } } }>(
        await call('retestAccount', { id: saved.id, testId: 'again' }),
      )
      expect(retest.report.incoming.ok && retest.report.outgoing.ok).toBe(true)
      expect(p.requests.length).toBe(before + 2)

      // the saved proxy password goes only to the proxy it was saved for
      const elsewhere = { ...connection, proxy: { ...connection.proxy, port: p.port + 1 } }
      const moved = await call('testConnection', {
        testId: 'moved',
        email: OFFICE_ADDRESS,
        accountId: saved.id,
        incoming: b.imaps,
        connection: elsewhere,
      })
      expect(moved).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Enter the proxy’s password.' },
      })

      // removing the account removes the proxy's password too
      await call('removeAccount', { id: saved.id })
      expect(await secrets.keys()).toEqual([])
    })

    it('trust a certificate: only one Mailkey saw on that server; pinned it passes; removable on the account', async () => {
      const front: TlsFront = await tlsFront({ cert: b.certs.selfSigned, upstreamPort: b.ports.imaps, ca: b.ca })
      cleanup.push(() => front.close())
      const servers = { incoming: { ...b.imaps, port: front.port }, outgoing: b.smtps }
      const base = { email: OFFICE_ADDRESS, username: alice.address, password: alice.appPassword, ...servers }
      const first = value<{
        incoming: { cause: string; canTrust: boolean; certificate: { spki: string; anchor: string; subject: string } }
      }>(await call('testConnection', { testId: 'cert1', ...base }))
      expect(first.incoming).toMatchObject({ cause: 'certificate_untrusted', canTrust: true })
      const { spki, anchor, subject } = first.incoming.certificate
      const pin = { host: '127.0.0.1', port: front.port, spki, anchor, subject }

      // a key Mailkey never saw there is refused: the page cannot make up what to trust
      const madeUp = { ...pin, spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' }
      const refused = await call('testConnection', {
        testId: 'cert2',
        ...base,
        connection: { ...DIRECT_CONNECTION, pins: [madeUp] },
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

      const connection = { ...DIRECT_CONNECTION, pins: [pin] }
      const second = value<{ incoming: { ok: boolean } }>(
        await call('testConnection', { testId: 'cert3', ...base, connection }),
      )
      expect(second.incoming.ok).toBe(true)
      const saved = value<AccountView>(
        await call('saveAccount', { ...base, connection, providerId: null, testId: 'cert3' }),
      )
      expect(saved.connection.pins).toEqual([pin])
      expect(saved.lastVerifiedAt).not.toBeNull()

      // the one-click TLS fix sets a minimum for one server; leaving minTls out keeps what is saved
      const oneServer = [{ host: '127.0.0.1', port: front.port, version: '1.0' }]
      const lowered = value<AccountView>(
        await call('setAccountTrust', { accountId: saved.id, pins: [pin], cas: [], minTls: oneServer }),
      )
      expect(lowered.connection).toMatchObject({ pins: [pin], minTls: oneServer })
      const removed = value<AccountView>(await call('setAccountTrust', { accountId: saved.id, pins: [], cas: [] }))
      expect(removed.connection).toMatchObject({ pins: [], minTls: oneServer })
      const retest = value<{ report: { incoming: { cause: string } } }>(
        await call('retestAccount', { id: saved.id, testId: 'cert4' }),
      )
      expect(retest.report.incoming.cause).toBe('certificate_untrusted')
    })

    it('inspects an office CA file: a CA is described, a server certificate is refused with the reason', async () => {
      expect(value(await call('inspectCa', { pem: b.ca }))).toMatchObject({
        subject: 'CN=Mailkey Test Bed CA',
        fingerprint256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
      })
      const leaf = await call('inspectCa', { pem: b.certs.server.cert })
      expect(leaf).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a CA/) },
      })
    })

    it('sending falls back when the primary is black-holed, says so and why, within the connect timeout + 1 s', async () => {
      const hole: HostileServer = await blackHole()
      cleanup.push(() => hole.close())
      const primary = { host: '127.0.0.1', port: hole.port, security: 'tls' }
      const base = { email: alice.address, password: alice.appPassword, incoming: b.imaps, outgoing: primary }
      const tested = value<{ outgoing: { cause: string }; outgoingFallbacks: { ok: boolean }[] }>(
        await call('testConnection', { testId: 'fb1', ...base, outgoingFallbacks: [b.smtps], timeoutMs: 1500 }),
      )
      // "test" shows each outgoing server
      expect(tested.outgoing.cause).toBe('connection_timeout')
      expect(tested.outgoingFallbacks).toMatchObject([{ ok: true, host: b.host, port: b.ports.smtps }])
      const saved = value<AccountView>(
        await call('saveAccount', {
          ...base,
          displayName: 'Alice at the desk',
          replyTo: 'desk@example.test',
          outgoingFallbacks: [b.smtps],
          providerId: null,
          testId: 'fb1',
        }),
      )
      // a fallback that works proves the settings: mail goes out
      expect(saved.lastVerifiedAt).not.toBeNull()
      const t0 = performance.now()
      const sent = value<{
        sent: boolean
        server: unknown
        failedBefore: { cause: string; port: number }[]
        messageId: string
      }>(await call('sendTestMessage', { accountId: saved.id, to: alice.address }))
      const ms = performance.now() - t0
      expect(sent).toMatchObject({
        sent: true,
        server: b.smtps,
        failedBefore: [{ port: hole.port, cause: 'connection_timeout' }],
      })
      // the black-holed primary cost its connect timeout, and the fallback's own send fits in the second
      expect(ms).toBeLessThanOrEqual(FAST.connectMs + 1000)
      console.log(
        `fallback: black-holed primary + fallback send took ${Math.round(ms)} ms (connect timeout ${FAST.connectMs} ms)`,
      )

      // the sender identity: name and Reply-To on the message that arrived
      const client = new ImapFlow({
        host: b.host,
        port: b.ports.imaps,
        secure: true,
        tls: { ca: b.ca },
        auth: { user: alice.address, pass: alice.appPassword },
        logger: false,
      })
      await client.connect()
      try {
        const lock = await client.getMailboxLock('INBOX')
        try {
          const uids = (await client.search({ header: { 'message-id': sent.messageId } }, { uid: true })) || []
          const msg = await client.fetchOne(String(uids[0]), { envelope: true }, { uid: true })
          expect(msg && msg.envelope?.from?.[0]).toMatchObject({ name: 'Alice at the desk', address: alice.address })
          expect(msg && msg.envelope?.replyTo?.[0]?.address).toBe('desk@example.test')
        } finally {
          lock.release()
        }
      } finally {
        await client.logout()
      }
    })

    it('capabilities after a successful test: Dovecot (IMAP, POP3) and the bed’s SMTP server', async () => {
      const imap = value<{ incoming: { capabilities: unknown }; outgoing: { capabilities: unknown } }>(
        await call('testConnection', {
          testId: 'caps1',
          email: alice.address,
          password: alice.appPassword,
          incoming: b.imaps,
          outgoing: b.submission,
        }),
      )
      expect(imap.incoming.capabilities).toMatchObject({
        protocol: 'imap',
        idle: true,
        condstore: true,
        qresync: true,
        move: true,
        quota: true,
        quotaUsage: { usedBytes: expect.any(Number), limitBytes: 1024 ** 3 },
      })
      expect(imap.outgoing.capabilities).toMatchObject({
        protocol: 'smtp',
        sizeMb: 34.2,
        smtputf8: true,
        eightBitMime: true,
        pipelining: true,
      })
      const pop = value<{ incoming: { capabilities: unknown } }>(
        await call('testConnection', {
          testId: 'caps2',
          email: alice.address,
          password: alice.appPassword,
          incoming: b.pop3s,
        }),
      )
      expect(pop.incoming.capabilities).toMatchObject({ protocol: 'pop3', uidl: true, top: true })
    })
  },
)
