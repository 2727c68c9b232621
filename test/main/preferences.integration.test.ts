import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../src/main/accounts/migrations.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import { checkIspdbBase } from '../../src/shared/preferences.js'
import type { Result } from '../../src/shared/result.js'
import { zoneIspdb, zonePorts } from '../bed/discovery-zone.js'
import { bed } from './bed.js'
import { startZone, type ZoneServers } from './discovery-zone.js'
import { scratchKeychain } from './keychain.js'

/**
 * The provider database address as an app setting (issue 14): checked, kept in the settings file
 * across restarts, and asked by the app's discovery, against the loopback zone whose HTTPS server
 * also plays an office's mirror at /office-mirror/.
 */
const b = bed()
let zone: ZoneServers
const dirs: string[] = []
const secrets = scratchKeychain()

beforeAll(async () => {
  zone = await startZone(b)
})
afterAll(async () => {
  await zone.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  await secrets.clear()
})

function app(dir = mkdtempSync(join(tmpdir(), 'mailkey-prefs-'))): { dir: string; services: Services } {
  if (!dirs.includes(dir)) dirs.push(dir)
  const services = createServices({
    store: openSettings(dir).store,
    secrets,
    openExternal: () => Promise.resolve(),
    trust: { ca: b.ca },
    discovery: { dnsServers: [zone.dns.server], ports: zonePorts(b, zone.web), ispdbBase: zoneIspdb(zone.web) },
  })
  return { dir, services }
}

function ipc(services: Services) {
  const handlers = createHandlers(services)
  return (method: Method, input: unknown): Promise<Result<unknown>> =>
    dispatch(handlers, method, input, { emit: () => undefined })
}

describe('the provider database setting', () => {
  it.each([
    ['https://autoconfig.office.example/v1.1', 'https://autoconfig.office.example/v1.1/'],
    ['  https://ISPDB.office.example/  ', 'https://ispdb.office.example/'],
    ['http://127.0.0.1:8080/ispdb/', 'http://127.0.0.1:8080/ispdb/'],
    ['http://127.8.9.10/', 'http://127.8.9.10/'],
    ['http://[::1]:8080/', 'http://[::1]:8080/'],
    ['http://localhost/ispdb', 'http://localhost/ispdb/'],
  ])('takes %j as %s', (typed, value) => {
    expect(checkIspdbBase(typed)).toEqual({ ok: true, value })
  })

  it.each([
    ['http://ispdb.office.example/', /must use https:\/\/.*only for a mirror on this computer/],
    ['http://192.168.1.10/', /must use https:\/\//],
    ['ftp://ispdb.office.example/', /must start with https:\/\//],
    ['https://user:secret@ispdb.office.example/', /user name and password/],
    ['https://ispdb.office.example/?domain=', /cannot have a \? or # part/],
    ['ispdb.office.example', /Enter a full address/],
    ['', /Enter the provider database/],
    [`https://ispdb.office.example/${'a'.repeat(600)}`, /too long: at most 512/],
  ])('refuses %j, saying why', (typed, why) => {
    const checked = checkIspdbBase(typed)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(why)
  })

  it('is refused over IPC when bad, kept when good, across a restart, and the file says so', async () => {
    const first = app()
    const call = ipc(first.services)
    expect(await call('getPreferences', undefined)).toEqual({
      ok: true,
      value: { ispdbBase: null, defaultIspdbBase: 'https://autoconfig.thunderbird.net/v1.1/' },
    })
    const refused = await call('setPreferences', { ispdbBase: 'http://ispdb.office.example/' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('setPreferences', { ispdbBase: 'https://ispdb.office.example/v1.1', extra: 1 })).toMatchObject({
      ok: false,
    })
    expect(await call('setPreferences', { ispdbBase: 'https://ispdb.office.example/v1.1' })).toMatchObject({
      ok: true,
      value: { ispdbBase: 'https://ispdb.office.example/v1.1/' },
    })
    expect(JSON.parse(readFileSync(join(first.dir, 'settings.json'), 'utf8'))).toMatchObject({
      schemaVersion: 8,
      preferences: { ispdbBase: 'https://ispdb.office.example/v1.1/' },
    })
    // a restart reads it back; Thunderbird's own address is the default again, not a saved choice
    const again = app(first.dir)
    expect(again.services.preferences.get().ispdbBase).toBe('https://ispdb.office.example/v1.1/')
    expect(again.services.preferences.set({ ispdbBase: 'https://autoconfig.thunderbird.net/v1.1/' }).ispdbBase).toBe(
      null,
    )
  })

  it('a v7 settings file gains the default (Thunderbird’s) on migration', () => {
    const { data } = migrate({ schemaVersion: 7, accounts: [], oauthGrants: [], groups: [] })
    expect(data).toMatchObject({ schemaVersion: 8, preferences: { ispdbBase: null } })
  })

  it('is what the app’s discovery asks: the office mirror on loopback, from the next lookup on', async () => {
    const { services } = app()
    const mirror = (r: string): boolean => r.includes('/office-mirror/mirrored.test')
    // Thunderbird's (here: the zone's stand-in) does not know the domain
    const before = await services.discovery.detect('ann@mirrored.test')
    expect(before.found?.incoming.some((f) => f.source === 'ispdb')).toBe(false)
    expect(zone.web.requests.some(mirror)).toBe(false)

    services.preferences.set({ ispdbBase: `https://127.0.0.1:${zone.web.httpsPort}/office-mirror` })
    const after = await services.discovery.detect('ann@mirrored.test')
    expect(zone.web.requests.filter(mirror)).toEqual(['https://127.0.0.1/office-mirror/mirrored.test'])
    expect(after).toMatchObject({ source: 'ispdb', incoming: { host: 'imap.mirrored.test' } })
    // only the domain went there, never the address
    expect(zone.web.requests.some((r) => r.includes('ann'))).toBe(false)

    // reset: the mirror is not asked again
    services.preferences.set({ ispdbBase: null })
    await services.discovery.detect('ann@mirrored.test')
    expect(zone.web.requests.filter(mirror)).toHaveLength(1)
  })
})
