import { connect, type TLSSocket } from 'node:tls'
import type { CertificateInfo } from '../../shared/mail.js'
import { certificateInfo } from './probe-failure.js'

/**
 * Fetches the certificate a server presented after it FAILED verification, so the user can see its
 * subject, issuer, validity and fingerprint (and, later, pin it: DESIGN.md "trust this certificate").
 *
 * Node destroys a socket whose certificate fails verification before the certificate can be read, so
 * this makes a second handshake with verification off. That connection is never used: no byte of
 * application data is written, it closes as soon as the handshake ends, and its only output is the
 * certificate's public facts. Every connection that carries a credential keeps full verification.
 */
export function inspectCertificate(
  address: string,
  port: number,
  host: string,
  timeoutMs: number,
): Promise<CertificateInfo | undefined> {
  return new Promise((resolve) => {
    const socket: TLSSocket = connect({
      host: address,
      port,
      ...(host !== address ? { servername: host } : {}),
      // inspection only, see above: nothing is sent over this connection
      rejectUnauthorized: false,
    })
    const done = (info: CertificateInfo | undefined): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve(info)
    }
    const timer = setTimeout(() => done(undefined), timeoutMs)
    socket.once('secureConnect', () => done(certificateInfo(socket.getPeerCertificate())))
    socket.once('error', () => done(undefined))
  })
}

/** Node's verification failures that come with a certificate worth showing. */
export function isCertificateError(code: string | undefined): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/.test(code ?? '')
}
