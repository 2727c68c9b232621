import { SMTPServer, type SMTPServerAuthenticationResponse, type SMTPServerOptions } from 'smtp-server'
import nodemailer from 'nodemailer'
import type { AddressInfo } from 'node:net'
import { rewriteFrom } from './from-rewrite.js'
import { readUsers } from './users.js'

/**
 * Gmail's submission replies (smtp.gmail.com), line for line. smtp-server sends a `message` array as a
 * multi-line reply; its type says string, hence the cast in `reply`.
 */
export const GMAIL_SMTP = {
  appPasswordRequired: {
    code: 534,
    lines: [
      '5.7.9 Application-specific password required. For more information, go to',
      '5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor',
    ],
  },
  badCredentials: {
    code: 535,
    lines: [
      '5.7.8 Username and Password not accepted. For more information, go to',
      '5.7.8  https://support.google.com/mail/?p=BadCredentials',
    ],
  },
} as const

function reply(r: { code: number; lines: readonly string[] }): SMTPServerAuthenticationResponse {
  return { responseCode: r.code, message: [...r.lines] as unknown as string }
}

export interface SubmissionServer {
  /** Implicit TLS, like smtp.gmail.com:465. */
  tlsPort: number
  /** STARTTLS required before AUTH, like smtp.gmail.com:587. */
  starttlsPort: number
  stop(): Promise<void>
}

export interface SubmissionOptions {
  key: string
  cert: string
  usersFile: string
  lmtpPort: number
  host?: string
  /** The bed's authorization server: XOAUTH2 tokens are checked at its /userinfo (introspection). */
  oauthUrl?: string
  /** The scope a token must carry to send mail. */
  oauthScope?: string
}

/**
 * Checks an XOAUTH2 token the way a provider's server does: introspection at the authorization server
 * (the mock's /userinfo answers `active`, the user's `email` and the granted `scope`).
 */
async function tokenAccepted(url: string, user: string, token: string, scope: string): Promise<boolean> {
  const r = await fetch(`${url}/userinfo`, { headers: { authorization: `Bearer ${token}` } })
  const j = (await r.json()) as { active?: boolean; email?: string; scope?: string }
  return j.active === true && j.email === user && (j.scope ?? '').split(' ').includes(scope)
}

export async function startSubmission(opts: SubmissionOptions): Promise<SubmissionServer> {
  const host = opts.host ?? '127.0.0.1'
  const lmtp = nodemailer.createTransport({ host: '127.0.0.1', port: opts.lmtpPort, lmtp: true, ignoreTLS: true })

  const common: SMTPServerOptions = {
    key: opts.key,
    cert: opts.cert,
    name: 'smtp.example.test',
    banner: 'a1b2c3d4 - gsmtp',
    authMethods: opts.oauthUrl ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    size: 35882577,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.method === 'XOAUTH2') {
        const url = opts.oauthUrl
        const scope = opts.oauthScope ?? ''
        const { username, accessToken } = auth
        if (!url || !accessToken || !username) return cb(null, { data: { status: '400', schemes: 'Bearer', scope } })
        tokenAccepted(url, username, accessToken, scope).then(
          // Gmail's failure challenge: {"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}
          (ok) => cb(null, ok ? { user: username } : { data: { status: '400', schemes: 'Bearer', scope } }),
          (e: Error) =>
            cb(Object.assign(new Error(`4.7.0 Temporary authentication failure: ${e.message}`), { responseCode: 454 })),
        )
        return
      }
      const user = readUsers(opts.usersFile).find((u) => u.address === auth.username)
      if (user?.appPassword && auth.password === user.appPassword) return cb(null, { user: auth.username })
      if (user?.normalPassword && auth.password === user.normalPassword) {
        return cb(null, reply(GMAIL_SMTP.appPasswordRequired))
      }
      return cb(null, reply(GMAIL_SMTP.badCredentials))
    },
    // Postfix's reject_sender_login_mismatch: a user may send as itself and its registered aliases only
    onMailFrom(address, session, cb) {
      const user = readUsers(opts.usersFile).find((u) => u.address === session.user)
      const own = [user?.address, ...(user?.aliases ?? [])].map((a) => a?.toLowerCase())
      if (!session.user || own.includes(address.address.toLowerCase())) return cb()
      // Gmail and the dropping mailbox accept any sender here; what happens next is in onData
      if (user?.senderPolicy === 'rewrite' || user?.senderPolicy === 'discard') return cb()
      const err = new Error(
        `5.7.1 <${address.address}>: Sender address rejected: not owned by user ${String(session.user)}`,
      )
      return cb(Object.assign(err, { responseCode: 553 }))
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const user = readUsers(opts.usersFile).find((u) => u.address === session.user)
        if (user?.senderPolicy === 'discard') return cb(null, '2.0.0 OK - gsmtp')
        let raw: Buffer = Buffer.concat(chunks)
        let from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        if (user?.senderPolicy === 'rewrite') {
          raw = rewriteFrom(raw, user.address, [user.address, ...(user.aliases ?? [])])
          if (![user.address, ...(user.aliases ?? [])].includes(from)) from = user.address
        }
        lmtp
          .sendMail({
            envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
            raw,
          })
          .then(
            () => cb(null, '2.0.0 OK - gsmtp'),
            (e: Error) => cb(e),
          )
      })
    },
  }

  const tlsServer = new SMTPServer({ ...common, secure: true })
  const starttlsServer = new SMTPServer({ ...common, secure: false })
  // without an error listener a client that drops mid-handshake crashes the process (test-bed.md §2)
  for (const s of [tlsServer, starttlsServer]) s.on('error', () => undefined)

  const listen = (s: SMTPServer): Promise<number> =>
    new Promise((resolve, reject) => {
      s.server.once('error', reject)
      s.listen(0, host, () => resolve((s.server.address() as AddressInfo).port))
    })
  const tlsPort = await listen(tlsServer)
  const starttlsPort = await listen(starttlsServer)

  return {
    tlsPort,
    starttlsPort,
    async stop() {
      await Promise.all([tlsServer, starttlsServer].map((s) => new Promise<void>((r) => s.close(() => r()))))
      lmtp.close()
    },
  }
}
