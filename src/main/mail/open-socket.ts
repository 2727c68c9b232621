import { lookup } from 'node:dns/promises'
import { isIP, Socket } from 'node:net'
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls'
import { bounded } from './bounded.js'
import { certificateInfo, factsFrom, ProbeFailure } from './probe-failure.js'
import { tlsOptions, type ConnectionOptions } from './protocol-options.js'

/**
 * Keeps the certificate a TLS socket is shown, read the moment its handshake ends and before Node's
 * verdict on it: Node destroys a socket whose certificate fails verification before 'error' fires, and
 * the certificate can no longer be read then. Verification stays on; this only reads.
 *
 * 'secure' is the handshake-done event `tls.connect` itself checks the certificate on; the listener is
 * prepended so it runs first. The certificate tests against the bed (probes-hostile) prove it still does.
 */
export function keepPeerCertificate(socket: TLSSocket): () => PeerCertificate | undefined {
  let kept: PeerCertificate | undefined
  socket.prependOnceListener('secure', () => {
    // the whole chain: its self-signed end is what a pin can trust (certificate-pin.ts)
    kept = socket.getPeerCertificate(true)
  })
  return () => kept
}

/** Resolves a server name to the address to connect to; IP literals pass straight through. */
export async function lookupHost(host: string, timeoutMs: number, signal: AbortSignal): Promise<string> {
  if (isIP(host)) return host
  return bounded<string>(
    {
      signal,
      timeoutMs,
      onTimeout: () => ({ code: 'EDNSTIMEOUT', message: `Looking up ${host} took longer than ${timeoutMs} ms` }),
      cleanup: () => undefined,
    },
    (resolve, reject) => {
      lookup(host).then(
        (r) => resolve(r.address),
        (e: unknown) => reject(new ProbeFailure(factsFrom(e))),
      )
    },
  )
}

/** Opens a TCP connection; a black-holed port fails after `timeoutMs`, a closed one at once. */
export function connectTcp(address: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<Socket> {
  const socket = new Socket()
  return bounded<Socket>(
    {
      signal,
      timeoutMs,
      onTimeout: () => ({ code: 'ETIMEDOUT', message: `No answer from ${address}:${port} within ${timeoutMs} ms` }),
      cleanup: () => socket.destroy(),
    },
    (resolve, reject) => {
      socket.once('error', (e) => reject(new ProbeFailure(factsFrom(e))))
      socket.connect({ host: address, port }, () => {
        resolve(socket)
      })
    },
  )
}

/** Starts TLS on a connected socket (implicit TLS, or after a STARTTLS-style upgrade). */
export function upgradeTls(
  socket: Socket,
  host: string,
  conn: Pick<ConnectionOptions, 'trust'>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<TLSSocket> {
  let secure: TLSSocket | undefined
  return bounded<TLSSocket>(
    {
      signal,
      timeoutMs,
      onTimeout: () => ({ code: 'ETLSTIMEOUT', message: `The TLS handshake did not finish within ${timeoutMs} ms` }),
      cleanup: () => {
        secure?.destroy()
        socket.destroy()
      },
    },
    (resolve, reject) => {
      const tls = tlsConnect({ ...tlsOptions(host, conn), socket })
      secure = tls
      const presented = keepPeerCertificate(tls)
      tls.once('error', (e) => {
        const certificate = certificateInfo(presented())
        reject(new ProbeFailure(factsFrom(e, certificate ? { certificate } : {})))
      })
      tls.once('secureConnect', () => {
        resolve(tls)
      })
    },
  )
}
