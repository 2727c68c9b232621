import type { Socket } from 'node:net'
import { connectTcp, lookupHost, upgradeTls } from './open-socket.js'
import type { ProbeContext, ProbeRequest } from './probe.js'

/** The first stage of every probe: register the secret for scrubbing, start the clock, resolve DNS. */
export async function resolveStage(req: ProbeRequest, ctx: ProbeContext): Promise<string> {
  ctx.transcript.protect(req.password, req.username)
  ctx.clock.start()
  const address = await lookupHost(req.host, req.timeouts.connectMs, ctx.signal)
  ctx.clock.complete('dns')
  return address
}

/**
 * DNS, TCP and (for implicit TLS) the handshake, each its own stage with its own timeout, for the
 * probes that speak their protocol over a socket they are handed (SMTP via nodemailer, POP3).
 */
export async function openStages(req: ProbeRequest, ctx: ProbeContext): Promise<Socket> {
  const address = await resolveStage(req, ctx)
  const socket = await connectTcp(address, req.port, req.timeouts.connectMs, ctx.signal)
  ctx.clock.complete('connect')
  ctx.transcript.note(`connected to ${address} port ${req.port}`)
  if (req.security !== 'tls') return socket
  const tls = await upgradeTls(socket, req.host, req.trust, req.timeouts.greetingMs, ctx.signal)
  ctx.clock.complete('tls')
  ctx.transcript.note('TLS is up')
  return tls
}
