import { format } from 'node:util'
import type SMTPConnection from 'nodemailer/lib/smtp-connection'
import { loadSmtpConnection } from './libraries.js'
import { openStages } from './probe-open.js'
import { smtpCapabilities } from './capabilities.js'
import type { Probe, ProbeContext } from './probe.js'
import { factsFrom, ProbeCancelled, ProbeFailure } from './probe-failure.js'
import { isTokenLogin } from './login.js'
import { smtpConnectionOptions } from './protocol-options.js'
import { EhloCapabilities, requireAuthOffer } from './smtp-capabilities.js'
import { SENDER_CHECK_METHOD, senderCheckHandler, type SenderCheckOutcome } from './smtp-sender-check.js'

type Done = (err?: Error | null) => void

/**
 * Runs one nodemailer step (connect handshake, login) as a promise. nodemailer reports transport
 * failures as 'error' events and command failures through the callback, so both are watched.
 */
function step(conn: SMTPConnection, signal: AbortSignal, start: (done: Done) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (err?: Error): void => {
      conn.removeListener('error', onError)
      conn.removeListener('end', onEnd)
      signal.removeEventListener('abort', onAbort)
      if (err) reject(err)
      else resolve()
    }
    const onError = (e: Error): void => settle(new ProbeFailure(factsFrom(e)))
    const onEnd = (): void =>
      settle(
        new ProbeFailure({
          code: 'ECONNRESET',
          message: 'The server closed the connection',
          ...(conn.lastServerResponse ? { serverText: conn.lastServerResponse.trim() } : {}),
        }),
      )
    const onAbort = (): void => settle(new ProbeCancelled())
    conn.on('error', onError)
    conn.once('end', onEnd)
    signal.addEventListener('abort', onAbort, { once: true })
    start((err) => settle(err ? new ProbeFailure(factsFrom(err)) : undefined))
  })
}

/**
 * nodemailer's bunyan-style logger, feeding the transcript and the greeting/STARTTLS stages. While a
 * custom handler runs (`quiet`), its commands are logged by the handler itself.
 */
function smtpLogger(
  ctx: ProbeContext,
  quiet: () => boolean,
  caps: EhloCapabilities,
  ehlo: string[],
): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', (...a: unknown[]) => void> {
  let inEhlo = false
  const log = (meta: unknown, ...args: unknown[]): void => {
    const tnx = (meta as { tnx?: string } | undefined)?.tnx
    const text = args.length ? format(...(args as [string, ...unknown[]])) : ''
    if (tnx === 'server') {
      if (ctx.clock.current === 'greeting') ctx.clock.complete('greeting')
      caps.observe('server', text)
      ctx.transcript.server(text)
      // the last EHLO reply (the one after STARTTLS counts) lists the server's extensions
      if (inEhlo) for (const line of text.split(/\r?\n/)) if (/^250[ -]/.test(line)) ehlo.push(line)
      if (/(^|\n)250 /.test(text)) inEhlo = false
    } else if (tnx === 'client') {
      caps.observe('client', text)
      if (/^EHLO /i.test(text)) {
        ehlo.length = 0
        inEhlo = true
      }
      if (!quiet()) ctx.transcript.client(text)
    } else if (text === 'Connection upgraded with STARTTLS') {
      ctx.clock.complete('starttls')
      ctx.transcript.note('TLS is up (STARTTLS)')
    }
  }
  return { trace: log, debug: log, info: log, warn: log, error: log, fatal: log }
}

/** The server's own refusal from a sender check, as the facts of a failure (undefined: no check ran). */
function senderCheckFailure(outcome: SenderCheckOutcome | undefined): ProbeFailure | undefined {
  if (!outcome || outcome.ok) return undefined
  if (outcome.noMechanism) {
    return new ProbeFailure({ code: 'ENOAUTHMECH', message: outcome.response })
  }
  const responseCode = Number(outcome.response.slice(0, 3)) || undefined
  return new ProbeFailure({
    code: outcome.phase === 'auth' ? 'EAUTH' : 'EENVELOPE',
    message: `The server refused ${outcome.command}`,
    serverText: outcome.response,
    ...(responseCode ? { responseCode } : {}),
    ...(outcome.phase === 'auth' ? { authFailed: true } : {}),
    ...(outcome.challenge ? { oauthChallenge: outcome.challenge } : {}),
  })
}

