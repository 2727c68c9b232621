import type { ImapFlowOptions } from 'imapflow'
import type { LookupAddress } from 'node:dns'
import { lookup } from 'node:dns/promises'
import { readFileSync } from 'node:fs'
import { connect as netConnect, isIP, type LookupFunction, type Socket, type TcpSocketConnectOpts } from 'node:net'
import { rootCertificates, type ConnectionOptions as TlsConnectOptions, type SecureVersion } from 'node:tls'
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection'
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport'
import { APP_INFO } from '../../shared/app-info.js'
import { DEFAULT_MIN_TLS, isLegacyTls, type TlsVersion } from '../../shared/connection.js'
import type { Server } from '../../shared/mail.js'
import { READ_LIMITS } from '../read-limits.js'
import { pinnedIdentity } from './certificate-pin.js'
import { isTokenLogin, type Login } from './login.js'
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
  /** How server names become addresses; the system resolver when unset (tests inject their own). */
  resolve?: Resolve | undefined
  /** Connect through this proxy, which resolves the server's name: no local DNS lookup of it. */
  proxy?: ProxyEndpoint | undefined
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
 * Node TLS options for a server: certificate verification always on (Node's default is never
 * overridden), TLS 1.2 at least unless the user chose otherwise for this server, and pinned keys
 * checked after Node's own checks (certificate-pin.ts).
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
 * Under a proxy, `tunnel` is the connection Mailkey opened for implicit TLS; without one (STARTTLS)
 * imapflow opens it through its own proxy hook (proxy/imap-proxy.ts says why); no local lookup either way.
 */
export function imapFlowOptions(
  server: Server,
  login: Login,
  conn: ConnectionOptions,
  extra: {
    addresses?: readonly LookupAddress[]
    logger?: ImapFlowOptions['logger']
    verifyOnly?: boolean
    session?: 'probe'
    tunnel?: Socket
  } = {},
): ImapFlowOptions {
  const name = serverName(server.host)
  const viaHook = conn.proxy && !extra.tunnel ? { proxy: imapflowProxyUrl(conn.proxy) } : {}
  // imapflow types `tls` as TLS options only; Node's tls.connect takes the socket options too
  let tls: NonNullable<ImapFlowOptions['tls']> &
    Partial<Pick<TcpSocketConnectOpts, 'lookup' | 'autoSelectFamily' | 'autoSelectFamilyAttemptTimeout'>>
  if (conn.proxy) {
    // the proxy resolves the name: no local lookup of the mail host
    tls = { ...tlsOptions(server.host, conn), ...(extra.tunnel ? { socket: extra.tunnel } : {}) }
  } else {
    const {
      lookup: resolveWith,
      autoSelectFamily,
      autoSelectFamilyAttemptTimeout,
    } = connectTarget(server.host, server.port, conn, extra.addresses)
    tls = {
      ...tlsOptions(server.host, conn),
      lookup: resolveWith,
      autoSelectFamily,
      autoSelectFamilyAttemptTimeout,
    }
  }
  return {
    host: server.host,
    port: server.port,
    ...(name ? { servername: name } : {}),
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls',
    auth: imapAuth(login),
    tls,
    ...viaHook,
    connectionTimeout: conn.timeouts.connectMs,
    greetingTimeout: conn.timeouts.greetingMs,
    socketTimeout: conn.timeouts.commandMs,
    clientInfo: IMAP_CLIENT_INFO,
    // imapflow's defaults are 1 GiB a line and 2 GiB a response (read-limits.ts)
    maxLineLength: READ_LIMITS.lineBytes,
    maxLiteralSize: READ_LIMITS.responseBytes - READ_LIMITS.lineBytes,
    maxResponseSize: READ_LIMITS.responseBytes,
    logger: extra.logger ?? false,
    // a probe's session: sign in, look, leave; no ENABLE or COMPRESS (verifyOnly's round trips)
    ...(extra.session === 'probe' ? { disableAutoEnable: true, disableCompression: true } : {}),
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
  const { proxy } = conn
  return {
    // nodemailer speaks SMTP (and TLS) over the socket getSocket hands it: the proxy's tunnel under a
    // proxy (no local lookup), else a Happy Eyeballs connection
    getSocket: proxy
      ? (_options, done) => {
          openTunnel(proxy, server, conn.timeouts.connectMs, new AbortController().signal).then(
            (connection) => done(null, { connection }),
            (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
          )
        }
      : happyEyeballsSocket(server, conn),
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
