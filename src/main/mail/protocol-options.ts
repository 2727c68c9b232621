import type { ImapFlowOptions } from 'imapflow'
import { isIP, type Socket } from 'node:net'
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection'
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport'
import { APP_INFO } from '../../shared/app-info.js'
import type { Server } from '../../shared/mail.js'
import type { Login } from './login.js'
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
}

/** The name to check the certificate against and send as SNI (never an IP literal, RFC 6066 §3). */
export function serverName(host: string): string | undefined {
  return isIP(host) ? undefined : host
}

/** Node TLS options for a server: verification always on (never `rejectUnauthorized: false`), TLS 1.2 at least. */
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
 * `address`: connect to this resolved address while checking the certificate against `server.host`.
 */
export function imapFlowOptions(
  server: Server,
  login: Login,
  conn: ConnectionOptions,
  extra: { address?: string; logger?: ImapFlowOptions['logger']; verifyOnly?: boolean } = {},
): ImapFlowOptions {
  const name = serverName(server.host)
  return {
    host: extra.address ?? server.host,
    port: server.port,
    ...(name ? { servername: name } : {}),
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls',
    auth: { user: login.username, pass: login.password },
    tls: tlsOptions(server.host, conn),
    connectionTimeout: conn.timeouts.connectMs,
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    clientInfo: IMAP_CLIENT_INFO,
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
    ...(extra.customAuth ? { customAuth: extra.customAuth } : {}),
    ...(extra.logger ? { logger: extra.logger } : {}),
    transactionLog: true,
  }
}

/**
 * nodemailer transport options for sending one message (a test message, a round trip): the same
 * explicit security and short timeouts as the probes, never opportunistic TLS.
 */
export function smtpTransportOptions(server: Server, login: Login, conn: ConnectionOptions): SMTPTransportOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: { user: login.username, pass: login.password },
    tls: tlsOptions(server.host, conn),
    connectionTimeout: conn.timeouts.connectMs,
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    logger: false,
  }
}
