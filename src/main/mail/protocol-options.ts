import type { ImapFlowOptions } from 'imapflow'
import type { LookupAddress } from 'node:dns'
import { lookup } from 'node:dns/promises'
import { connect as netConnect, isIP, type LookupFunction, type Socket, type TcpSocketConnectOpts } from 'node:net'
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection'
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport'
import { APP_INFO } from '../../shared/app-info.js'
import type { Server } from '../../shared/mail.js'
import { READ_LIMITS } from '../read-limits.js'
import { isTokenLogin, type Login } from './login.js'
import type { Timeouts } from './timeouts.js'

export interface TlsTrust {
  /** Extra trusted CA (PEM). Unset: the system's roots, as in the shipped app. */
  ca?: string | undefined
}

/**
 * How Mailkey connects to an account's servers, beyond host, port and security: what to trust and how
 * long to wait. Every socket of a test, a round trip or a test message is opened from these, through
 * this module, so a new connection choice (a proxy, a minimum TLS version, a pinned certificate) is
 * added here once.
 */
export interface ConnectionOptions {
  trust: TlsTrust
  timeouts: Timeouts
  /** How server names become addresses; the system resolver when unset (tests inject their own). */
  resolve?: Resolve | undefined
}

/** Every address of a name, in the resolver's order (RFC 6724 sorting is the system's job). */
export type Resolve = (host: string) => Promise<readonly LookupAddress[]>

/** The system's resolver (getaddrinfo), all addresses, in its order. */
export const systemResolve: Resolve = (host) => lookup(host, { all: true, order: 'verbatim' })

/**
 * RFC 8305's Connection Attempt Delay: the next address is tried 250 ms after the previous attempt
 * started, unless that one failed sooner.
 */
const ATTEMPT_DELAY_MS = 250

/**
 * A Node `lookup` that answers with `known` addresses (already resolved, and timed as the "dns" stage)
 * or asks `resolve`. Node asks for all addresses when it races them (autoSelectFamily).
 */
