import { ImapFlow } from 'imapflow'
import type { TLSSocket } from 'node:tls'
import { serverName, tlsOptions } from './open-socket.js'
import { resolveStage } from './probe-open.js'
import type { Probe, ProbeContext } from './probe.js'
import { certificateInfo, factsFrom, ProbeCancelled, ProbeFailure, type FailureFacts } from './probe-failure.js'

interface ImapLogEntry {
  src?: string
  msg?: string
}

/** imapflow's logger: its parsed wire lines (passwords already masked) drive the transcript and stages. */
function imapLogger(
  ctx: ProbeContext,
): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', (e: unknown) => void> {
  const log = (entry: unknown): void => {
    const { src, msg = '' } = (entry ?? {}) as ImapLogEntry
    if (src === 's') {
      if (ctx.clock.current === 'greeting') ctx.clock.complete('greeting')
      ctx.transcript.server(msg)
    } else if (src === 'c') {
      ctx.transcript.client(msg)
    } else if (src === 'tls' && msg === 'Established TLS session') {
      ctx.clock.complete('starttls')
      ctx.transcript.note('TLS is up (STARTTLS)')
    } else if (src === 'auth' && msg === 'User authenticated') {
      ctx.clock.complete('auth')
    }
  }
  const quiet = (): void => undefined
  return { trace: quiet, debug: log, info: log, warn: quiet, error: quiet, fatal: quiet }
}

interface ImapErrorLike {
  code?: string
  authenticationFailed?: boolean
  serverResponseCode?: string
  responseText?: string
  response?: string
  tlsFailed?: boolean
}

function imapFacts(error: unknown, socket: unknown): FailureFacts {
  const e = (error ?? {}) as ImapErrorLike
  const facts = factsFrom(error)
  // imapflow puts the tagged reply in `response` ("4 NO [ALERT] ..."); quote it without the tag
  const reply = typeof e.response === 'string' ? e.response.replace(/^\S+ /, '').trim() : ''
  if (reply) facts.serverText = reply
  else if (e.responseText) facts.serverText = e.responseText
  if (e.authenticationFailed) facts.authFailed = true
  const tls = socket as Partial<TLSSocket> | undefined
  if (!facts.certificate && typeof tls?.getPeerCertificate === 'function') {
    const cert = certificateInfo(tls.getPeerCertificate())
    if (cert && /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME/.test(facts.code ?? '')) facts.certificate = cert
  }
  return facts
}

/**
 * IMAP probe: imapflow login with `verifyOnly` (CAPABILITY, ID, STARTTLS if required, AUTHENTICATE,
 * NAMESPACE, LOGOUT). STARTTLS is mandatory (`doSTARTTLS: true`) or never attempted (`false`), so there
 * is no silent plaintext fallback. DNS is resolved here so its time is a stage of its own; the socket's
 * own events mark connect and TLS.
 */
export const probeImap: Probe = async (req, ctx) => {
  const { clock, signal, transcript } = ctx
  const { timeouts } = req
  const address = await resolveStage(req, ctx)
  const name = serverName(req.host)
  const client = new ImapFlow({
    host: address,
    port: req.port,
    ...(name ? { servername: name } : {}),
    secure: req.security === 'tls',
    doSTARTTLS: req.security === 'starttls',
    auth: { user: req.username, pass: req.password },
    tls: tlsOptions(req.host, req.trust),
    verifyOnly: true,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.commandMs,
    clientInfo: { name: 'Mailkey' },
    logger: imapLogger(ctx),
  })
  // imapflow logs an unhandled 'error' event otherwise; failures also reject connect()
  client.on('error', () => undefined)
  const onAbort = (): void => {
    client.close()
  }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    const connecting = client.connect()
    // connect() creates the socket synchronously (no proxy), so its events can be observed here;
    // imapflow does not declare the field in its types
    const socket = (client as unknown as { socket?: TLSSocket }).socket
    socket?.once('connect', () => {
      clock.complete('connect')
      transcript.note(`connected to ${address} port ${req.port}`)
    })
    if (req.security === 'tls')
      socket?.once('secureConnect', () => {
        clock.complete('tls')
        transcript.note('TLS is up')
      })
    try {
      await connecting
    } catch (e) {
      if (signal.aborted) throw new ProbeCancelled()
      throw new ProbeFailure(imapFacts(e, socket))
    }
    clock.complete('ready')
  } finally {
    signal.removeEventListener('abort', onAbort)
    client.close()
  }
}
