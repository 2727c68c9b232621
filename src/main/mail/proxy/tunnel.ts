import { connect, type Socket } from 'node:net'
import { bounded } from '../bounded.js'
import { ProbeFailure } from '../probe-failure.js'
import { httpConnectHandshake } from './http-connect.js'
import { proxyWords, type ProxyEndpoint, type TunnelTarget } from './proxy-endpoint.js'
import { capital, unreachable } from './proxy-failure.js'
import { socks5Handshake } from './socks5.js'

/** Opens a TCP connection to the proxy itself (its own name is resolved as usual: it is not the mail server). */
function connectProxy(proxy: ProxyEndpoint, timeoutMs: number, signal: AbortSignal): Promise<Socket> {
  const socket = connect({ host: proxy.host, port: proxy.port, noDelay: true, autoSelectFamily: true })
  return bounded<Socket>(
    {
      signal,
      timeoutMs,
      onTimeout: () => unreachable(proxy, { code: 'ETIMEDOUT' }).facts,
      cleanup: () => socket.destroy(),
    },
    (resolve, reject) => {
      socket.once('error', (e) => reject(unreachable(proxy, e)))
      socket.once('connect', () => resolve(socket))
    },
  )
}

/**
 * A connection to `target` through `proxy` (SOCKS5 or HTTP CONNECT): connect to the proxy, sign in
 * if it wants, and ask it for the mail server by name. This computer makes no DNS query for the mail
 * server (the point of a proxy in an office, and no leak of which server is used). One deadline,
 * `timeoutMs`, covers all of it, and `signal` cancels it. The socket that comes back carries the
 * tunnel: speak the mail protocol (or TLS) over it. Failures are ProbeFailures with an EPROXY_* code
 * (proxy-failure.ts) that say which step failed.
 */
export async function openTunnel(
  proxy: ProxyEndpoint,
  target: TunnelTarget,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Socket> {
  const started = performance.now()
  const socket = await connectProxy(proxy, timeoutMs, signal)
  const left = Math.max(1, Math.round(timeoutMs - (performance.now() - started)))
  // an error mid-handshake (a reset) also closes the socket, which fails the handshake: no crash
  const quiet = (): void => undefined
  socket.on('error', quiet)
  const handshake = (): Promise<Socket> =>
    proxy.kind === 'socks5' ? socks5Handshake(socket, proxy, target, left) : httpConnectHandshake(socket, proxy, target)
  try {
    return await bounded<Socket>(
      {
        signal,
        // the socks package keeps its own (phase-aware) timer at `left`; this one is the backstop
        timeoutMs: proxy.kind === 'socks5' ? left + 500 : left,
        onTimeout: () => ({
          code: 'EPROXY_TARGET',
          message: `${capital(proxyWords(proxy))} got no answer from ${target.host}:${target.port} within ${timeoutMs} ms`,
        }),
        cleanup: () => socket.destroy(),
      },
      (resolve, reject) => {
        handshake().then(resolve, (e: unknown) =>
          reject(e instanceof ProbeFailure ? e : new ProbeFailure({ code: 'EPROXY', message: String(e) })),
        )
      },
    )
  } finally {
    socket.removeListener('error', quiet)
  }
}
