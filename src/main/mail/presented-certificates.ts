import type { Server } from '../../shared/mail.js'
import type { CertificateInfo } from '../../shared/report.js'
import { inspectCertificate } from './certificate-inspector.js'
import type { ConnectionOptions } from './protocol-options.js'

/**
 * The certificates implicit-TLS servers present right now (one handshake each, nothing else sent, the
 * proxy used if set), by `host:port`. For pins given by key alone (the CLI's --pin): a self-signed
 * server's own certificate is the anchor its pin needs for a fully verified handshake, and it is taken
 * only when its key is one of the pins. STARTTLS servers are not asked (the handshake follows a
 * protocol exchange); the app keeps the anchor from the failure the user saw instead.
 */
export async function presentedCertificates(
  servers: readonly Server[],
  conn: ConnectionOptions,
  timeoutMs: number,
): Promise<Map<string, CertificateInfo>> {
  const found = new Map<string, CertificateInfo>()
  const look = { ...conn, trust: { ...conn.trust, pins: undefined } }
  await Promise.all(
    servers
      .filter((s) => s.security === 'tls')
      .map(async (s) => {
        const cert = await inspectCertificate(s.host, s.port, look, timeoutMs)
        if (cert) found.set(`${s.host.toLowerCase()}:${s.port}`, cert)
      }),
  )
  return found
}
