import { isIPv6, type Socket } from 'node:net'
import type { ProxyEndpoint, TunnelTarget } from './proxy-endpoint.js'
import { capital, proxyFailure } from './proxy-failure.js'
import { proxyWords } from './proxy-endpoint.js'
import type { ProbeFailure } from '../probe-failure.js'

/** A proxy's answer is a few hundred bytes; more than this before the blank line is not HTTP. */
const MAX_HEADER_BYTES = 16 * 1024

/** `host:port` as a CONNECT request names it, IPv6 literals in brackets (RFC 9110 §9.3.6). */
function authority(target: TunnelTarget): string {
  return `${isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`
}

/** Proxy-Authorization with Basic credentials (RFC 7617), UTF-8 as RFC 7617 §2.1 allows. */
function basic(proxy: ProxyEndpoint): string {
  return Buffer.from(`${proxy.username ?? ''}:${proxy.password ?? ''}`, 'utf8').toString('base64')
}

/** What a refusing status means, said as which step failed. */
function refusal(proxy: ProxyEndpoint, target: TunnelTarget, statusLine: string, headers: string): ProbeFailure {
  const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1])
  const who = capital(proxyWords(proxy))
  const where = authority(target)
  // 407 is the standard; some proxies (tinyproxy 1.11) answer wrong credentials with 401
  if (status === 407 || status === 401) {
    const schemes = [...headers.matchAll(/^proxy-authenticate:\s*(\w+)/gim)].map((m) => m[1]?.toLowerCase())
    const message =
      schemes.length > 0 && !schemes.includes('basic')
        ? `${who} wants a Windows sign-in (${schemes.join(', ')}), which Mailkey cannot do; ask for a user name and password (Basic) or a SOCKS5 proxy`
        : proxy.username
          ? `${who} refused the user name or password`
          : `${who} asks for a user name and password`
    return proxyFailure('EPROXY_AUTH', message, { serverText: statusLine })
  }
  if (status === 403) {
    return proxyFailure('EPROXY_TARGET', `${who} does not allow connections to ${where}`, { serverText: statusLine })
  }
  if (status >= 500 && status <= 599) {
    // 502/503 (and tinyproxy's 500 "Unable to connect"): the proxy tried and failed; 504: no answer
    const why = status === 504 ? 'got no answer from' : 'could not connect to'
    return proxyFailure('EPROXY_TARGET', `${who} ${why} ${where}`, { serverText: statusLine })
  }
  return proxyFailure('EPROXY', `${who} did not open a tunnel to ${where}`, { serverText: statusLine })
}

/**
 * The HTTP CONNECT handshake (RFC 9110 §9.3.6) over a socket already connected to the proxy: asks for
 * a tunnel to the mail server BY NAME (the proxy resolves it), with Basic credentials when set, and
 * reads the answer up to the blank line. Bytes that came after it belong to the mail server (a
 * greeting the proxy sent along) and are put back. Resolves with the same socket; rejects with a
 * ProbeFailure (EPROXY_*). The caller bounds it in time.
 */
export function httpConnectHandshake(socket: Socket, proxy: ProxyEndpoint, target: TunnelTarget): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    let head = Buffer.alloc(0)
    const settle = (error?: ProbeFailure): void => {
      socket.removeListener('data', onData)
      socket.removeListener('close', onClose)
      if (error) reject(error)
      else resolve(socket)
    }
    const onClose = (): void =>
      settle(proxyFailure('EPROXY', `${capital(proxyWords(proxy))} hung up before opening the tunnel`))
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) {
        if (head.length > MAX_HEADER_BYTES) {
          settle(proxyFailure('EPROXY', `${capital(proxyWords(proxy))} sent an answer that is not HTTP`))
        }
        return
      }
      socket.pause()
      const rest = head.subarray(end + 4)
      if (rest.length > 0) socket.unshift(rest)
      const text = head.subarray(0, end).toString('latin1')
      const [statusLine = '', ...headerLines] = text.split('\r\n')
      if (/^HTTP\/\d(?:\.\d)? 2\d\d/.test(statusLine)) settle()
      else settle(refusal(proxy, target, statusLine.slice(0, 200), headerLines.join('\n')))
    }
    socket.on('data', onData)
    socket.once('close', onClose)
    const hostPort = authority(target)
    socket.write(
      [
        `CONNECT ${hostPort} HTTP/1.1`,
        `Host: ${hostPort}`,
        ...(proxy.username ? [`Proxy-Authorization: Basic ${basic(proxy)}`] : []),
        '',
        '',
      ].join('\r\n'),
    )
  })
}
