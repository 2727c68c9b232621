import type Conf from 'conf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SettingsData } from '../../src/main/accounts/settings-schema.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices } from '../../src/main/services.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import { bedCatalog } from '../bed/catalog.js'
import { scriptedServer, type HostileServer } from '../bed/hostile.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
const SECRET = alice.appPassword

/** Issue 12, fault 1: the page names an account and a server of its choosing; the secret must not go there. */
describe.skipIf(problem !== null)(
  `a saved secret goes only to its own servers${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-binding-'))
    const secrets = scratchKeychain()
    let store: Conf<SettingsData>
    let handlers: ReturnType<typeof createHandlers>
    let attacker: HostileServer
    const call = <M extends Method>(method: M, input: unknown) =>
      dispatch(handlers, method, input, { emit: () => undefined })
    const incoming = { protocol: 'imap', host: b.host, port: b.ports.imaps, security: 'tls' } as const
    const outgoing = { host: b.host, port: b.ports.smtps, security: 'tls' } as const
    const pop3Attacker = () => ({ protocol: 'pop3', host: '127.0.0.1', port: attacker.port, security: 'none' }) as const
    const smtpAttacker = () => ({ host: '127.0.0.1', port: attacker.port, security: 'none' }) as const

    async function saveAlice(): Promise<string> {
      const saved = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: SECRET,
      })
      if (!saved.ok) throw new Error(saved.error.message)
      return saved.value.id
    }

    function expectNothingSent(): void {
      expect(attacker.received()).not.toContain(SECRET)
      expect(attacker.received()).not.toContain(Buffer.from(SECRET).toString('base64'))
      expect(attacker.received()).not.toMatch(/PASS|AUTH|LOGIN/)
    }

    beforeEach(async () => {
      await secrets.clear()
      rmSync(join(dir, 'settings.json'), { force: true })
      store = openSettings(dir).store
      handlers = createHandlers(
        createServices({
          store,
          secrets,
          trust: { ca: b.ca },
          catalog: bedCatalog(b),
          mx: () => Promise.resolve([]),
          openExternal: () => Promise.resolve(),
        }),
      )
      // answers every line with +OK, so a client that sends its password gets that far
      attacker = await scriptedServer('+OK POP3 ready', () => '+OK')
    })
    afterEach(() => attacker.close())
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('testConnection with a saved account and another host: PASSWORD_REQUIRED, the host hears nothing', async () => {
      const id = await saveAlice()
      const r = await call('testConnection', {
        testId: 'bind1',
        email: alice.address,
        accountId: id,
        incoming: pop3Attacker(),
        allowPlaintext: true,
      })
      expect(r).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } })
      expect(r.ok ? '' : r.error.message).toContain(`127.0.0.1:${attacker.port}`)
      expectNothingSent()
    })

    it('the same servers (host in another case) still test with the saved secret', async () => {
      const id = await saveAlice()
      const r = await call('testConnection', {
        testId: 'bind2',
        email: alice.address,
        accountId: id,
        incoming: { ...incoming, host: b.host.toUpperCase() },
        outgoing,
      })
      expect(r).toMatchObject({ ok: true, value: { incoming: { ok: true }, outgoing: { ok: true } } })
    })

    it.each([
      ['port', { ...incoming, port: b.ports.pop3s }],
      ['security', { ...incoming, port: b.ports.imap, security: 'starttls' }],
      ['protocol', { ...incoming, protocol: 'pop3', port: b.ports.pop3s }],
    ])('a changed %s counts as another server', async (_what, changed) => {
      const id = await saveAlice()
      const r = await call('testConnection', {
        testId: 'bind3',
        email: alice.address,
        accountId: id,
        incoming: changed,
      })
      expect(r).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } })
    })

    it('saveAccount cannot move a saved secret to a new host; the re-test goes to the saved servers only', async () => {
      const id = await saveAlice()
      const moved = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        accountId: id,
        incoming: pop3Attacker(),
        outgoing: smtpAttacker(),
        allowPlaintext: true,
      })
      expect(moved).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } })
      // by email (no id) is the same account, and the schema wants a secret: no way around it either
      const byEmail = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        incoming: pop3Attacker(),
        outgoing,
        allowPlaintext: true,
      })
      expect(byEmail).toMatchObject({ ok: false })
      const retest = await call('retestAccount', { id, testId: 'bind4' })
      expect(retest).toMatchObject({
        ok: true,
        value: { account: { incoming: { host: b.host, port: b.ports.imaps } } },
      })
      expectNothingSent()
    })

    it('a new host with the password typed again is saved', async () => {
      const id = await saveAlice()
      const moved = await call('saveAccount', {
        email: alice.address,
        providerId: 'gmail',
        accountId: id,
        incoming: { ...incoming, protocol: 'pop3', port: b.ports.pop3s },
        outgoing,
        password: SECRET,
      })
      expect(moved).toMatchObject({ ok: true, value: { incoming: { protocol: 'pop3', port: b.ports.pop3s } } })
    })

    it('an alias cannot send with the account’s secret through a server of its own', async () => {
      const id = await saveAlice()
      const added = await call('addAlias', {
        accountId: id,
        name: 'Sales',
        address: 'sales@example.test',
        smtp: smtpAttacker(),
        allowPlaintext: true,
      })
      expect(added).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } })
      // the account's own outgoing server needs no second password
      const same = await call('addAlias', {
        accountId: id,
        name: 'Sales',
        address: 'sales@example.test',
        smtp: outgoing,
      })
      expect(same).toMatchObject({ ok: true })
      expectNothingSent()
    })
  },
)
