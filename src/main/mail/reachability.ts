import type { LookupAddress } from 'node:dns'
import type { PortCheck } from '../../shared/report.js'
import { connectTcp, lookupHost } from './open-socket.js'
import { ProbeFailure } from './probe-failure.js'
import type { Resolve } from './protocol-options.js'
import type { ProxyEndpoint } from './proxy/proxy-endpoint.js'
import { proxyPortResult } from './proxy/proxy-failure.js'
import { openTunnel } from './proxy/tunnel.js'

const CHECK_TIMEOUT_MS = 3000

/**
 * Tries a bare TCP connect to each host:port at once and closes it straight away (no protocol, no
 * credential), so a failure can be told apart: "587 and 465 are blocked from this network, 993 works"
 * (an ISP, firewall or VPN) rather than a wrong setting. Each connect tries every address of the host
 * the way the probes do (Happy Eyeballs), so a dead IPv6 route is not taken for a firewall. Under a
 * proxy each connect goes through it (and nothing is looked up here): what counts is what the proxy
 * lets through.
 */
export async function checkReachability(
  targets: readonly { host: string; port: number }[],
  timeoutMs: number = CHECK_TIMEOUT_MS,
  signal: AbortSignal = new AbortController().signal,
  resolve?: Resolve,
  proxy?: ProxyEndpoint,
): Promise<PortCheck[]> {
  const addresses = new Map<string, Promise<LookupAddress[]>>()
  const address = (host: string): Promise<LookupAddress[]> => {
    let a = addresses.get(host)
    if (!a) addresses.set(host, (a = lookupHost(host, timeoutMs, signal, resolve)))
    return a
  }
  return Promise.all(
    targets.map(async ({ host, port }): Promise<PortCheck> => {
      const t0 = performance.now()
      const ms = (): number => Math.round(performance.now() - t0)
      try {
        const socket = proxy
          ? await openTunnel(proxy, { host, port }, timeoutMs, signal)
          : await connectTcp({ host, port, addresses: await address(host) }, { resolve }, timeoutMs, signal)
        socket.destroy()
        return { host, port, open: true, ms: ms() }
      } catch (e) {
        if (proxy) return { host, port, open: false, ms: ms(), result: proxyPortResult(e) }
        const code = e instanceof ProbeFailure ? e.facts.code : undefined
        const result = code === 'ECONNREFUSED' ? 'refused' : code === 'ETIMEDOUT' ? 'no-answer' : 'error'
        return { host, port, open: false, ms: ms(), result }
      }
    }),
  )
}

/** Plain words for a reachability result: "465 and 587 get no answer (blocked?); 993 works". */
export function describeReachability(checks: readonly PortCheck[]): string {
  const group = (pred: (c: PortCheck) => boolean): string[] => checks.filter(pred).map((c) => String(c.port))
  const list = (ports: string[]): string =>
    ports.length > 1 ? `${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}` : (ports[0] ?? '')
  const parts: string[] = []
  const blocked = group((c) => !c.open && c.result === 'no-answer')
  const refused = group((c) => !c.open && c.result !== 'no-answer')
  const open = group((c) => c.open)
  if (blocked.length)
    parts.push(
      `${list(blocked)} ${blocked.length > 1 ? 'get' : 'gets'} no answer from this network (blocked by a firewall, VPN or provider?)`,
    )
  if (refused.length) parts.push(`${list(refused)} ${refused.length > 1 ? 'are' : 'is'} closed`)
  if (open.length) parts.push(`${list(open)} ${open.length > 1 ? 'work' : 'works'}`)
  return parts.join('; ')
}
