import { connect, type ConnectionOptions as TlsConnectOptions, type TLSSocket } from 'node:tls'
import { isCertificateError } from '../certificate-inspector.js'
import { connectTarget, tlsOptions, type ConnectionOptions } from '../protocol-options.js'
import { openTunnel } from './tunnel.js'

/**
 * A TLS handshake for a second look at a server (its certificate, whether a port speaks TLS, which TLS
 * version it takes): directly (every address of `host`, Happy Eyeballs: connectTarget), or through the
 * account's proxy like every other socket (no local lookup then).
 * Undefined when the proxy gives no tunnel within `timeoutMs` (the look then finds nothing).
 * `overrides` change the TLS options for the look (a lower minimum version, say), never verification.
 */
export async function secondLookSocket(
  host: string,
  port: number,
  conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>,
  timeoutMs: number,
  overrides: Pick<TlsConnectOptions, 'minVersion' | 'maxVersion' | 'ciphers'> = {},
): Promise<TLSSocket | undefined> {
  const options = { ...tlsOptions(host, conn), ...overrides }
  if (!conn.proxy) return connect({ ...options, ...connectTarget(host, port, conn) })
  const tunnel = await openTunnel(conn.proxy, { host, port }, timeoutMs, new AbortController().signal).catch(
    () => undefined,
  )
  return tunnel ? connect({ ...options, socket: tunnel }) : undefined
}

/**
 * Whether a second-look handshake got as far as TLS: it completed, or it reached a certificate (a
 * verification failure still proves the port speaks that TLS). False on any other error or after
 * `timeoutMs`. The socket is destroyed either way; only a ClientHello was sent.
 */
export function handshakeReached(socket: TLSSocket, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (answer: boolean): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(answer)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    socket.once('secureConnect', () => done(true))
    socket.once('error', (e: Error & { code?: string }) => done(isCertificateError(e.code)))
  })
}
