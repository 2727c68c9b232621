import type { ImapFlowOptions } from 'imapflow'
import { readFileSync } from 'node:fs'
import { isIP, type Socket } from 'node:net'
import { rootCertificates, type ConnectionOptions as TlsConnectOptions, type SecureVersion } from 'node:tls'
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection'
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport'
import { DEFAULT_MIN_TLS, isLegacyTls, type TlsVersion } from '../../shared/connection.js'
import type { Server } from '../../shared/mail.js'
import { pinnedIdentity } from './certificate-pin.js'
import type { Login } from './login.js'
import { imapflowProxyUrl } from './proxy/imap-proxy.js'
import type { ProxyEndpoint } from './proxy/proxy-endpoint.js'
import { openTunnel } from './proxy/tunnel.js'
import type { Timeouts } from './timeouts.js'

/** What one server's certificate is checked against. Verification is always on; these only widen or pin it. */
export interface TlsTrust {
  /** A trusted CA (PEM) instead of the system's roots (the test bed's CA). Unset: the system's roots. */
  ca?: string | undefined
  /** Office CAs the user imported (a TLS-inspecting firewall's), trusted besides the roots above. */
  extraCas?: readonly string[] | undefined
  /** This server's lowest TLS version; 1.2 when unset. */
  minVersion?: TlsVersion | undefined
  /** Keys this server may present (`sha256/BASE64`; any one of them): the user trusted them. */
  pins?: readonly string[] | undefined
  /** Self-signed certificates the pinned chains end in, trusted for this server only (with the pin). */
  anchors?: readonly string[] | undefined
}

/**
 * How Mailkey connects to one server, beyond host, port and security: what to trust, how long to wait,
 * and the proxy every socket goes through. Every socket of a test, a round trip or a test message is
 * opened from these, through this module (server-connection.ts derives them per server from an
 * account's settings).
 */
export interface ConnectionOptions {
  trust: TlsTrust
  timeouts: Timeouts
  /** Connect through this proxy, which resolves the server's name: no local DNS lookup of it. */
  proxy?: ProxyEndpoint | undefined
}

const NODE_TLS_VERSION: Record<TlsVersion, SecureVersion> = {
  '1.0': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
}

/**
 * OpenSSL 3 refuses TLS 1.0/1.1 at its default security level (their handshakes sign with SHA-1:
 * "legacy sigalg disallowed or unsupported"); level 0 allows them. Asked only for a server the user
 * lowered the minimum for, never globally. BoringSSL (Electron) has no security levels.
 */
const LEGACY_CIPHERS = /^[1-9]/.test(process.versions.openssl ?? '') ? 'DEFAULT:@SECLEVEL=0' : undefined

let nodeExtraCas: string[] | undefined

/**
 * The CAs of NODE_EXTRA_CA_CERTS (a PEM file), which Node adds to its roots only while `ca` is unset:
 * read once, so an office CA or a pin adds to what the user already trusted instead of replacing it.
 */
function extraCasFromEnv(): string[] {
  if (nodeExtraCas) return nodeExtraCas
  const file = process.env['NODE_EXTRA_CA_CERTS']
  let pem = ''
  try {
    pem = file ? readFileSync(file, 'utf8') : ''
  } catch {
    // Node itself only warns about an unreadable file; so does nothing here
  }
  nodeExtraCas = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
  return nodeExtraCas
}

/** The trusted roots for a server: the system's (or the bed's) plus any office CA and pinned anchor. */
function caOption(trust: TlsTrust): { ca?: string[] } {
  const added = [...(trust.extraCas ?? []), ...(trust.anchors ?? [])]
  if (!trust.ca && added.length === 0) return {}
  // `ca` replaces Node's roots, so they are named again when only adding to them
  return { ca: [...(trust.ca ? [trust.ca] : [...rootCertificates, ...extraCasFromEnv()]), ...added] }
}

/** The name to check the certificate against and send as SNI (never an IP literal, RFC 6066 §3). */
export function serverName(host: string): string | undefined {
  return isIP(host) ? undefined : host
}

/**
 * Node TLS options for a server: verification always on (never `rejectUnauthorized: false`), TLS 1.2
 * at least unless the user chose otherwise for this server, and pinned keys checked after Node's own
 * checks (certificate-pin.ts).
 */
export function tlsOptions(
  host: string,
  conn: Pick<ConnectionOptions, 'trust'>,
): TlsConnectOptions & { host: string; minVersion: SecureVersion } {
  const name = serverName(host)
  const { trust } = conn
  const min = trust.minVersion ?? DEFAULT_MIN_TLS
  return {
    host,
    minVersion: NODE_TLS_VERSION[min],
    ...(isLegacyTls(min) && LEGACY_CIPHERS ? { ciphers: LEGACY_CIPHERS } : {}),
    ...(name ? { servername: name } : {}),
    ...caOption(trust),
    ...(trust.pins?.length ? { checkServerIdentity: pinnedIdentity(trust.pins) } : {}),
  }
}

/** What Mailkey says it is in IMAP ID (RFC 2971). */
const IMAP_CLIENT_INFO = { name: 'Mailkey' }

/**
 * imapflow options for one server. STARTTLS is mandatory (`doSTARTTLS: true`) or never attempted
 * (`false`), so there is no silent plaintext fallback (imapflow's default upgrades only when offered).
 * `address`: connect to this resolved address while checking the certificate against `server.host`.
 * Under a proxy, `tunnel` is the connection Mailkey opened for implicit TLS; without one (STARTTLS)
 * imapflow opens it through its own proxy hook (proxy/imap-proxy.ts says why).
 */
export function imapFlowOptions(
  server: Server,
  login: Login,
  conn: ConnectionOptions,
  extra: { address?: string; logger?: ImapFlowOptions['logger']; session?: 'probe'; tunnel?: Socket } = {},
): ImapFlowOptions {
  const name = serverName(server.host)
  const viaHook = conn.proxy && !extra.tunnel ? { proxy: imapflowProxyUrl(conn.proxy) } : {}
  return {
    host: extra.address ?? server.host,
    port: server.port,
    ...(name ? { servername: name } : {}),
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls',
    auth: { user: login.username, pass: login.password },
    tls: { ...tlsOptions(server.host, conn), ...(extra.tunnel ? { socket: extra.tunnel } : {}) },
    ...viaHook,
    connectionTimeout: conn.timeouts.connectMs,
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    clientInfo: IMAP_CLIENT_INFO,
    logger: extra.logger ?? false,
    // a probe's session: sign in, look, leave; no ENABLE or COMPRESS (verifyOnly's round trips)
    ...(extra.session === 'probe' ? { disableAutoEnable: true, disableCompression: true } : {}),
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
  const { proxy } = conn
  return {
    // nodemailer speaks SMTP (and TLS) over the socket getSocket hands it: here, the proxy's tunnel
    ...(proxy
      ? {
          getSocket: (_options, done) => {
            openTunnel(proxy, server, conn.timeouts.connectMs, new AbortController().signal).then(
              (connection) => done(null, { connection }),
              (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
            )
          },
        }
      : {}),
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