/**
 * SMTP submission probe: TLS as chosen (implicit, or STARTTLS required via `requireTLS`), EHLO, AUTH,
 * QUIT. The socket is opened here so DNS, TCP and TLS each get their own stage and timeout; nodemailer
 * then speaks SMTP over it. A password signs in with nodemailer's own AUTH; a token, or a sender check,
 * through Mailkey's custom handler (smtp-sender-check.ts), which keeps the server's refusal.
 */
export const probeSmtp: Probe = async (side, conn, ctx) => {
  const { clock, signal, transcript } = ctx
  const { server, login, senderCheck: check } = side
  const library = loadSmtpConnection()
  // a proxy's tunnel comes back flowing (the socks package resumes it): nodemailer must be loaded
  // before it opens, or a quick server's greeting arrives with nobody reading and is lost
  if (conn.proxy) await library
  const socket = await openStages(side, conn, ctx)
  // and held until nodemailer reads it (it resumes the socket once its reader is attached)
  if (conn.proxy && server.security !== 'tls') socket.pause()
  if (check && [check.from, check.to].some((a) => /[\s<>]/.test(a))) {
    throw new ProbeFailure({ code: 'EINVALID', message: 'The sender check needs plain addresses' })
  }
  let outcome: SenderCheckOutcome | undefined
  let handlerRunning = false
  const handler =
    check || isTokenLogin(login)
      ? senderCheckHandler(check, login, server, {
          onAuthenticated: () => clock.complete('auth'),
          report: (o) => (outcome = o),
          sent: (command) => transcript.client(command),
        })
      : undefined
  const customAuth = handler
    ? {
        [SENDER_CHECK_METHOD]: async (c: Parameters<typeof handler>[0]) => {
          handlerRunning = true
          try {
            await handler(c)
          } finally {
            handlerRunning = false
          }
        },
      }
    : undefined
  const caps = new EhloCapabilities()
  // the last EHLO reply's lines, for the capabilities shown after a successful test
  const ehlo: string[] = []
  const { default: Connection } = await library
  const smtp = new Connection(
    smtpConnectionOptions(server, conn, {
      socket,
      logger: smtpLogger(ctx, () => handlerRunning, caps, ehlo),
      ...(customAuth ? { customAuth } : {}),
    }),
  )
  try {
    await step(smtp, signal, (done) => smtp.connect(done))
    clock.complete(server.security === 'starttls' ? 'starttls' : 'greeting')
    requireAuthOffer(caps, server.security !== 'none', isTokenLogin(login))
    // a custom handler reads the login itself; nodemailer only wants some credentials to hand it
    const auth = handler
      ? { user: login.username, pass: 'handled by Mailkey', method: SENDER_CHECK_METHOD }
      : { user: login.username, pass: 'password' in login ? login.password : '' }
    try {
      await step(smtp, signal, (done) => smtp.login(auth, done))
    } catch (e) {
      const failure = senderCheckFailure(outcome) ?? e
      // nodemailer's EAUTH carries the server's reply to AUTH: that reply is the refusal (or not)
      if (failure instanceof ProbeFailure && failure.facts.code === 'EAUTH' && failure.facts.serverText) {
        failure.facts.authFailed = true
      }
      throw failure
    }
    clock.complete('auth')
    smtp.quit()
    clock.complete('ready')
    return { capabilities: smtpCapabilities(ehlo) }
  } catch (e) {
    socket.destroy()
    throw e
  } finally {
    smtp.close()
  }
}
