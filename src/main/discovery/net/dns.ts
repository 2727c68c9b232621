import { Resolver } from 'node:dns/promises'
import { isIP } from 'node:net'
import { LookupError } from '../lookup-error.js'

export interface MxRecord {
  exchange: string
  priority: number
}

export interface SrvRecord {
  name: string
  port: number
  priority: number
  weight: number
}

/**
 * Every DNS query discovery makes (MX, SRV, and the A/AAAA of hosts it connects to) goes through one
 * of these, so `--dns-server` reaches all of them and a proxy (issue 16) can replace it. Each call has
 * its own deadline and cancel; "no such name" and "no such record" are empty answers, not errors.
 */
export interface Dns {
  mx(domain: string, signal: AbortSignal): Promise<MxRecord[]>
  srv(name: string, signal: AbortSignal): Promise<SrvRecord[]>
  /** IPv4 then IPv6 addresses of a host; an IP literal is its own answer. */
  addresses(host: string, signal: AbortSignal): Promise<string[]>
}

export interface DnsOptions {
  /** `HOST[:PORT]` servers (IPv6 in brackets); the system's when empty. */
  servers?: readonly string[]
  /** Per query, over all tries (ms). */
  timeoutMs?: number
}

/** Answers that mean "nothing there" (RFC 2308 NXDOMAIN / NODATA), per Node's c-ares codes. */
const EMPTY = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME'])

const DEFAULT_TIMEOUT_MS = 3000
const TRIES = 2

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
}

/** DNS through Node's c-ares resolver, one resolver per query so a cancel ends exactly that query. */
export function createDns(options: DnsOptions = {}): Dns {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  async function query<T>(what: string, signal: AbortSignal, run: (r: Resolver) => Promise<T>, empty: T): Promise<T> {
    if (signal.aborted) throw new LookupError('timeout', `${what}: stopped`)
    const resolver = new Resolver({ timeout: Math.max(1, Math.floor(timeoutMs / TRIES)), tries: TRIES })
    if (options.servers?.length) resolver.setServers([...options.servers])
    const onAbort = (): void => resolver.cancel()
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      return await run(resolver)
    } catch (e) {
      const code = codeOf(e)
      if (EMPTY.has(code)) return empty
      if (code === 'ETIMEOUT' || code === 'ECANCELLED')
        throw new LookupError('timeout', `${what}: the DNS server did not answer`)
      throw new LookupError('failed', `${what}: DNS error ${code || 'unknown'}`)
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }
  return {
    mx: (domain, signal) => query(`MX of ${domain}`, signal, (r) => r.resolveMx(domain), []),
    srv: (name, signal) => query(`SRV ${name}`, signal, (r) => r.resolveSrv(name), []),
    async addresses(host, signal) {
      if (isIP(host)) return [host]
      const [v4, v6] = await Promise.all([
        query(`A of ${host}`, signal, (r) => r.resolve4(host), [] as string[]),
        query(`AAAA of ${host}`, signal, (r) => r.resolve6(host), [] as string[]).catch(() => [] as string[]),
      ])
      return [...v4, ...v6]
    },
  }
}

/**
 * `--dns-server HOST[:PORT]` as Node's `setServers` wants it, or a message saying what is wrong.
 * Accepts `192.0.2.53`, `192.0.2.53:5353`, `::1`, `[::1]:5353`.
 */
export function parseDnsServer(raw: string): string | { error: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw)
  const [ip, port] = bracketed ? [bracketed[1] ?? '', bracketed[2]] : isIP(raw) ? [raw, undefined] : raw.split(':')
  if (!ip || isIP(ip) === 0) return { error: `--dns-server wants an IP address[:PORT], got "${raw.slice(0, 60)}"` }
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535))
    return { error: `--dns-server port must be 1-65535, got "${port}"` }
  if (port === undefined) return ip
  return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`
}
