import { createConnect } from './net/connect.js'
import { createDns, type Dns } from './net/dns.js'
import { createHttpGet } from './net/http-get.js'
import { DEFAULT_ISPDB } from './sources/ispdb.js'
import type { DiscoveryNet, PortMap } from './types.js'

/** How long one TCP connect of a lookup or guess may take. */
const CONNECT_MS = 4000

export interface NetOptions {
  /** `--dns-server` values as Node wants them; the system's resolvers when empty. */
  dnsServers?: readonly string[]
  /** Another DNS (tests: a fake that counts queries). */
  dns?: Dns
  /** The provider database's base URL (`--ispdb`). */
  ispdbBase?: string
  /** Extra trusted CA (PEM) for HTTPS lookups and guessed TLS servers; tests pass the bed's. */
  ca?: string | undefined
  /** Tests only: where the standard ports are. */
  ports?: PortMap
}

/**
 * Discovery's network: one DNS for every query of the run, one connect factory (DNS + TCP) under every
 * socket, HTTPS over that factory. A proxy (issue 16) replaces `connect` (and skips local DNS).
 */
export function discoveryNet(options: NetOptions = {}): Omit<DiscoveryNet, 'allowHttp'> {
  const dns = options.dns ?? createDns({ servers: options.dnsServers ?? [] })
  const connect = createConnect(dns, CONNECT_MS)
  return {
    dns,
    connect,
    httpGet: createHttpGet({ connect, ca: options.ca }),
    ca: options.ca,
    ports: options.ports ?? {},
    ispdbBase: options.ispdbBase ?? DEFAULT_ISPDB,
  }
}
