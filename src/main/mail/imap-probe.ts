import type { TLSSocket } from 'node:tls'
import type { ImapFlow } from 'imapflow'
import { imapCapabilities } from './capabilities.js'
import { loadImapflow } from './libraries.js'
import { resolveStage } from './probe-open.js'
import type { Probe, ProbeContext } from './probe.js'
import { certificateInfo, factsFrom, ProbeCancelled, ProbeFailure, type FailureFacts } from './probe-failure.js'
import { imapFlowOptions } from './protocol-options.js'
import { imapTunnel } from './proxy/imap-proxy.js'
import { libraryProxyFailure } from './proxy/proxy-failure.js'
import { oauthChallengeFrom } from './sasl-oauth.js'

interface ImapLogEntry {
  src?: string
  msg?: string
}

/**
 * When the session is proven: the server answered NAMESPACE with OK after the login (the check that
 * catches Exchange's "authenticated but not connected"), and imapflow has sent its LOGOUT. The reply
 * to LOGOUT proves nothing more, so the probe does not wait a round trip for it.
 */
class SessionProven {
  readonly done: Promise<void>
  private resolve: () => void = () => undefined
  private namespaceTag: string | undefined
  private proven = false

  constructor() {
    this.done = new Promise((resolve) => (this.resolve = resolve))
  }

  client(line: string): void {
    const namespace = /^(\S+) NAMESPACE\b/i.exec(line)
    if (namespace) this.namespaceTag = namespace[1]
    else if (this.proven && /^\S+ LOGOUT\b/i.test(line)) this.resolve()
  }

  server(line: string): void {
    if (this.namespaceTag !== undefined && line.startsWith(`${this.namespaceTag} OK`)) this.proven = true
  }
}

/** imapflow's logger: its parsed wire lines (passwords already masked) drive the transcript and stages. */
function imapLogger(
  ctx: ProbeContext,
  session: SessionProven,
): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', (e: unknown) => void> {
  const log = (entry: unknown): void => {
    const { src, msg = '' } = (entry ?? {}) as ImapLogEntry
    if (src === 's') {
      if (ctx.clock.current === 'greeting') ctx.clock.complete('greeting')
      session.server(msg)
      ctx.transcript.server(msg)
    } else if (src === 'c') {
      session.client(msg)
      ctx.transcript.client(msg)
    } else if (src === 'tls' && msg === 'Established TLS session') {
      ctx.clock.complete('starttls')
      ctx.transcript.note('TLS is up (STARTTLS)')
    } else if (src === 'auth' && msg === 'User authenticated') {
      ctx.clock.complete('auth')
    } else if (msg.startsWith('Established a socket via')) {
      // imapflow's own proxy hook (STARTTLS under a proxy) has its tunnel
      ctx.clock.complete('connect')
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
  /** imapflow's decoded failure challenge of AUTHENTICATE XOAUTH2/OAUTHBEARER. */
  oauthError?: unknown
}

/** What an imapflow failure says: the tagged reply without its tag, the auth flag, a refused certificate. */
export function imapFacts(error: unknown, socket: unknown): FailureFacts {
  const e = (error ?? {}) as ImapErrorLike
  const facts = factsFrom(error)
  // imapflow puts the tagged reply in `response` ("4 NO [ALERT] ..."); quote it without the tag
  const reply = typeof e.response === 'string' ? e.response.replace(/^\S+ /, '').trim() : ''
  if (reply) facts.serverText = reply
  else if (e.responseText) facts.serverText = e.responseText
  // imapflow marks every failure during LOGIN/AUTHENTICATE as `authenticationFailed`, a dropped
  // connection and LOGINDISABLED included; only the server's tagged reply is a refusal of the credentials
  if (e.authenticationFailed && reply) facts.authFailed = true
  if (e.authenticationFailed && !reply && /Login is disabled/i.test(facts.message)) {
    facts.code = 'LOGINDISABLED'
    facts.message = 'The server advertises LOGINDISABLED: it takes no password login on this connection'
  }
  const challenge = oauthChallengeFrom(e.oauthError)
  if (challenge) facts.oauthChallenge = challenge
  const tls = socket as Partial<TLSSocket> | undefined
  if (!facts.certificate && typeof tls?.getPeerCertificate === 'function') {
    const cert = certificateInfo(tls.getPeerCertificate())
    if (cert && /CERT|SELF_SIGNED|UNABLE_TO|ALTNAME/.test(facts.code ?? '')) facts.certificate = cert
  }
  return facts
}

/** The inbox's quota root and usage (RFC 9208 GETQUOTAROOT), when announced; a refusal is no failure. */
async function inboxQuota(client: ImapFlow): Promise<Awaited<ReturnType<ImapFlow['getQuota']>>> {
  const announced = [...client.capabilities.keys()].some((c) => c === 'QUOTA' || c.startsWith('QUOTA='))
  return announced ? client.getQuota('INBOX').catch(() => false as const) : false
}

/**
 * IMAP probe: imapflow login (CAPABILITY, ID, STARTTLS if required, AUTHENTICATE, NAMESPACE), with the
 * options every IMAP client of Mailkey uses (protocol-options.ts), then the capabilities it announced
 * (and, with QUOTA, the inbox's usage: one command more) and LOGOUT without waiting for its reply.
 * Session extras (ENABLE, COMPRESS) are off: the round trips are those of imapflow's `verifyOnly`. DNS
 * is resolved here so its time is a stage of its own (imapflow then races the addresses it is handed);
 * under a proxy nothing is looked up here. The socket's own events mark connect and TLS.
 */
export const probeImap: Probe = async (check, conn, ctx) => {
  const { clock, signal, transcript } = ctx
  const { server } = check
  const library = loadImapflow()
  const addresses = await resolveStage(check, conn, ctx)
  const tunnel = await imapTunnel(server, conn, signal)
  if (tunnel) clock.complete('connect')
  const { ImapFlow } = await library
  const session = new SessionProven()
  const client = new ImapFlow(
    imapFlowOptions(server, check.login, conn, {
      addresses,
      logger: imapLogger(ctx, session),
      session: 'probe',
      ...(tunnel ? { tunnel } : {}),
    }),
  )
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
    // (under imapflow's own proxy hook the socket comes later: the field is still `false` here)
    const socket = (client as unknown as { socket?: TLSSocket | false }).socket || undefined
    socket?.once('connect', () => {
      clock.complete('connect')
      // the address that won the race (Happy Eyeballs), not the first one resolved
      transcript.note(`connected to ${socket.remoteAddress ?? server.host} port ${server.port}`)
    })
    if (server.security === 'tls')
      socket?.once('secureConnect', () => {
        clock.complete('tls')
        transcript.note('TLS is up')
      })
    try {
      // signed in once NAMESPACE is answered (imapflow's connect() resolves then)
      await connecting
    } catch (e) {
      if (signal.aborted) throw new ProbeCancelled()
      throw conn.proxy
        ? (libraryProxyFailure(e, conn.proxy, server) ?? new ProbeFailure(imapFacts(e, socket)))
        : new ProbeFailure(imapFacts(e, socket))
    }
    clock.complete('ready')
    const capabilities = imapCapabilities(client.capabilities, await inboxQuota(client))
    // proven once LOGOUT is sent: its reply proves nothing more, so no round trip is spent on it
    const leaving = client.logout().catch(() => undefined)
    await Promise.race([leaving, session.done])
    return { capabilities }
  } finally {
    signal.removeEventListener('abort', onAbort)
    client.close()
    tunnel?.destroy()
  }
}
