import { randomBytes } from 'node:crypto'
import nodemailer from 'nodemailer'

export interface Delivery {
  from: string
  subject: string
  /** Raw header lines to add (e.g. an RFC 2047 encoded Subject instead of `subject`). */
  headers?: Record<string, string>
}

/**
 * Delivers a message straight into a bed mailbox over Dovecot's LMTP, as a mail server's last hop
 * does, so Sieve scripts run on it (the `sieve` plugin of the bed's LMTP). Resolves with its
 * Message-ID once Dovecot accepted it.
 */
export async function deliver(lmtpPort: number, to: string, m: Delivery): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: lmtpPort, lmtp: true, ignoreTLS: true })
  const messageId = `<${randomBytes(8).toString('hex')}@bed.example.test>`
  try {
    await transport.sendMail({
      envelope: { from: m.from, to: [to] },
      from: m.from,
      to,
      subject: m.subject,
      messageId,
      text: 'A message delivered by the test bed.',
      ...(m.headers ? { headers: m.headers } : {}),
    })
  } finally {
    transport.close()
  }
  return messageId
}
