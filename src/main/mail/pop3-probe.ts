import type { Socket } from 'node:net'
import { READ_LIMITS, readLimitFacts } from '../read-limits.js'
import { LineReader } from './line-reader.js'
import { upgradeTls } from './open-socket.js'
import { openStages } from './probe-open.js'
import { pop3Capabilities } from './capabilities.js'
import { isTokenLogin, type TokenLogin } from './login.js'
import type { Probe, ProbeContext } from './probe.js'
import { ProbeFailure } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import { challengeAnswer, decodeOAuthChallenge, initialResponse, pickOAuthMechanism } from './sasl-oauth.js'
import type { ServerCheck } from './test-request.js'

/**
 * POP3 probe (RFC 1939, CAPA from RFC 2449, STLS from RFC 2595), written by hand because node-pop3 has
 * neither STLS nor a way to time each step. It only logs in: greeting, CAPA, STLS when required,
 * USER/PASS (or AUTH PLAIN when the server does not offer USER) or, with a token, AUTH XOAUTH2 /
 * OAUTHBEARER (RFC 5034), then STAT, QUIT.
 */
class Pop3Session {
  private reader: LineReader

  constructor(
    socket: Socket,
    private readonly check: ServerCheck,
    private readonly conn: ConnectionOptions,
    private readonly ctx: ProbeContext,
  ) {
    this.reader = new LineReader(socket)
  }

  get socket(): Socket {
    return this.reader.socket
  }

  async line(timeoutMs: number): Promise<string> {
    const line = await this.reader.read(timeoutMs, this.ctx.signal, () => ({
      code: 'ETIMEDOUT',
      message: `The server did not answer within ${timeoutMs} ms`,
    }))
    this.ctx.transcript.server(line)
    return line
  }

  /** Sends a command and reads its status line; throws ProbeFailure on -ERR unless `tolerate`. */
  async command(cmd: string, logged = cmd, tolerate = false): Promise<string> {
    this.ctx.transcript.client(logged)
    this.socket.write(`${cmd}\r\n`)
    const reply = await this.line(this.conn.timeouts.commandMs)
    if (!reply.startsWith('+') && !tolerate) throw this.refusal(reply)
    return reply
  }

  /** A multi-line reply (RFC 1939 §3), at most READ_LIMITS.lineBytes in all: CAPA is a few lines. */
  async multiline(): Promise<string[]> {
    const lines: string[] = []
    let bytes = 0
    for (let i = 0; i < 1000; i++) {
      const l = await this.line(this.conn.timeouts.commandMs)
      if (l === '.') return lines
      bytes += l.length + 2
      if (bytes > READ_LIMITS.lineBytes) throw new ProbeFailure(readLimitFacts('response', READ_LIMITS.lineBytes))
      lines.push(l.startsWith('..') ? l.slice(1) : l)
    }
    throw new ProbeFailure({ code: 'EPROTOCOL', message: 'The server sent an endless list' })
  }

  async capabilities(): Promise<Set<string>> {
    const reply = await this.command('CAPA', 'CAPA', true)
    if (!reply.startsWith('+OK')) return new Set()
    return new Set((await this.multiline()).map((l) => l.toUpperCase()))
  }

  /** Switches to TLS after STLS; anything the server sent in between would be injected (RFC 2595 §4). */
  async startTls(): Promise<void> {
    if (this.reader.pending.length > 0) {
      throw new ProbeFailure({ code: 'STARTTLS_INJECTION', message: 'The server sent data before the TLS handshake' })
    }
    this.reader.detach()
    const { host } = this.check.server
    const tls = await upgradeTls(this.socket, host, this.conn, this.conn.timeouts.commandMs, this.ctx.signal)
    this.reader = new LineReader(tls)
  }