export function nodeLookup(resolve: Resolve, known?: readonly LookupAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const answer = (list: readonly LookupAddress[]): void => {
      const first = list[0]
      if (!first) {
        const e: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`)
        e.code = 'ENOTFOUND'
        callback(e, '', 0)
      } else if (options.all) callback(null, [...list])
      else callback(null, first.address, first.family)
    }
    if (known) answer(known)
    else resolve(hostname).then(answer, (e: NodeJS.ErrnoException) => callback(e, '', 0))
  }
}

/**
 * How every socket of Mailkey connects (probes, reachability checks, imapflow, nodemailer): to the
 * server's name with every address it resolves to, raced by Happy Eyeballs (RFC 8305, Node's
 * `autoSelectFamily`): a dead IPv6 route costs 250 ms, not the whole timeout. The socket's
 * `remoteAddress` then says which address was used.
 */
export function connectTarget(
  host: string,
  port: number,
  conn: Pick<ConnectionOptions, 'resolve'>,
  known?: readonly LookupAddress[],
): {
  host: string
  port: number
  lookup: LookupFunction
  autoSelectFamily: true
  autoSelectFamilyAttemptTimeout: number
} {
  return {
    host,
    port,
    lookup: nodeLookup(conn.resolve ?? systemResolve, known),
    autoSelectFamily: true,
    autoSelectFamilyAttemptTimeout: ATTEMPT_DELAY_MS,
  }
}

/** The name to check the certificate against and send as SNI (never an IP literal, RFC 6066 §3). */
export function serverName(host: string): string | undefined {
  return isIP(host) ? undefined : host
}

/** Node TLS options for a server: certificate verification always on (Node's default is never overridden), TLS 1.2 at least. */
export function tlsOptions(
  host: string,
  conn: Pick<ConnectionOptions, 'trust'>,
): { servername?: string; host: string; ca?: string; minVersion: 'TLSv1.2' } {
  const name = serverName(host)
  return {
    host,
    minVersion: 'TLSv1.2',
    ...(name ? { servername: name } : {}),
    ...(conn.trust.ca ? { ca: conn.trust.ca } : {}),
  }
}

/**
 * imapflow's `auth` for a login: a password, or an access token (imapflow then uses AUTHENTICATE
 * OAUTHBEARER where offered, else XOAUTH2).
 */
export function imapAuth(login: Login): ImapFlowOptions['auth'] {
  return isTokenLogin(login)
    ? { user: login.username, accessToken: login.accessToken }
    : { user: login.username, pass: login.password }
}

/**
 * nodemailer's `auth` for sending a message: a password, or `{ type: 'OAuth2', user, accessToken }`
 * (SASL XOAUTH2 with a token Mailkey fetched; nodemailer refreshes nothing itself).
 */
export function smtpAuth(login: Login): SMTPTransportOptions['auth'] {
  return isTokenLogin(login)
    ? { type: 'OAuth2', user: login.username, accessToken: login.accessToken }
    : { user: login.username, pass: login.password }
}

/**
 * What Mailkey says it is in IMAP ID (RFC 2971). imapflow fills in what is not given with its own
 * package name, version, vendor ("Postal Systems") and support URL (ImapFlow constructor, 2.1.2), so each
 * field is set: Mailkey's name, version and vendor, and `false` for the support URL, which imapflow then
 * leaves out (its `id` command drops empty values).
 */
export const IMAP_CLIENT_INFO = {
  name: APP_INFO.name,
  version: APP_INFO.version,
  vendor: APP_INFO.vendor,
  'support-url': false,
} as const satisfies NonNullable<ImapFlowOptions['clientInfo']>

/**
 * imapflow options for one server. STARTTLS is mandatory (`doSTARTTLS: true`) or never attempted
 * (`false`), so there is no silent plaintext fallback (imapflow's default upgrades only when offered).
 * imapflow hands its `tls` options to `net.connect`/`tls.connect`, so the connection is made the one
 * way (connectTarget: every address, Happy Eyeballs); `addresses`: the ones the probe already resolved.
 */
export function imapFlowOptions(
  server: Server,
  login: Login,
  conn: ConnectionOptions,
  extra: { addresses?: readonly LookupAddress[]; logger?: ImapFlowOptions['logger']; verifyOnly?: boolean } = {},
): ImapFlowOptions {
  const name = serverName(server.host)
  const {
    lookup: resolveWith,
    autoSelectFamily,
    autoSelectFamilyAttemptTimeout,
  } = connectTarget(server.host, server.port, conn, extra.addresses)
  // imapflow types `tls` as TLS options only; Node's tls.connect takes the socket options too
  const tls: NonNullable<ImapFlowOptions['tls']> &
    Pick<TcpSocketConnectOpts, 'lookup' | 'autoSelectFamily' | 'autoSelectFamilyAttemptTimeout'> = {
    ...tlsOptions(server.host, conn),
    lookup: resolveWith,
    autoSelectFamily,
    autoSelectFamilyAttemptTimeout,
  }
  return {
    host: server.host,
    port: server.port,
    ...(name ? { servername: name } : {}),
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls',
    auth: imapAuth(login),
    tls,
    connectionTimeout: conn.timeouts.connectMs,
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    clientInfo: IMAP_CLIENT_INFO,
    // imapflow's defaults are 1 GiB a line and 2 GiB a response (read-limits.ts)
    maxLineLength: READ_LIMITS.lineBytes,
    maxLiteralSize: READ_LIMITS.responseBytes - READ_LIMITS.lineBytes,
    maxResponseSize: READ_LIMITS.responseBytes,
    logger: extra.logger ?? false,
    ...(extra.verifyOnly ? { verifyOnly: true } : {}),
  }
}

/**
 * nodemailer SMTPConnection options over a socket the probe opened itself (so DNS, TCP and implicit TLS
 * are timed as stages): `secured` says the socket is already TLS; `requireTLS` makes STARTTLS mandatory.
 */
export function smtpConnectionOptions(
  server: Server,
  conn: ConnectionOptions,
  extra: Pick<SMTPConnectionOptions, 'logger' | 'customAuth'> & { socket: Socket },
): SMTPConnectionOptions {
  const implicit = server.security === 'tls'
  const name = serverName(server.host)
  return {
    connection: extra.socket,
    secure: implicit,
    secured: implicit,
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    host: server.host,
    port: server.port,
    ...(name ? { servername: name } : {}),
    tls: tlsOptions(server.host, conn),
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    // after QUIT, wait at most this long for the server to close before dropping the socket
    socketCloseTimeout: 1000,
    // one SMTP reply, all its lines (nodemailer's default is 1 MB)
    maxResponseSize: READ_LIMITS.lineBytes,
    ...(extra.customAuth ? { customAuth: extra.customAuth } : {}),
    ...(extra.logger ? { logger: extra.logger } : {}),
    transactionLog: true,
  }
}

/**
 * nodemailer's `getSocket` hook: a TCP connection made the one way (connectTarget), which nodemailer
 * then upgrades to TLS itself for implicit TLS. nodemailer would otherwise pick one address itself.
 */
function happyEyeballsSocket(server: Server, conn: ConnectionOptions): SMTPTransportOptions['getSocket'] {
  return (_options, callback) => {
    const socket = netConnect(connectTarget(server.host, server.port, conn))
    const fail = (e: Error): void => {
      socket.destroy()
      callback(e)
    }
    socket.setTimeout(conn.timeouts.connectMs, () => {
      const e: NodeJS.ErrnoException = new Error(`connect ETIMEDOUT ${server.host}:${server.port}`)
      e.code = 'ETIMEDOUT'
      fail(e)
    })
    socket.once('error', fail)
    socket.once('connect', () => {
      socket.setTimeout(0)
      socket.removeListener('error', fail)
      callback(null, { connection: socket })
    })
  }
}

/**
 * nodemailer transport options for sending one message (a test message, a round trip): the same
 * explicit security and short timeouts as the probes, never opportunistic TLS.
 */
export function smtpTransportOptions(server: Server, login: Login, conn: ConnectionOptions): SMTPTransportOptions {
  return {
    getSocket: happyEyeballsSocket(server, conn),
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: smtpAuth(login),
    tls: tlsOptions(server.host, conn),
    connectionTimeout: conn.timeouts.connectMs,
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    maxResponseSize: READ_LIMITS.lineBytes,
    logger: false,
  }
}
