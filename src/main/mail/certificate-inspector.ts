import type { CertificateInfo } from '../../shared/report.js'
import { keepPeerCertificate } from './open-socket.js'
import { certificateInfo } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import { secondLookSocket } from './proxy/second-look.js'

/**
 * Fetches the certificate a server presented after it FAILED verification, so the user can see its
 * subject, issuer, validity and fingerprint (and, later, pin it: DESIGN.md "trust this certificate").
 * A handshake with verification on, as every probe makes it; the certificate is read as the handshake
 * ends and the connection closes at once, with no byte of application data written.
 */
export async function inspectCertificate(
  host: string,
  port: number,
  conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>,
  timeoutMs: number,
): Promise<CertificateInfo | undefined> {
  const socket = await secondLookSocket(host, port, conn, timeoutMs)
  if (!socket) return undefined
  return new Promise((resolve) => {
    const presented = keepPeerCertificate(socket)
    const done = (): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(certificateInfo(presented()))
    }
    const timer = setTimeout(done, timeoutMs)
    socket.once('secureConnect', done)
    socket.once('error', done)
  })
}

/** Node's verification failures that come with a certificate worth showing. */
export function isCertificateError(code: string | undefined): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/.test(code ?? '')
}
