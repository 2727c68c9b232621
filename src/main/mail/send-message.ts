import { randomBytes } from 'node:crypto'
import type { Socket } from 'node:net'
import type { Server } from '../../shared/mail.js'
import { loadNodemailer } from './libraries.js'
import type { Login } from './login.js'
import { connectTcp, lookupHost } from './open-socket.js'
import { ProbeCancelled } from './probe-failure.js'
import { openTunnel } from './proxy/tunnel.js'
import { smtpTransportOptions, type ConnectionOptions } from './protocol-options.js'

export interface OutgoingMessage {
  from: { name: string; address: string }
  to: string
  replyTo?: string | null | undefined
  subject: string
  text: string
}

export interface SentMessage {
  messageId: string
  accepted: string[]
  rejected: string[]
}

/** A Message-ID that names no host of ours: random, in the sender's domain. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'mailkey.invalid'
  return `<mailkey-${randomBytes(12).toString('hex')}@${domain}>`
}

/**
 * Sends one message with nodemailer over the given server, connecting as the probes do
 * (protocol-options.ts: explicit security, certificates verified, short timeouts). The socket is
 * opened here and handed to nodemailer, so `signal` (a cancel or a deadline) closes it whatever
 * nodemailer is waiting for; it then rejects with ProbeCancelled.
 */
export async function sendMessage(
  server: Server,
  login: Login,
  message: OutgoingMessage,
  connection: ConnectionOptions,
  messageId: string = newMessageId(message.from.address),
  signal: AbortSignal = new AbortController().signal,
): Promise<SentMessage> {
  const sockets = new Set<Socket>()
  const closeAll = (): void => sockets.forEach((s) => s.destroy())
  const getSocket = (_options: unknown, done: (err: Error | null, socket?: { connection: Socket }) => void): void => {
    const ms = connection.timeouts.connectMs
    const { proxy } = connection
    // under a proxy its tunnel (the proxy looks the name up, never this computer); else Happy Eyeballs
    const opening = proxy
      ? openTunnel(proxy, server, ms, signal)
      : lookupHost(server.host, ms, signal, connection.resolve).then((addresses) =>
          connectTcp({ host: server.host, port: server.port, addresses }, connection, ms, signal),
        )
    opening.then(
      (socket) => {
        sockets.add(socket)
        if (signal.aborted) socket.destroy()
        done(null, { connection: socket })
      },
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
    )
  }
  if (signal.aborted) throw new ProbeCancelled()
  signal.addEventListener('abort', closeAll, { once: true })
  const nodemailer = await loadNodemailer()
  const transport = nodemailer.createTransport({ ...smtpTransportOptions(server, login, connection), getSocket })
  try {
    const info = await transport.sendMail({
      from: { name: message.from.name, address: message.from.address },
      to: message.to,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      subject: message.subject,
      text: message.text,
      messageId,
      headers: { 'X-Mailkey-Check': '1' },
    })
    const list = (xs: unknown): string[] =>
      Array.isArray(xs) ? xs.map((x) => (typeof x === 'string' ? x : String((x as { address?: string }).address))) : []
    return { messageId, accepted: list(info.accepted), rejected: list(info.rejected) }
  } catch (e) {
    if (signal.aborted) throw new ProbeCancelled()
    throw e
  } finally {
    signal.removeEventListener('abort', closeAll)
    transport.close()
    closeAll()
  }
}
