import type { SMTPConnectionCustomAuthContext, SMTPConnectionCustomAuthResponse } from 'nodemailer/lib/smtp-connection'

/** Addresses for the sender check: MAIL FROM:<from>, RCPT TO:<to>. */
export interface SenderCheck {
  from: string
  to: string
}

/** Where the check stopped: the server refused the login, or the envelope after it. */
export type SenderCheckOutcome =
  { ok: true } | { ok: false; phase: 'auth' | 'envelope'; command: string; response: string }

export const SENDER_CHECK_METHOD = 'MAILKEY-SENDER-CHECK'

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64')
}

/**
 * Signs in and then asks the server whether it would take a message from `from` to `to` without
 * sending one: MAIL FROM, RCPT TO, RSET (Mailspring checks the RCPT the same way). It runs as a
 * nodemailer custom auth handler because that is nodemailer's public way to send commands on an
 * authenticated connection; the SASL part is PLAIN (RFC 4616) or LOGIN, whichever the server offers.
 */
export function senderCheckHandler(
  check: SenderCheck,
  hooks: {
    onAuthenticated: () => void
    report: (outcome: SenderCheckOutcome) => void
    /** Each command as sent; nodemailer logs commands of a custom handler only as "secret". */
    sent: (command: string) => void
  },
): (ctx: SMTPConnectionCustomAuthContext) => Promise<void> {
  const { onAuthenticated, report, sent } = hooks
  return async (ctx) => {
    const { user, pass } = ctx.auth.credentials
    const send = (cmd: string): Promise<SMTPConnectionCustomAuthResponse> => {
      sent(cmd)
      return ctx.sendCommand(cmd)
    }
    const fail = (phase: 'auth' | 'envelope', r: SMTPConnectionCustomAuthResponse): never => {
      report({ ok: false, phase, command: r.command.split(' ').slice(0, 2).join(' '), response: r.response.trim() })
      throw new Error(r.response.trim())
    }
    let r: SMTPConnectionCustomAuthResponse
    if (ctx.authMethods.includes('PLAIN')) {
      r = await send(`AUTH PLAIN ${b64(`\u0000${user}\u0000${pass}`)}`)
    } else if (!ctx.authMethods.includes('LOGIN')) {
      // only mechanisms this check does not speak (CRAM-MD5): never send one the server did not offer
      throw new Error(`The sender check needs AUTH PLAIN or LOGIN; the server offers ${ctx.authMethods.join(' ')}`)
    } else {
      r = await send('AUTH LOGIN')
      if (r.status === 334) r = await send(b64(user))
      if (r.status === 334) r = await send(b64(pass))
    }
    if (r.status !== 235) fail('auth', r)
    onAuthenticated()
    r = await send(`MAIL FROM:<${check.from}>`)
    if (r.status !== 250) fail('envelope', r)
    r = await send(`RCPT TO:<${check.to}>`)
    if (r.status !== 250 && r.status !== 251) fail('envelope', r)
    await send('RSET')
    report({ ok: true })
  }
}
