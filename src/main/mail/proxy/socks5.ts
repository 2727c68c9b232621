import type { Socket } from 'node:net'
import { SocksClient } from 'socks'
import type { ProxyEndpoint, TunnelTarget } from './proxy-endpoint.js'
import { socksFailure } from './proxy-failure.js'

/**
 * The SOCKS5 handshake (RFC 1928, user/password per RFC 1929) over a socket already connected to the
 * proxy, with the `socks` package. The destination goes as a domain name (address type 3), so the
 * proxy resolves it: this computer never looks the mail server up. Resolves with the same socket,
 * now carrying the tunnel; rejects with a ProbeFailure (EPROXY_*) that says which step failed.
 */
export function socks5Handshake(
  socket: Socket,
  proxy: ProxyEndpoint,
  target: TunnelTarget,
  timeoutMs: number,
): Promise<Socket> {
  // the proxy's replies so far: 2 bytes choose the method, 2 more answer a user/password, then the
  // connect reply; past the sign-in, a silence is the mail server not answering the proxy
  let received = 0
  const signInBytes = proxy.username ? 4 : 2
  const count = (chunk: Buffer): void => {
    received += chunk.length
  }
  socket.prependListener('data', count)
  return new Promise<Socket>((resolve, reject) => {
    const client = new SocksClient({
      proxy: {
        host: proxy.host,
        port: proxy.port,
        type: 5,
        ...(proxy.username ? { userId: proxy.username, password: proxy.password ?? '' } : {}),
      },
      destination: { host: target.host, port: target.port },
      command: 'connect',
      timeout: timeoutMs,
      existing_socket: socket,
    })
    client.once('established', (info) => {
      socket.removeListener('data', count)
      resolve(info.socket)
    })
    client.once('error', (error: Error) => {
      socket.removeListener('data', count)
      reject(socksFailure(proxy, target, error, received >= signInBytes))
    })
    client.connect(socket)
  })
}
