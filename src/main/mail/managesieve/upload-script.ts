import type { Socket } from 'node:net'
import { isTokenLogin, type Login } from '../login.js'
import { initialResponse, pickOAuthMechanism } from '../sasl-oauth.js'
import { connectTcp, lookupHost, upgradeTls } from '../open-socket.js'
import { factsFrom, ProbeCancelled, type FailureFacts } from '../probe-failure.js'
import type { ConnectionOptions } from '../protocol-options.js'
import { redactFacts } from '../diagnose-failure.js'
import { Redactor } from '../redact.js'
import { sieveLiteral, sieveQuoted } from './response.js'
import { SieveReader, type SieveResponse } from './session.js'

/** Where a ManageSieve service listens: the incoming server's host and port 4190 by default (RFC 5804 §1.8). */
export interface SieveServer {
  host: string
  port: number
}

/** How far an upload got and why it stopped there. */
export type SieveStep = 'connect' | 'starttls' | 'login' | 'check' | 'upload' | 'activate'

export type SieveUploadOutcome =
  | { ok: true; implementation: string; extensions: string[]; warnings?: string }
  | {
      ok: false
      step: SieveStep
      /**
       * `not-offered`: nothing speaks ManageSieve there; `no-tls`: it offers no STARTTLS (the password
       * is never sent in the clear); `no-plain`: no SASL PLAIN; `refused`: the login was refused;
       * `rejected`: the script was refused (syntax, quota); `failed`: anything else.
       */
      reason: 'not-offered' | 'no-tls' | 'no-plain' | 'refused' | 'rejected' | 'failed'
      message: string
      /** The server's own words, when it said something. */
      serverText?: string
      facts?: FailureFacts
    }

class Stop extends Error {
  constructor(readonly outcome: Extract<SieveUploadOutcome, { ok: false }>) {
    super(outcome.message)
  }
}

function capabilities(greeting: SieveResponse): Map<string, string> {
  return new Map(greeting.data.map(([name = '', value = '']) => [name.toUpperCase(), value]))
}

/**
 * Uploads a Sieve script over ManageSieve (RFC 5804) and makes it the active one: capabilities,
 * STARTTLS (required: without it nothing is sent), the capabilities again over TLS (§2.2), SASL PLAIN
 * with an initial response (RFC 4616) for a password or XOAUTH2/OAUTHBEARER (RFC 7628) for a token, CHECKSCRIPT where the server speaks RFC 5804 (VERSION), then
 * PUTSCRIPT and SETACTIVE, and LOGOUT. Every read is bounded by `connection.timeouts`; the connection
 * is closed on every path. Rejects only with ProbeCancelled; every other failure is an outcome.
 */
