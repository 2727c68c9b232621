import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIRECT_CONNECTION, type ConnectionSettings } from '../../src/shared/connection.js'
import { recordingSocks5, type RecordingProxy } from '../bed/proxies.js'
import { tlsFront, type TlsFront } from '../bed/tls-front.js'
import { OFFICE_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { ipcHarness } from './ipc-harness.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const FIRST = OFFICE_USERS[14]
const SECOND = OFFICE_USERS[15]
const THIRD = OFFICE_USERS[16]
const PROXY_AUTH = { user: 'branch', password: 'branch-Proxy-77' }

/**
 * Issue 17 on issue 16: a group shares its office connection options (proxy, lowest TLS, trusted
 * certificates), taken from an account that was tested with them; a mailbox added in two fields
 * connects the same way, through the real proxy, to the real pinned server.
 */
describe.skipIf(problem !== null)(
  `a group's office connection options${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-group-office-'))
    const secrets = scratchKeychain()
    const ipc = ipcHarness({ dir, secrets, trust: { ca: b.ca } })
    let proxy: RecordingProxy
    let front: TlsFront
    let connection: ConnectionSettings
    let accountId: string

    beforeAll(async () => {
      if (!FIRST || !SECOND || !THIRD) throw new Error('the bed has too few office users')
      proxy = await recordingSocks5({ auth: PROXY_AUTH })
      // the incoming server shows a self-signed certificate: it is trusted by its key (a pin)
      front = await tlsFront({ cert: b.certs.selfSigned, upstreamPort: b.ports.imaps, ca: b.ca })
      const socks = { kind: 'socks5' as const, host: '127.0.0.1', port: proxy.port, username: PROXY_AUTH.user }
      const base = {
        email: FIRST.address,
        password: FIRST.appPassword,
        incoming: { ...b.imaps, port: front.port },
        outgoing: b.smtps,
        proxyPassword: PROXY_AUTH.password,
      }
      const first = await ipc.call('testConnection', {
        testId: 'first-look',
        ...base,
        connection: { ...DIRECT_CONNECTION, proxy: socks },
      })
      expect(first.incoming).toMatchObject({ cause: 'certificate_untrusted', canTrust: true })
      const shown = first.incoming?.certificate
      if (!shown?.spki) throw new Error('the test showed no certificate')
      connection = {
        proxy: socks,
        minTls: [{ host: b.smtps.host, port: b.smtps.port, version: '1.3' }],
        pins: [
          {
            host: b.imaps.host,
            port: front.port,
            spki: shown.spki,
            anchor: shown.anchor ?? null,
            subject: shown.subject,
          },
        ],
        cas: [],
      }
      const tested = await ipc.call('testConnection', { testId: 'pinned', ...base, connection })
      expect([tested.incoming?.ok, tested.outgoing?.ok]).toEqual([true, true])
      const saved = await ipc.call('saveAccount', { ...base, connection, providerId: null, testId: 'pinned' })
      accountId = saved.id
    })
    afterAll(async () => {
      await proxy.stop()
      await front.close()
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('made from that account: the group keeps its options and its own copy of the proxy password', async () => {
      const group = await ipc.call('createGroup', { name: 'Branch office', fromAccountId: accountId })
      expect(group.defaults.connection).toEqual(connection)
      expect(await secrets.get(`${group.id}:proxy`)).toBe(PROXY_AUTH.password)
      // the settings file holds the options, never the password
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(PROXY_AUTH.password)
      // the group's entry is owned: not a leftover to clean up
      expect(await ipc.call('listOrphans', undefined)).toEqual({ keys: [] })
      await ipc.call('removeGroup', { id: group.id })
      expect(await secrets.keys()).not.toContain(`${group.id}:proxy`)
    })

    it('a mailbox added in two fields connects through the group’s proxy to the pinned server, and is saved the same way', async () => {
      const group = await ipc.call('createGroup', { name: 'Branch', fromAccountId: accountId })
      // the app was restarted since: this Mailkey never saw the pinned certificate, the group vouches for it
      const later = ipcHarness({ dir, secrets, trust: { ca: b.ca } })
      const before = proxy.requests.length
      const added = await later.call('addToGroup', {
        groupId: group.id,
        testId: 'add-second',
        email: SECOND?.address ?? '',
        password: SECOND?.appPassword ?? '',
      })
      expect(added.saved).toBe(true)
      expect(added.report.incoming).toMatchObject({
        ok: true,
        port: front.port,
        via: expect.stringContaining('socks5'),
      })
      expect(added.report.outgoing).toMatchObject({ ok: true, via: expect.stringContaining('socks5') })
      // both sides went through the proxy, to exactly the group's servers
      expect(
        proxy.requests
          .slice(before)
          .map((r) => r.port)
          .sort(),
      ).toEqual([front.port, b.smtps.port].sort())
      expect(added.account).toMatchObject({ groupId: group.id, connection, secrets: { proxy: 'saved' } })
      const memberId = added.account?.id ?? ''
      expect(await secrets.get(`${memberId}:proxy`)).toBe(PROXY_AUTH.password)

      // a re-test of the member uses its own saved options (no group needed any more)
      await ipc.call('removeGroup', { id: group.id })
      const retest = await ipc.call('retestAccount', { id: memberId, testId: 'member-again' })
      expect([retest.report.incoming?.ok, retest.report.outgoing?.ok]).toEqual([true, true])
      expect(await secrets.keys()).toContain(`${memberId}:proxy`)
    })

    it('a group whose proxy password is gone from the keychain refuses to add, says what to do, and connects nowhere', async () => {
      const group = await ipc.call('createGroup', { name: 'Lost secret', fromAccountId: accountId })
      await secrets.delete(`${group.id}:proxy`)
      const before = proxy.requests.length
      await expect(
        ipc.call('addToGroup', {
          groupId: group.id,
          testId: 'add-third',
          email: THIRD?.address ?? '',
          password: THIRD?.appPassword ?? '',
        }),
      ).rejects.toThrow(/INVALID_INPUT.*proxy is missing from the keychain.*create it again/)
      expect(proxy.requests.length).toBe(before)
      expect((await ipc.call('listAccounts', undefined)).map((a) => a.email)).not.toContain(THIRD?.address)
    })
  },
)
