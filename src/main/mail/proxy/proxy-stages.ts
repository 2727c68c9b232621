import type { ProbeContext } from '../probe.js'
import { proxyWords, type ProxyEndpoint } from './proxy-endpoint.js'

/**
 * The 'dns' stage of a probe under a proxy: the proxy looks the server up, so this computer sends no
 * DNS query for it (the stage closes at once and says so). The proxy's password joins the secrets the
 * transcript scrubs. Returns the name to connect to: the server's own.
 */
export function proxyResolvesStage(host: string, proxy: ProxyEndpoint, ctx: ProbeContext): string {
  if (proxy.password) ctx.transcript.protect(proxy.password)
  ctx.transcript.note(`through ${proxyWords(proxy)}, which looks up ${host} (no DNS query from this computer)`)
  ctx.clock.complete('dns')
  return host
}
