import type { LookupAddress } from 'node:dns'
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls'
import { bounded } from './bounded.js'
import { certificateInfo, factsFrom, ProbeFailure, type FailureFacts } from './probe-failure.js'
import { connectTarget, systemResolve, tlsOptions, type ConnectionOptions, type Resolve } from './protocol-options.js'

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

/**
 * Every address a server name resolves to, in the resolver's order (IP literals pass straight through);
 * fails with the resolver's error (ENOTFOUND…) or EDNSTIMEOUT after `timeoutMs`.
 */
export async function lookupHost(
  host: string,
  timeoutMs: number,
  signal: AbortSignal,
  resolver: Resolve = systemResolve,
): Promise<LookupAddress[]> {
  const family = isIP(host)
  if (family) return [{ address: host, family }]
  return bounded<LookupAddress[]>(
    {
      signal,
      timeoutMs,
      onTimeout: () => ({ code: 'EDNSTIMEOUT', message: `Looking up ${host} took longer than ${timeoutMs} ms` }),
      cleanup: () => undefined,
    },
    (resolve, reject) => {
      resolver(host).then(
        (list) =>
          list.length > 0
            ? resolve([...list])
            : reject(new ProbeFailure({ code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${host}` })),
        (e: unknown) => reject(new ProbeFailure(factsFrom(e))),
      )
    },
  )
}

/** The addresses as people read them: "::1, 127.0.0.1". */
export function addressList(addresses: readonly LookupAddress[]): string {
  return addresses.map((a) => a.address).join(', ')
}

/**
 * A failed Happy Eyeballs race as one set of facts. Node reports every attempt (an AggregateError with
 * no message of its own); an address that refused says more than one that stayed silent, so its code
 * wins: the port is closed there, which no firewall explains.
 */
function connectFacts(error: unknown, host: string, port: number): FailureFacts {
  const attempts = (error as { errors?: unknown }).errors
  if (!Array.isArray(attempts) || attempts.length === 0) return factsFrom(error)
  const facts = attempts.map((e) => factsFrom(e))
  const chosen = facts.find((f) => f.code === 'ECONNREFUSED') ?? facts.at(-1) ?? factsFrom(error)
  return {
    ...chosen,
    message: `Could not connect to ${host} port ${port} at any of its addresses: ${facts.map((f) => f.message).join('; ')}`,
  }
}

/**
 * Opens a TCP connection to `host` at one of `addresses` (connectTarget: Happy Eyeballs over all of
 * them); a black-holed port fails after `timeoutMs`, a closed one at once. The socket's
 * `remoteAddress` is the address that answered.
 */
export function connectTcp(
  target: { host: string; port: number; addresses: readonly LookupAddress[] },
  conn: Pick<ConnectionOptions, 'resolve'>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Socket> {
  const { host, port, addresses } = target
  let socket: Socket | undefined
  return bounded<Socket>(
    {
      signal,
      timeoutMs,
      onTimeout: () => ({
        code: 'ETIMEDOUT',
        message: `No answer from ${host} port ${port} (${addressList(addresses)}) within ${timeoutMs} ms`,
      }),
      cleanup: () => socket?.destroy(),
    },
    (resolve, reject) => {
      const s = netConnect(connectTarget(host, port, conn, addresses))
      socket = s
      s.once('error', (e) => reject(new ProbeFailure(connectFacts(e, host, port))))
      s.once('connect', () => resolve(s))
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
