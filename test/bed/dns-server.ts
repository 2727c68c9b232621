import dns2 from 'dns2'

const { Packet } = dns2

/** RFC 1035 §4.1.1: name error. */
const NXDOMAIN = 3

export interface SrvAnswer {
  target: string
  port: number
  priority?: number
  weight?: number
}

/** What one name answers, per record type. */
export interface NameRecords {
  A?: string[]
  AAAA?: string[]
  MX?: { exchange: string; priority: number }[]
  SRV?: SrvAnswer[]
}

export type Zone = Readonly<Record<string, NameRecords>>

export interface DnsServerOptions {
  zone: Zone
  /** Names (and everything under them) whose queries are dropped: a black-holed resolver. */
  blackHoles?: readonly string[]
  /** Delay before each answer (ms), e.g. a slow resolver for the bench. */
  delayMs?: number
}

export interface TestDnsServer {
  /** `127.0.0.1:PORT`, as `--dns-server` and Resolver.setServers take it. */
  server: string
  port: number
  /** Every query received, as `TYPE name`. */
  queries: string[]
  close(): Promise<void>
}

const TYPE_NAMES: Record<number, keyof NameRecords | undefined> = {
  [Packet.TYPE.A]: 'A',
  [Packet.TYPE.AAAA]: 'AAAA',
  [Packet.TYPE.MX]: 'MX',
  [Packet.TYPE.SRV]: 'SRV',
}

function under(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`)
}

/**
 * A real DNS server (dns2, UDP) on a free loopback port serving a fixed zone: A, AAAA, MX and SRV
 * records; NXDOMAIN for names it does not know, NODATA for a known name without the type asked for;
 * and black holes that never answer. For discovery tests: `--dns-server` points here.
 */
export async function startDnsServer(opts: DnsServerOptions): Promise<TestDnsServer> {
  const queries: string[] = []
  const zone = new Map(Object.entries(opts.zone).map(([k, v]) => [k.toLowerCase(), v]))
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const [question] = request.questions
      if (!question) return
      const name = question.name.toLowerCase().replace(/\.$/, '')
      const type = TYPE_NAMES[question.type]
      queries.push(`${type ?? question.type} ${name}`)
      if (opts.blackHoles?.some((h) => under(name, h))) return
      const response = Packet.createResponseFromRequest(request)
      const records = zone.get(name)
      if (!records) {
        response.header.rcode = NXDOMAIN
      } else if (type) {
        const add = (record: Record<string, unknown>): void => {
          response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 60, ...record }))
        }
        if (type === 'A') for (const address of records.A ?? []) add({ address })
        if (type === 'AAAA') for (const address of records.AAAA ?? []) add({ address })
        if (type === 'MX') for (const mx of records.MX ?? []) add({ ...mx })
        if (type === 'SRV') {
          for (const r of records.SRV ?? []) {
            add({ priority: r.priority ?? 0, weight: r.weight ?? 0, port: r.port, target: r.target })
          }
        }
      }
      const answer = (): void => void send(response)
      if (opts.delayMs) setTimeout(answer, opts.delayMs)
      else answer()
    },
  })
  server.on('requestError', () => undefined)
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } })
  const port = addresses.udp?.port ?? 0
  return {
    server: `127.0.0.1:${port}`,
    port,
    queries,
    close: async () => {
      await server.close()
    },
  }
}