export async function uploadSieveScript(
  server: SieveServer,
  login: Login,
  script: { name: string; text: string },
  opts: { connection: ConnectionOptions; signal: AbortSignal },
): Promise<SieveUploadOutcome> {
  const { timeouts } = opts.connection
  const { signal } = opts
  let socket: Socket | undefined
  let step: SieveStep = 'connect'
  try {
    const addresses = await lookupHost(server.host, timeouts.connectMs, signal, opts.connection.resolve)
    socket = await connectTcp(
      { host: server.host, port: server.port, addresses },
      opts.connection,
      timeouts.connectMs,
      signal,
    )
    let reader = new SieveReader(socket)
    const greeting = await reader.read(timeouts.greetingMs, signal)
    if (greeting.status !== 'OK')
      throw stop(step, 'not-offered', 'The server there does not greet as ManageSieve.', greeting.text)
    if (!capabilities(greeting).has('STARTTLS')) {
      throw stop(step, 'no-tls', 'The ManageSieve server offers no STARTTLS, so Mailkey will not send it the password.')
    }
    step = 'starttls'
    socket.write('STARTTLS\r\n')
    const started = await reader.read(timeouts.commandMs, signal)
    if (started.status !== 'OK')
      throw stop(step, 'no-tls', 'The ManageSieve server refused to start TLS.', started.text)
    // anything sent before the handshake was not protected by it: refuse, as for IMAP (RFC 2595 §4)
    if (reader.pending > 0) throw stop(step, 'failed', 'The server sent data before TLS started; Mailkey stopped.')
    reader.detach()
    const plain = socket
    socket = await upgradeTls(plain, server.host, opts.connection, timeouts.commandMs, signal)
    reader = new SieveReader(socket)
    const secured = capabilities(await reader.read(timeouts.commandMs, signal))
    const sasl = (secured.get('SASL') ?? '').toUpperCase().split(/\s+/)
    // a password signs in with PLAIN; an OAuth token with XOAUTH2 or OAUTHBEARER (RFC 7628), as offered
    const oauth = isTokenLogin(login) ? pickOAuthMechanism(sasl) : undefined
    if (isTokenLogin(login) && !oauth)
      throw stop(
        'login',
        'no-plain',
        'The ManageSieve server does not offer an OAuth sign-in (XOAUTH2 or OAUTHBEARER).',
      )
    if (!isTokenLogin(login) && !sasl.includes('PLAIN'))
      throw stop('login', 'no-plain', 'The ManageSieve server does not offer PLAIN sign-in.')

    const command = async (line: string): Promise<SieveResponse> => {
      socket?.write(`${line}\r\n`)
      return reader.read(timeouts.commandMs, signal)
    }
    step = 'login'
    const auth =
      isTokenLogin(login) && oauth
        ? await command(
            `AUTHENTICATE "${oauth}" ${sieveQuoted(initialResponse(oauth, login.username, login.accessToken, server.host, server.port))}`,
          )
        : await command(`AUTHENTICATE "PLAIN" ${sieveQuoted(plainResponse(login))}`)
    if (auth.status !== 'OK')
      throw stop(step, 'refused', 'The ManageSieve server refused the saved password.', auth.text)
    let warnings: string | undefined
    if (secured.has('VERSION')) {
      step = 'check'
      const checked = await command(`CHECKSCRIPT ${sieveLiteral(script.text)}`)
      if (checked.status !== 'OK')
        throw stop(step, 'rejected', 'The server found a problem in the script.', checked.text)
      if (checked.code === 'WARNINGS') warnings = checked.text
    }
    step = 'upload'
    const put = await command(`PUTSCRIPT ${sieveQuoted(script.name)} ${sieveLiteral(script.text)}`)
    if (put.status !== 'OK') {
      const quota = put.code?.startsWith('QUOTA') ? ' It is over the space the server allows for scripts.' : ''
      throw stop(step, 'rejected', `The server did not store the script.${quota}`, put.text)
    }
    step = 'activate'
    const active = await command(`SETACTIVE ${sieveQuoted(script.name)}`)
    if (active.status !== 'OK')
      throw stop(step, 'failed', 'The server stored the script but did not switch it on.', active.text)
    await command('LOGOUT').catch(() => undefined)
    return {
      ok: true,
      implementation: secured.get('IMPLEMENTATION') ?? '',
      extensions: (secured.get('SIEVE') ?? '').split(/\s+/).filter(Boolean),
      ...(warnings ? { warnings } : {}),
    }
  } catch (e) {
    if (e instanceof Stop) return scrubbed(login, e.outcome)
    if (e instanceof ProbeCancelled || signal.aborted) throw new ProbeCancelled()
    const facts = factsFrom(e)
    const unreachable = step === 'connect'
    return scrubbed(login, {
      ok: false,
      step,
      reason: unreachable ? 'not-offered' : 'failed',
      message: unreachable
        ? `No ManageSieve service answered at ${server.host} port ${server.port} (${facts.message}).`
        : `The ManageSieve session broke off: ${facts.message}.`,
      facts,
    })
  } finally {
    socket?.destroy()
  }
}

/**
 * The outcome with every form of the password removed from the server's and the library's words: a
 * server may quote the AUTHENTICATE line it was sent (issue 11).
 */
function scrubbed(
  login: Login,
  outcome: Extract<SieveUploadOutcome, { ok: false }>,
): Extract<SieveUploadOutcome, { ok: false }> {
  const redactor = new Redactor([login])
  const serverText = redactor.optional(outcome.serverText)
  return {
    ...outcome,
    message: redactor.text(outcome.message),
    ...(serverText !== undefined ? { serverText } : {}),
    ...(outcome.facts ? { facts: redactFacts(outcome.facts, redactor) } : {}),
  }
}

/** SASL PLAIN's initial response (RFC 4616): no authzid, the user name and the password. */
function plainResponse(login: Login): string {
  const password = isTokenLogin(login) ? '' : login.password
  return Buffer.from(`\0${login.username}\0${password}`, 'utf8').toString('base64')
}

function stop(
  step: SieveStep,
  reason: Extract<SieveUploadOutcome, { ok: false }>['reason'],
  message: string,
  serverText?: string,
): Stop {
  return new Stop({ ok: false, step, reason, message, ...(serverText ? { serverText } : {}) })
}
