import { connect as tlsConnect, createServer, type SecureVersion, type TLSSocket } from 'node:tls'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A TLS front for a bed server: it ends TLS with its own certificate and TLS versions, and speaks TLS
 * on to the bed's implicit-TLS port (trusting the bed's CA), passing the protocol through untouched.
 * It plays the servers the office options are for: an old server that only speaks TLS 1.1, one that
 * stops at 1.2, a self-signed certificate (and a swapped one), an office firewall that inspects TLS
 * with its own CA. Records which TLS version each client got.
 */
export interface TlsFront {
  port: number
  /** The TLS version of each accepted connection (TLSv1.1, TLSv1.3...). */
  versions: string[]
  close(): Promise<void>
}

export async function tlsFront(opts: {
  cert: { key: string; cert: string }
  upstreamPort: number
  ca: string
  minVersion?: SecureVersion
  maxVersion?: SecureVersion
}): Promise<TlsFront> {
  const legacy = opts.minVersion === 'TLSv1' || opts.minVersion === 'TLSv1.1'
  const sockets = new Set<Socket>()
  const versions: string[] = []
  const server = createServer(
    {
      key: opts.cert.key,
      cert: opts.cert.cert,
      ...(opts.minVersion ? { minVersion: opts.minVersion } : {}),
      ...(opts.maxVersion ? { maxVersion: opts.maxVersion } : {}),
      // what an old OpenSSL server offered: OpenSSL 3 needs security level 0 for TLS 1.0/1.1
      ...(legacy ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    },
    (client: TLSSocket) => {
      versions.push(client.getProtocol() ?? '?')
      const upstream = tlsConnect({ host: '127.0.0.1', port: opts.upstreamPort, ca: opts.ca, servername: 'localhost' })
      sockets.add(upstream)
      client.pipe(upstream)
      upstream.pipe(client)
      const drop = (): void => {
        client.destroy()
        upstream.destroy()
      }
      client.on('error', drop)
      upstream.on('error', drop)
      client.on('close', drop)
      upstream.on('close', drop)
    },
  )
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    versions,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
