import type { LookupAddress } from 'node:dns'
import type { Socket } from 'node:net'
import { addressList, connectTcp, lookupHost, upgradeTls } from './open-socket.js'
import { proxyResolvesStage } from './proxy/proxy-stages.js'
import { openTunnel } from './proxy/tunnel.js'
import type { ProbeContext } from './probe.js'
import type { ConnectionOptions } from './protocol-options.js'
import type { ServerCheck } from './test-request.js'

/** The first stage of every probe: start the clock, resolve DNS to every address of the name (none under a proxy). */
export async function resolveStage(
  check: ServerCheck,
  conn: ConnectionOptions,
  ctx: ProbeContext,
): Promise<LookupAddress[]> {
  const { host } = check.server
  ctx.clock.start()
  if (conn.proxy) {
    // the proxy looks the name up: no local lookup, no addresses here
    proxyResolvesStage(host, conn.proxy, ctx)
    return []
  }
  const addresses = await lookupHost(host, conn.timeouts.connectMs, ctx.signal, conn.resolve)
  ctx.clock.complete('dns')
  if (addresses[0]?.address !== host) ctx.transcript.note(`${host} is ${addressList(addresses)}`)
  return addresses
}

/**
 * DNS, TCP and (for implicit TLS) the handshake, each its own stage with its own timeout, for the
 * probes that speak their protocol over a socket they are handed (SMTP via nodemailer, POP3). The
 * transcript names the address that answered, which is not always the first one.
 */
export async function openStages(check: ServerCheck, conn: ConnectionOptions, ctx: ProbeContext): Promise<Socket> {
  const { host, port, security } = check.server
  const addresses = await resolveStage(check, conn, ctx)
  const socket = conn.proxy
    ? await openTunnel(conn.proxy, check.server, conn.timeouts.connectMs, ctx.signal)
    : await connectTcp({ host, port, addresses }, conn, conn.timeouts.connectMs, ctx.signal)
  ctx.clock.complete('connect')
  ctx.transcript.note(`connected to ${socket.remoteAddress ?? host} port ${port}`)
  if (security !== 'tls') return socket
  const tls = await upgradeTls(socket, host, conn, conn.timeouts.greetingMs, ctx.signal)
  ctx.clock.complete('tls')
  ctx.transcript.note('TLS is up')
  return tls
}
