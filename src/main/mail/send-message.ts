import { randomBytes } from 'node:crypto'
import type { Server } from '../../shared/mail.js'
import { loadNodemailer } from './libraries.js'
import type { Login } from './login.js'
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
 * (protocol-options.ts: explicit security, certificates verified, short timeouts).
 */
export async function sendMessage(
  server: Server,
  login: Login,
  message: OutgoingMessage,
  connection: ConnectionOptions,
  messageId: string = newMessageId(message.from.address),
): Promise<SentMessage> {
  const nodemailer = await loadNodemailer()
  const transport = nodemailer.createTransport(smtpTransportOptions(server, login, connection))
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
  } finally {
    transport.close()
  }
}
