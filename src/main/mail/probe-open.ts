import type { Socket } from 'node:net'
import { connectTcp, lookupHost, upgradeTls } from './open-socket.js'
import { proxyResolvesStage } from './proxy/proxy-stages.js'
import { openTunnel } from './proxy/tunnel.js'
import type { ProbeContext } from './probe.js'
import type { ConnectionOptions } from './protocol-options.js'
import type { ServerCheck } from './test-request.js'

/** The first stage of every probe: register the secret for scrubbing, start the clock, resolve DNS. */
export async function resolveStage(check: ServerCheck, conn: ConnectionOptions, ctx: ProbeContext): Promise<string> {
  ctx.transcript.protect(check.login.password, check.login.username)
  ctx.clock.start()
  if (conn.proxy) return proxyResolvesStage(check.server.host, conn.proxy, ctx)
  const address = await lookupHost(check.server.host, conn.timeouts.connectMs, ctx.signal)
  ctx.clock.complete('dns')
  return address
}

/**
 * DNS, TCP and (for implicit TLS) the handshake, each its own stage with its own timeout, for the
 * probes that speak their protocol over a socket they are handed (SMTP via nodemailer, POP3).
 */
export async function openStages(check: ServerCheck, conn: ConnectionOptions, ctx: ProbeContext): Promise<Socket> {
  const { host, port, security } = check.server
  const address = await resolveStage(check, conn, ctx)
  const socket = conn.proxy
    ? await openTunnel(conn.proxy, check.server, conn.timeouts.connectMs, ctx.signal)
    : await connectTcp(address, port, conn.timeouts.connectMs, ctx.signal)
  ctx.clock.complete('connect')
  ctx.transcript.note(`connected to ${address} port ${port}`)
  if (security !== 'tls') return socket
  const tls = await upgradeTls(socket, host, conn, conn.timeouts.greetingMs, ctx.signal)
  ctx.clock.complete('tls')
  ctx.transcript.note('TLS is up')
  return tls
}
