import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DiscoveryService } from '../../src/main/discovery/discovery-service.js'
import { AppError } from '../../src/main/app-error.js'
import { bed } from './bed.js'
import { startZone, type ZoneServers } from './discovery-zone.js'

/**
 * Cancelling a discovery (the wizard's user typed on): against the loopback zone, where every lookup
 * of `blackhole.test` hangs (DNS dropped, the provider database mirror never answers), a cancelled run
 * must end at once, close the request it had open, and start no lookup after.
 */
const b = bed()
let zone: ZoneServers

beforeAll(async () => {
  zone = await startZone(b)
})
afterAll(() => zone.stop())

/** Polls `done` every 20 ms for at most `ms`; true when it came true. */
async function within(ms: number, done: () => boolean): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (done()) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return done()
}

describe('a cancelled discovery', () => {
  it('stops its lookups: the hanging provider database request is closed, nothing new starts', async () => {
    const service = new DiscoveryService(zone.deps())
    const ispdb = (r: string): boolean => r.includes('/v1.1/blackhole.test')
    const t0 = Date.now()
    const run = service.detect('ken@blackhole.test', { cancellable: true })
    const outcome = run.then(
      () => 'answered',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    )
    // the provider database mirror has the request, and holds it open without answering
    expect(await within(3000, () => zone.web.requests.some(ispdb))).toBe(true)
    expect(zone.web.openConnections()).toBeGreaterThan(0)
    const dnsBefore = zone.dns.queries.length

    expect(service.cancel('ken@blackhole.test')).toBe(true)
    expect(await outcome).toBe('CANCELLED')
    // long before the 8 s deadline the run would otherwise have waited for
    expect(Date.now() - t0).toBeLessThan(3000)
    // its open request was aborted: the server sees the connection close
    expect(await within(2000, () => zone.web.openConnections() === 0)).toBe(true)
    // and no lookup started after the cancel (the guesses' staggered probes included)
    const requests = zone.web.requests.length
    await new Promise((r) => setTimeout(r, 500))
    expect(zone.web.requests.length).toBe(requests)
    expect(zone.dns.queries.length).toBe(dnsBefore)
    // cancelling again finds nothing running
    expect(service.cancel('ken@blackhole.test')).toBe(false)
  })

  it('only the cancelled address: a run for another address goes on', async () => {
    const service = new DiscoveryService(zone.deps())
    const other = service.detect('mia@bücher.test', { cancellable: true })
    expect(service.cancel('ken@blackhole.test')).toBe(false)
    await expect(other).resolves.toMatchObject({ source: 'autoconfig' })
  })
})
