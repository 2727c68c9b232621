import type { Cause } from '../../shared/diagnosis.js'
import { PROVIDERS, type ProviderId } from '../../shared/providers.js'
import type { CertificateInfo } from '../../shared/report.js'

/** Host names of the known providers' servers: their certificates rotate, so a pin would break. */
const PROVIDER_HOSTS = new Set(
  PROVIDERS.flatMap((p) => [
    ...Object.values(p.incoming).map((s) => s.host.toLowerCase()),
    ...p.outgoing.map((s) => s.host.toLowerCase()),
  ]),
)

/**
 * Whether "Trust this certificate for host:port" may be offered after a certificate failure: never
 * for a known provider (by address or by server name), never for a pinned key that changed, and only
 * where a pin can help: a wrong name on an otherwise valid chain, or a chain that ends in a
 * self-signed certificate the server sent (the pin's anchor). A private CA the server does not send
 * needs the CA imported instead.
 */
export function canTrustCertificate(
  cause: Cause,
  code: string | undefined,
  certificate: CertificateInfo | undefined,
  server: { host: string },
  providerId: ProviderId | null,
): boolean {
  if (!certificate?.spki || providerId !== null || PROVIDER_HOSTS.has(server.host.toLowerCase())) return false
  if (code === 'CERT_PIN_MISMATCH') return false
  if (cause === 'certificate_hostname_mismatch') return true
  return cause === 'certificate_untrusted' && certificate.anchor !== undefined
}