  /**
   * SASL with a bearer token (RFC 5034 §4): `AUTH <mechanism>`, the initial response after the
   * server's "+" (Microsoft documents this two-step form for POP3), then, if the server answers with a
   * failure challenge, its decoded JSON and the answer that ends the exchange.
   */
  async tokenAuth(login: TokenLogin, caps: Set<string>): Promise<void> {
    const sasl =
      [...caps]
        .find((c) => c.startsWith('SASL '))
        ?.split(' ')
        .slice(1) ?? []
    const mechanism = pickOAuthMechanism(sasl)
    if (!mechanism) {
      throw new ProbeFailure({
        code: 'ENOAUTHMECH',
        message: `The server offers no OAuth sign-in (XOAUTH2 or OAUTHBEARER); it offers ${sasl.join(', ') || 'no SASL at all'}`,
      })
    }
    const { host, port } = this.check.server
    const go = await this.command(`AUTH ${mechanism}`, `AUTH ${mechanism}`)
    if (!go.startsWith('+ ') && go !== '+') throw this.refusal(go)
    const response = initialResponse(mechanism, login.username, login.accessToken, host, port)
    let reply = await this.command(response, '[redacted]', true)
    if (reply.startsWith('+ ') || reply === '+') {
      const challenge = decodeOAuthChallenge(reply.slice(2))
      reply = await this.command(challengeAnswer(mechanism), '[redacted]', true)
      if (!reply.startsWith('+OK')) throw this.refusal(reply, challenge)
    }
    if (!reply.startsWith('+OK')) throw this.refusal(reply)
  }

  refusal(reply: string, challenge?: ReturnType<typeof decodeOAuthChallenge>): ProbeFailure {
    // only -ERR refuses (RFC 1939 §3); any other line is the server not speaking POP3
    const authFailed = this.ctx.clock.current === 'auth' && reply.startsWith('-ERR')
    return new ProbeFailure({
      message: 'The server refused the command',
      serverText: reply,
      code: 'EPOP3',
      authFailed,
      ...(challenge ? { oauthChallenge: challenge } : {}),
    })
  }
}

function authPlain(user: string, pass: string): string {
  return Buffer.from(`\u0000${user}\u0000${pass}`, 'utf8').toString('base64')
}

export const probePop3: Probe = async (check, conn, ctx) => {
  const { clock, transcript } = ctx
  const { timeouts } = conn
  const { server, login } = check
  const socket = await openStages(check, conn, ctx)
  const pop = new Pop3Session(socket, check, conn, ctx)
  try {
    const greeting = await pop.line(timeouts.greetingMs)
    if (!greeting.startsWith('+OK')) throw pop.refusal(greeting)
    clock.complete('greeting')
    let caps = await pop.capabilities()
    if (server.security === 'starttls') {
      if (!caps.has('STLS')) {
        // never send the password in the clear when encryption was asked for
        throw new ProbeFailure({ code: 'ESTARTTLS', message: 'The server does not offer STLS (STARTTLS)' })
      }
      await pop.command('STLS')
      await pop.startTls()
      clock.complete('starttls')
      transcript.note('TLS is up (STLS)')
      caps = await pop.capabilities()
    }
    if (isTokenLogin(login)) {
      await pop.tokenAuth(login, caps)
    } else if (caps.size === 0 || caps.has('USER')) {
      await pop.command(`USER ${login.username}`)
      await pop.command(`PASS ${login.password}`, 'PASS [redacted]')
    } else if ([...caps].some((c) => c.startsWith('SASL') && c.split(' ').includes('PLAIN'))) {
      await pop.command(`AUTH PLAIN ${authPlain(login.username, login.password)}`, 'AUTH PLAIN [redacted]')
    } else {
      throw new ProbeFailure({
        code: 'ENOAUTHMECH',
        message: 'The server offers no password login (USER or SASL PLAIN)',
      })
    }
    clock.complete('auth')
    await pop.command('STAT')
    clock.complete('ready')
    const done = pop.socket
    done.end('QUIT\r\n')
    setTimeout(() => done.destroy(), 1000).unref()
    return { capabilities: pop3Capabilities(caps) }
  } catch (e) {
    pop.socket.destroy()
    throw e
  }
}
