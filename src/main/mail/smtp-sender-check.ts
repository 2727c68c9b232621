import type { SMTPConnectionCustomAuthContext, SMTPConnectionCustomAuthResponse } from 'nodemailer/lib/smtp-connection'
import type { Server } from '../../shared/mail.js'
import type { Login } from './login.js'
import { smtpSignIn } from './smtp-sasl.js'
import type { OAuthChallenge } from './sasl-oauth.js'

/** Addresses for the sender check: MAIL FROM:<from>, RCPT TO:<to>. */
export interface SenderCheck {
  from: string
  to: string
}

/** Where the check stopped: the server refused the login, or the envelope after it. */
export type SenderCheckOutcome =
  | { ok: true }
  | {
      ok: false
      phase: 'auth' | 'envelope'
      command: string
      response: string
      /** A refused token's decoded challenge (XOAUTH2/OAUTHBEARER). */
      challenge?: OAuthChallenge
      /** The server offered no mechanism this login can use. */
      noMechanism?: boolean
    }

export const SENDER_CHECK_METHOD = 'MAILKEY-SENDER-CHECK'

/**
 * Signs in and then asks the server whether it would take a message from `from` to `to` without
 * sending one: MAIL FROM, RCPT TO, RSET (Mailspring checks the RCPT the same way). It runs as a
 * nodemailer custom auth handler because that is nodemailer's public way to send commands on an
 * authenticated connection; the SASL part is smtp-sasl.ts (PLAIN or LOGIN for a password, XOAUTH2 or
 * OAUTHBEARER for a token). Without a sender check (`check` undefined) it only signs in.
 */
export function senderCheckHandler(
  check: SenderCheck | undefined,
  login: Login,
  server: Pick<Server, 'host' | 'port'>,
  hooks: {
    onAuthenticated: () => void
    report: (outcome: SenderCheckOutcome) => void
    /** Each command as sent; nodemailer logs commands of a custom handler only as "secret". */
    sent: (command: string) => void
  },
): (ctx: SMTPConnectionCustomAuthContext) => Promise<void> {
  const { onAuthenticated, report, sent } = hooks
  return async (ctx) => {
    const send = (cmd: string): Promise<SMTPConnectionCustomAuthResponse> => {
      sent(cmd)
      return ctx.sendCommand(cmd)
    }
    const fail = (
      phase: 'auth' | 'envelope',
      r: SMTPConnectionCustomAuthResponse,
      extra: { challenge?: OAuthChallenge; noMechanism?: boolean } = {},
    ): never => {
      const command = r.command.split(' ').slice(0, 2).join(' ')
      report({ ok: false, phase, command, response: r.response.trim(), ...extra })
      throw new Error(r.response.trim())
    }
    const signIn = await smtpSignIn(ctx.authMethods, send, login, server)
    let r = signIn.response
    if (r.status !== 235) {
      fail('auth', r, {
        ...(signIn.challenge ? { challenge: signIn.challenge } : {}),
        ...(signIn.mechanism === undefined ? { noMechanism: true } : {}),
      })
    }
    onAuthenticated()
    if (!check) {
      report({ ok: true })
      return
    }
    r = await send(`MAIL FROM:<${check.from}>`)
    if (r.status !== 250) fail('envelope', r)
    r = await send(`RCPT TO:<${check.to}>`)
    if (r.status !== 250 && r.status !== 251) fail('envelope', r)
    await send('RSET')
    report({ ok: true })
  }
}
