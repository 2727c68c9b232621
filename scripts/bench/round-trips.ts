import type { BedInfo } from '../../test/bed/index.js'
import { startLatencyProxy } from '../../test/bed/latency-proxy.js'
import { BED_USERS } from '../../test/bed/users.js'
import { runTest, type FlatTest } from '../../test/main/run-test.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import { DEFAULT_TIMEOUTS } from '../../src/main/mail/timeouts.js'

/**
 * Round trips of one verification per protocol, by the slope method: the time of a whole test is
 * measured through a delay proxy at several one-way delays d; the slope of time over d, halved (one
 * round trip is 2·d), is the number of round trips. Constant costs (CPU, the servers' own delays) drop
 * out, so the figure holds on any machine.
 */
export interface RoundTripFigure {
  protocol: string
  roundTrips: number
  /** Median time at each delay, for the record. */
  points: { oneWayMs: number; ms: number }[]
}

type Target =
  | { name: string; side: 'incoming'; port: number; server: (port: number) => IncomingServer }
  | { name: string; side: 'outgoing'; port: number; server: (port: number) => Server }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length
  const mx = points.reduce((a, p) => a + p.x, 0) / n
  const my = points.reduce((a, p) => a + p.y, 0) / n
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0)
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0)
  return num / den
}

export async function measureRoundTrips(
  bed: BedInfo,
  delays: readonly number[],
  runs: number,
): Promise<RoundTripFigure[]> {
  const alice = BED_USERS.alice
  const base: FlatTest = {
    email: alice.address,
    password: alice.appPassword,
    timeouts: DEFAULT_TIMEOUTS,
    trust: { ca: bed.ca },
  }
  const h = '127.0.0.1'
  const targets: Target[] = [
    {
      name: 'IMAPS (993)',
      side: 'incoming',
      port: bed.ports.imaps,
      server: (port) => ({ protocol: 'imap', host: h, port, security: 'tls' }),
    },
    {
      name: 'IMAP STARTTLS (143)',
      side: 'incoming',
      port: bed.ports.imap,
      server: (port) => ({ protocol: 'imap', host: h, port, security: 'starttls' }),
    },
    {
      name: 'POP3S (995)',
      side: 'incoming',
      port: bed.ports.pop3s,
      server: (port) => ({ protocol: 'pop3', host: h, port, security: 'tls' }),
    },
    {
      name: 'SMTP 465',
      side: 'outgoing',
      port: bed.ports.smtps,
      server: (port) => ({ host: h, port, security: 'tls' }),
    },
    {
      name: 'SMTP 587',
      side: 'outgoing',
      port: bed.ports.submission,
      server: (port) => ({ host: h, port, security: 'starttls' }),
    },
  ]
  const samples = new Map<string, number[]>()
  const proxies = new Map<string, Awaited<ReturnType<typeof startLatencyProxy>>>()
  try {
    for (const t of targets) for (const d of delays) proxies.set(`${t.name}@${d}`, await startLatencyProxy(t.port, d))
    const once = async (t: Target, d: number): Promise<number> => {
      const port = proxies.get(`${t.name}@${d}`)?.port ?? 0
      const req = t.side === 'incoming' ? { ...base, incoming: t.server(port) } : { ...base, outgoing: t.server(port) }
      const { report } = await runTest(req)
      const side = report[t.side]
      if (!side?.ok) throw new Error(`bench run failed: ${t.name}: ${side?.cause} ${side?.serverText ?? ''}`)
      return report.ms
    }
    for (const t of targets) await once(t, delays[0] ?? 0) // warm-up, not counted
    // interleaved, so drift on the machine touches every point alike
    for (let i = 0; i < runs; i++) {
      for (const t of targets) {
        for (const d of delays) {
          const key = `${t.name}@${d}`
          samples.set(key, [...(samples.get(key) ?? []), await once(t, d)])
        }
      }
    }
  } finally {
    await Promise.all([...proxies.values()].map((p) => p.close()))
  }
  return targets.map((t) => {
    const points = delays.map((d) => ({ oneWayMs: d, ms: median(samples.get(`${t.name}@${d}`) ?? []) }))
    const perOneWayMs = slope(points.map((p) => ({ x: p.oneWayMs, y: p.ms })))
    return { protocol: t.name, roundTrips: perOneWayMs / 2, points }
  })
}
