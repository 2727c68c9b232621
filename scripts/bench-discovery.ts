// Discovery figures for `npm run bench` (section 3), against the discovery test zone on loopback: a DNS
// server and an autoconfig/ISPDB server that each answer after a delay, and the bed's mail servers
// behind the 25 ms-each-way delay proxy for guesses.
//  a. a known domain makes zero network calls (counted at the DNS, HTTP and connect seams);
//  b. an unknown domain: discovery's wall time against the slowest lookup it had to wait for, each
//     lookup also timed alone in the same run (parallel, not the sum: target ≤ 1.2);
//  c. every lookup black-holed: a result by the default 8 s deadline, with progress events meanwhile.
import { discoveryNet } from '../src/main/discovery/default-net.js'
import {
  createDiscovery,
  DISCOVERY_DEADLINE_MS,
  NETWORK_SOURCES,
  type Discovery,
} from '../src/main/discovery/discover.js'
import type { Dns } from '../src/main/discovery/net/dns.js'
import type { DiscoveryNet, Source } from '../src/main/discovery/types.js'
import { parseDiscoveryAddress, type DiscoveryAddress } from '../src/shared/discovery-address.js'
import { PRESETS } from '../src/shared/providers.js'
import { startAutoconfigServer } from '../test/bed/autoconfig-server.js'
import { startDnsServer } from '../test/bed/dns-server.js'
import { discoveryZone, zoneIspdb } from '../test/bed/discovery-zone.js'
import type { BedInfo } from '../test/bed/index.js'
import { startLatencyProxy, type LatencyProxy } from '../test/bed/latency-proxy.js'

const DNS_DELAY_MS = 20
const WEB_DELAY_MS = 40
const ONE_WAY_MS = 25

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Wraps a network so every DNS query, HTTP request and connection is counted. */
function counting(net: Omit<DiscoveryNet, 'allowHttp'>): { net: Omit<DiscoveryNet, 'allowHttp'>; calls: () => number } {
  let n = 0
  const dns: Dns = {
    mx: (d, s) => (n++, net.dns.mx(d, s)),
    srv: (d, s) => (n++, net.dns.srv(d, s)),
    addresses: (h, s) => (n++, net.dns.addresses(h, s)),
  }
  return {
    net: { ...net, dns, httpGet: (u, s) => (n++, net.httpGet(u, s)), connect: (t, s) => (n++, net.connect(t, s)) },
    calls: () => n,
  }
}

async function alone(source: Source, address: DiscoveryAddress, net: DiscoveryNet): Promise<number> {
  const t0 = performance.now()
  const controller = new AbortController()
  await source
    .run({ address, net, catalog: PRESETS, signal: controller.signal, deadline: Date.now() + DISCOVERY_DEADLINE_MS })
    .catch(() => null)
  return performance.now() - t0
}

export async function benchDiscovery(bed: BedInfo, runs: number): Promise<void> {
  const zone = discoveryZone(bed)
  const dns = await startDnsServer({ zone: zone.zone, blackHoles: zone.blackHoles, delayMs: DNS_DELAY_MS })
  const web = await startAutoconfigServer({
    key: bed.certs.server.key,
    cert: bed.certs.server.cert,
    routes: zone.routes,
    delayMs: WEB_DELAY_MS,
  })
  const proxies: LatencyProxy[] = []
  const slow = async (port: number): Promise<number> => {
    const p = await startLatencyProxy(port, ONE_WAY_MS)
    proxies.push(p)
    return p.port
  }
  try {
    const base = discoveryNet({
      dnsServers: [dns.server],
      ca: bed.ca,
      ispdbBase: zoneIspdb(web),
      ports: {
        https: web.httpsPort,
        http: web.httpPort,
        mail: {
          imap: { tls: await slow(bed.ports.imaps), starttls: await slow(bed.ports.imap) },
          smtp: { tls: await slow(bed.ports.smtps), starttls: await slow(bed.ports.submission) },
        },
      },
    })

    // a. a known domain
    const known = counting(base)
    const knownRun = await createDiscovery({ catalog: PRESETS, net: known.net })('alice@gmail.com')
    console.log('\n6. Discovery (DNS answers after 20 ms, web after 40 ms, mail servers 25 ms each way)')
    console.log(
      `   a. known domain (gmail.com): ${known.calls()} network calls, source ${knownRun.source}, ${knownRun.ms} ms`,
    )

    // b. an unknown domain: nothing published, the guess wins; each lookup also alone, interleaved
    const address = parseDiscoveryAddress('kim@guess.test') as DiscoveryAddress
    const net: DiscoveryNet = { ...base, allowHttp: false }
    const discover = createDiscovery({ catalog: PRESETS, net: base })
    await discover(address.address) // warm-up, not counted
    const walls: number[] = []
    const slowestAwaited: number[] = []
    const slowestAlone: number[] = []
    const sums: number[] = []
    let last: Discovery | undefined
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      last = await discover(address.address)
      walls.push(performance.now() - t0)
      const awaited = last.lookups.filter((l) => l.outcome !== 'cancelled' && l.outcome !== 'skipped')
      slowestAwaited.push(Math.max(...awaited.map((l) => l.ms)))
      const times = []
      for (const source of NETWORK_SOURCES) times.push(await alone(source, address, net))
      slowestAlone.push(Math.max(...times))
      sums.push(times.reduce((a, b) => a + b, 0))
    }
    const m = { wall: median(walls), awaited: median(slowestAwaited), alone: median(slowestAlone), sum: median(sums) }
    console.log(`   b. unknown domain (guess.test → ${last?.source}; ${runs} runs, medians)`)
    console.log(`      discovery wall                         ${m.wall.toFixed(0).padStart(5)} ms`)
    console.log(`      slowest awaited lookup (in the run)    ${m.awaited.toFixed(0).padStart(5)} ms`)
    console.log(`      slowest lookup run alone               ${m.alone.toFixed(0).padStart(5)} ms`)
    console.log(`      sum of the lookups run alone           ${m.sum.toFixed(0).padStart(5)} ms`)
    console.log(`      ratio wall / slowest awaited           ${(m.wall / m.awaited).toFixed(3)}  (target ≤ 1.2)`)
    console.log(`      ratio wall / slowest alone             ${(m.wall / m.alone).toFixed(3)}  (target ≤ 1.2)`)

    // c. everything black-holed, default deadline
    let events = 0
    const t0 = performance.now()
    const hole = await createDiscovery({ catalog: PRESETS, net: base })('ken@blackhole.test', {
      onEvent: () => void events++,
    })
    const ms = performance.now() - t0
    const outcomes = hole.lookups.map((l) => `${l.source} ${l.outcome}`).join(', ')
    console.log(
      `   c. all black-holed: a result after ${ms.toFixed(0)} ms (deadline ${DISCOVERY_DEADLINE_MS} ms), ${events} progress events; ${outcomes}`,
    )
  } finally {
    for (const p of proxies) await p.close()
    await web.close()
    await dns.close()
  }
}
