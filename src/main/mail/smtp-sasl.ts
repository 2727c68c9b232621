import type { SMTPConnectionCustomAuthResponse } from 'nodemailer/lib/smtp-connection'
import type { Server } from '../../shared/mail.js'
import { isTokenLogin, type Login } from './login.js'
import {
  challengeAnswer,
  decodeOAuthChallenge,
  initialResponse,
  pickOAuthMechanism,
  type OAuthChallenge,
} from './sasl-oauth.js'

export type SendCommand = (command: string) => Promise<SMTPConnectionCustomAuthResponse>

/** How an SMTP AUTH went: the server's last reply, and the decoded challenge if a token was refused. */
export interface SmtpSignIn {
  response: SMTPConnectionCustomAuthResponse
  /** The SASL mechanism used, or undefined when the server offers none Mailkey can use for this login. */
  mechanism: string | undefined
  challenge?: OAuthChallenge
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

/**
 * SMTP AUTH (RFC 4954) inside a nodemailer custom auth handler, where Mailkey sends the commands
 * itself: PLAIN (RFC 4616) or LOGIN for a password; XOAUTH2 or OAUTHBEARER (RFC 7628) for a token,
 * as the server offers. nodemailer's own XOAUTH2 answers a refusal by asking its token generator for a
 * new token and drops the server's words; here the failure challenge is decoded, answered, and the
 * final reply kept for the diagnosis.
 */
export async function smtpSignIn(
  offered: readonly string[],
  send: SendCommand,
  login: Login,
  server: Pick<Server, 'host' | 'port'>,
): Promise<SmtpSignIn> {
  if (isTokenLogin(login)) {
    const mechanism = pickOAuthMechanism(offered)
    if (!mechanism) return { response: noMechanism(offered), mechanism: undefined }
    let r = await send(
      `AUTH ${mechanism} ${initialResponse(mechanism, login.username, login.accessToken, server.host, server.port)}`,
    )
    let challenge: OAuthChallenge | undefined
    if (r.status === 334) {
      challenge = decodeOAuthChallenge(r.response.slice(4))
      r = await send(challengeAnswer(mechanism))
    }
    return { response: r, mechanism, ...(challenge ? { challenge } : {}) }
  }
  const { username: user, password: pass } = login
  if (offered.includes('PLAIN') || !offered.includes('LOGIN')) {
    return { response: await send(`AUTH PLAIN ${b64(`\u0000${user}\u0000${pass}`)}`), mechanism: 'PLAIN' }
  }
  let r = await send('AUTH LOGIN')
  if (r.status === 334) r = await send(b64(user))
  if (r.status === 334) r = await send(b64(pass))
  return { response: r, mechanism: 'LOGIN' }
}

function noMechanism(offered: readonly string[]): SMTPConnectionCustomAuthResponse {
  const text = `The server offers no OAuth sign-in (XOAUTH2 or OAUTHBEARER); it offers ${offered.join(', ') || 'no AUTH at all'}`
  return { command: 'AUTH', status: 0, text, response: text }
}
