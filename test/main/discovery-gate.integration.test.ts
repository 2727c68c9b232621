import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import type { SecretStore } from '../../src/main/credentials/secret-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices } from '../../src/main/services.js'
import type { DiscoveryEvent } from '../../src/shared/discovery.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import { PRESETS } from '../../src/shared/providers.js'
import { zoneIspdb, zonePorts } from '../bed/discovery-zone.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { startZone, type ZoneServers } from './discovery-zone.js'

/**
 * Discovery through the IPC handlers, as the wizard uses it: live progress events, and the trust gate
 * refusing to send a password to a host the user has not confirmed.
 */
const b = bed()
const alice = BED_USERS.alice
let zone: ZoneServers
const dir = mkdtempSync(join(tmpdir(), 'mailkey-gate-'))
const memory = new Map<string, string>()
const secrets: SecretStore = {
  set: (k, v) => (memory.set(k, v), Promise.resolve()),
  get: (k) => Promise.resolve(memory.get(k) ?? null),
  delete: (k) => Promise.resolve(memory.delete(k)),
  keys: () => Promise.resolve([...memory.keys()]),
}
let handlers: ReturnType<typeof createHandlers>

beforeAll(async () => {
  zone = await startZone(b)
  handlers = createHandlers(
    createServices({
      store: openSettings(dir).store,
      secrets,
      trust: { ca: b.ca },
      catalog: PRESETS,
      discovery: { dnsServers: [zone.dns.server], ports: zonePorts(b, zone.web), ispdbBase: zoneIspdb(zone.web) },
      openExternal: () => Promise.resolve(),
    }),
  )
})
afterAll(async () => {
  await zone.stop()
  rmSync(dir, { recursive: true, force: true })
})

const call = <M extends Method>(method: M, input: unknown, events: DiscoveryEvent[] = []) =>
  dispatch(handlers, method, input, { emit: () => undefined, emitDiscovery: (e) => events.push(e) })

describe('discovery through the handlers', () => {
  it('reports each lookup live, then the settings with their sources', async () => {
    const events: DiscoveryEvent[] = []
    const r = await call('detectProvider', { email: 'ida@srvonly.test' }, events)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toMatchObject({ source: 'srv', domain: 'srvonly.test', incoming: { host: 'mail.srvonly.test' } })
    expect(events.filter((e) => e.state === 'running').map((e) => e.source)).toEqual(
      expect.arrayContaining(['preset', 'autoconfig', 'well-known', 'ispdb', 'mx', 'srv', 'guess']),
    )
    expect(events.find((e) => e.source === 'srv' && e.state === 'found')).toMatchObject({
      email: 'ida@srvonly.test',
      ms: expect.any(Number),
    })
  })

  it('takes an IDN address and refuses a malformed one in words', async () => {
    expect(await call('detectProvider', { email: 'mia@bücher.test' })).toMatchObject({
      ok: true,
      value: { domain: 'xn--bcher-kva.test' },
    })
    expect(await call('detectProvider', { email: 'mia@[999.0.0.1]' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('the trust gate: no test or save with a password for an unconfirmed host; once confirmed, it goes through', async () => {
    const email = 'dan@srvaway.test'
    const found = await call('detectProvider', { email })
    if (!found.ok) throw new Error(found.error.message)
    const { incoming, outgoing } = found.value
    expect(found.value.found?.incoming[0]).toMatchObject({
      trusted: false,
      caution: expect.stringMatching(/imap\.hostco\.test/),
    })
    const draft = {
      email,
      username: alice.address,
      password: alice.appPassword,
      incoming: { ...incoming, host: 'imap.hostco.test' },
      outgoing: { ...outgoing, host: 'smtp.hostco.test' },
    }
    const refused = await call('testConnection', { ...draft, testId: 'gate-1' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFIRM_HOST', message: expect.stringMatching(/^Confirm imap\.hostco\.test before/) },
    })
    expect(await call('confirmHost', { email, host: 'imap.hostco.test' })).toMatchObject({ ok: true })
    const stillOne = await call('testConnection', { ...draft, testId: 'gate-2' })
    expect(stillOne).toMatchObject({
      ok: false,
      error: { code: 'CONFIRM_HOST', message: expect.stringMatching(/smtp\.hostco\.test/) },
    })
    expect(await call('saveAccount', { ...draft, providerId: null })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRM_HOST' },
    })
    expect(memory.size).toBe(0)
    await call('confirmHost', { email, host: 'smtp.hostco.test' })
    const saved = await call('saveAccount', { ...draft, providerId: null })
    expect(saved.ok).toBe(true)
    expect(memory.size).toBe(1)
  })
})
