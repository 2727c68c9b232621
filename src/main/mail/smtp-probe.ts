import { format } from 'node:util'
import SMTPConnection from 'nodemailer/lib/smtp-connection'
import { openStages } from './probe-open.js'
import { smtpCapabilities } from './capabilities.js'
import type { Probe, ProbeContext } from './probe.js'
import { factsFrom, ProbeCancelled, ProbeFailure } from './probe-failure.js'
import { smtpConnectionOptions } from './protocol-options.js'
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
  ehlo: string[],
): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', (...a: unknown[]) => void> {
  let inEhlo = false
  const log = (meta: unknown, ...args: unknown[]): void => {
    const tnx = (meta as { tnx?: string } | undefined)?.tnx
    const text = args.length ? format(...(args as [string, ...unknown[]])) : ''
    if (tnx === 'server') {
      if (ctx.clock.current === 'greeting') ctx.clock.complete('greeting')
      ctx.transcript.server(text)
      // the last EHLO reply (the one after STARTTLS counts) lists the server's extensions
      if (inEhlo) for (const line of text.split(/\r?\n/)) if (/^250[ -]/.test(line)) ehlo.push(line)
      if (/(^|\n)250 /.test(text)) inEhlo = false
    } else if (tnx === 'client') {
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
  const responseCode = Number(outcome.response.slice(0, 3)) || undefined
  return new ProbeFailure({
    code: outcome.phase === 'auth' ? 'EAUTH' : 'EENVELOPE',
    message: `The server refused ${outcome.command}`,
    serverText: outcome.response,
    ...(responseCode ? { responseCode } : {}),
    ...(outcome.phase === 'auth' ? { authFailed: true } : {}),
  })
}

/**
 * SMTP submission probe: TLS as chosen (implicit, or STARTTLS required via `requireTLS`), EHLO, AUTH,
 * QUIT. The socket is opened here so DNS, TCP and TLS each get their own stage and timeout; nodemailer
 * then speaks SMTP over it.
 */
export const probeSmtp: Probe = async (side, conn, ctx) => {
  const { clock, signal, transcript } = ctx
  const { server, login, senderCheck: check } = side
  const socket = await openStages(side, conn, ctx)
  if (check && [check.from, check.to].some((a) => /[\s<>]/.test(a))) {
    throw new ProbeFailure({ code: 'EINVALID', message: 'The sender check needs plain addresses' })
  }
  let outcome: SenderCheckOutcome | undefined
  let handlerRunning = false
  const handler = check
    ? senderCheckHandler(check, {
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
  const ehlo: string[] = []
  const smtp = new SMTPConnection(
    smtpConnectionOptions(server, conn, {
      socket,
      logger: smtpLogger(ctx, () => handlerRunning, ehlo),
      ...(customAuth ? { customAuth } : {}),
    }),
  )
  try {
    await step(smtp, signal, (done) => smtp.connect(done))
    clock.complete(server.security === 'starttls' ? 'starttls' : 'greeting')
    const method = check ? { method: SENDER_CHECK_METHOD } : {}
    try {
      await step(smtp, signal, (done) => smtp.login({ user: login.username, pass: login.password, ...method }, done))
    } catch (e) {
      throw senderCheckFailure(outcome) ?? e
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
