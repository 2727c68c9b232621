import type Conf from 'conf'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { SettingsData } from '../../src/main/accounts/settings-schema.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import type { createHandlers } from '../../src/main/ipc/handlers.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import type { StageEvent } from '../../src/shared/report.js'
import { bedCatalog } from '../bed/catalog.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { freshHandlers } from './ipc-harness.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
const SENTINEL = alice.appPassword

/** Every form the secret could take in a file or a message. */
const forms = [SENTINEL, Buffer.from(SENTINEL).toString('base64'), encodeURIComponent(SENTINEL)]

describe.skipIf(problem !== null)(
  `the Gmail slice through the IPC handlers${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-flow-'))
    const secrets = scratchKeychain()
    let store: Conf<SettingsData>
    let handlers: ReturnType<typeof createHandlers>
    const results: unknown[] = []
    const call = async <M extends Method>(method: M, input: unknown, events: StageEvent[] = []) => {
      const r = await dispatch(handlers, method, input, { emit: (e) => events.push(e) })
      results.push(r, events)
      return r
    }

    beforeEach(async () => {
      ;({ store, handlers } = await freshHandlers(dir, secrets, { trust: { ca: b.ca }, catalog: bedCatalog(b) }))
    })
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('detects, tests both servers with live stages, saves as verified, lists, removes', async () => {
      const detected = await call('detectProvider', { email: alice.address })
      if (!detected.ok) throw new Error(detected.error.message)
      const { incoming, outgoing, provider } = detected.value
      expect(provider?.appPassword?.createUrl).toBe('https://myaccount.google.com/apppasswords')

      const events: StageEvent[] = []
      const tested = await call(
        'testConnection',
        {
          testId: 'flow1',
          email: alice.address,
          password: 'abcd efgh ijkl mnop'.replace(/ /g, ''),
          incoming,
          outgoing,
        },
        events,
      )
      expect(tested).toMatchObject({ ok: true, value: { incoming: { ok: true }, outgoing: { ok: true } } })
      // live progress: both sides reported every stage, interleaved (they run at once)
      for (const side of ['incoming', 'outgoing'] as const) {
        expect(events.filter((e) => e.side === side && e.state === 'done').map((e) => e.stage)).toEqual([
          'dns',
          'connect',
          'tls',
          'greeting',
          'auth',
          'ready',
        ])
      }
      expect(new Set(events.slice(0, 4).map((e) => e.side)).size).toBe(2)

      const saved = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: SENTINEL,
        testId: 'flow1',
      })
      if (!saved.ok) throw new Error(saved.error.message)
      expect(saved.value.lastVerifiedAt).not.toBeNull()
      expect(await secrets.keys()).toEqual([`${saved.value.id}:incoming`])
      expect(await secrets.get(`${saved.value.id}:incoming`)).toBe(SENTINEL)

      const listed = await call('listAccounts', undefined)
      expect(listed).toMatchObject({ ok: true, value: [{ email: alice.address, id: saved.value.id }] })

      // the secret is in the keychain only: not in any settings file, not in anything handed back
      const files = readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n')
      const handedBack = JSON.stringify(results)
      for (const f of forms) {
        expect(files).not.toContain(f)
        expect(handedBack).not.toContain(f)
      }

      expect(await call('removeAccount', { id: saved.value.id })).toEqual({ ok: true, value: { removed: true } })
      expect(await secrets.keys()).toEqual([])
      expect(store.get('accounts')).toEqual([])
    })

    it('saves as unverified when the test proved a different password or none', async () => {
      const { incoming, outgoing } = { incoming: b.imaps, outgoing: b.smtps }
      await call('testConnection', { testId: 'flow2', email: alice.address, password: SENTINEL, incoming, outgoing })
      const other = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: 'differentpassword',
        testId: 'flow2',
      })
      expect(other).toMatchObject({ ok: true, value: { lastVerifiedAt: null } })
      const untested = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: SENTINEL,
      })
      expect(untested).toMatchObject({ ok: true, value: { lastVerifiedAt: null } })
      expect(store.get('accounts')).toHaveLength(1)
    })

    it('a failed test reports each cause and saves nothing', async () => {
      const r = await call('testConnection', {
        testId: 'flow3',
        email: alice.address,
        password: 'zzzzzzzzzzzzzzzz',
        incoming: b.imaps,
        outgoing: b.smtps,
      })
      expect(r).toMatchObject({
        ok: true,
        value: {
          incoming: { ok: false, cause: 'invalid_credentials' },
          outgoing: { ok: false, cause: 'invalid_credentials' },
        },
      })
      expect(store.get('accounts')).toEqual([])
      expect(await secrets.keys()).toEqual([])
    })

    it('cancelling a test closes it at once and answers CANCELLED', async () => {
      // a port that accepts and never greets: the test would otherwise wait for the greeting timeout
      const sockets = new Set<Socket>()
      const silent = createServer((s) => sockets.add(s))
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
      const port = (silent.address() as AddressInfo).port
      const started = Date.now()
      const running = call('testConnection', {
        testId: 'flow4',
        email: alice.address,
        password: SENTINEL,
        incoming: { protocol: 'imap', host: '127.0.0.1', port, security: 'starttls' },
        outgoing: { host: '127.0.0.1', port, security: 'starttls' },
      })
      await new Promise((r) => setTimeout(r, 200))
      expect(await call('cancelTest', { testId: 'flow4' })).toEqual({ ok: true, value: { cancelled: true } })
      expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      expect(Date.now() - started).toBeLessThan(2000)
      // every client socket was closed by the cancel
      await new Promise((r) => setTimeout(r, 100))
      expect([...sockets].filter((s) => !s.destroyed && s.readable)).toHaveLength(0)
      for (const s of sockets) s.destroy()
      silent.close()
    })
  },
)
