import type { Socket } from 'node:net'
import type { Server } from '../../../shared/mail.js'
import type { ConnectionOptions } from '../protocol-options.js'
import { proxyWords, type ProxyEndpoint } from './proxy-endpoint.js'
import { capital, proxyFailure } from './proxy-failure.js'
import { openTunnel } from './tunnel.js'

/**
 * imapflow 2.1.2 takes a connected socket only in two places: as `tls.socket` when it starts implicit
 * TLS (its options go to tls.connect), and from its own `proxy` hook. So IMAP over a proxy is:
 * - implicit TLS (993): Mailkey opens the tunnel (tunnel.ts) and imapflow handshakes over it;
 * - STARTTLS: imapflow needs the plaintext socket first, which only its proxy hook can hand it; its
 *   SOCKS5 and HTTP CONNECT clients also send the server's NAME to the proxy (checked in
 *   node_modules/imapflow/dist/esm/proxy-connection.js and by test), so no local lookup either.
 */
export async function imapTunnel(
  server: Server,
  conn: ConnectionOptions,
  signal: AbortSignal,
): Promise<Socket | undefined> {
  if (!conn.proxy || server.security !== 'tls') return undefined
  return openTunnel(conn.proxy, server, conn.timeouts.connectMs, signal)
}

/** Characters the URL parser percent-encodes in a user name or password (WHATWG URL "userinfo" set). */
const USERINFO_ENCODED = /["#<>?`{}/:;=@[\\\]^|]/

/** Control characters, space and anything beyond ASCII, which the URL parser also encodes. */
function outsidePrintableAscii(s: string): boolean {
  return [...s].some((c) => (c.codePointAt(0) ?? 0) <= 0x20 || (c.codePointAt(0) ?? 0) >= 0x7f)
}

/**
 * The proxy as the URL imapflow's hook takes. Its HTTP client decodes the credentials; its SOCKS5 client
 * passes them as they stand in the URL, so SOCKS5 credentials the URL must encode cannot reach the
 * proxy intact: that is said up front instead of failing as a wrong password.
 */
export function imapflowProxyUrl(proxy: ProxyEndpoint): string {
  const user = proxy.username ?? ''
  const pass = proxy.password ?? ''
  const mangled = (s: string): boolean => USERINFO_ENCODED.test(s) || outsidePrintableAscii(s)
  if (proxy.kind === 'socks5' && (mangled(user) || mangled(pass))) {
    throw proxyFailure(
      'EPROXY_AUTH',
      `${capital(proxyWords(proxy))}: Mailkey cannot pass a user name or password with spaces or any of " # < > ? \` { } / : ; = @ [ \\ ] ^ | to it for IMAP with STARTTLS. Use SSL/TLS (port 993), or a proxy password without these characters.`,
    )
  }
  const enc = proxy.kind === 'socks5' ? (s: string) => s : encodeURIComponent
  const auth = proxy.username ? `${enc(user)}:${enc(pass)}@` : ''
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host
  return `${proxy.kind === 'socks5' ? 'socks5' : 'http'}://${auth}${host}:${proxy.port}`
}
