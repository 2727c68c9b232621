import type { CertificateInfo } from '../../shared/report.js'

function day(iso: string): string {
  return iso.slice(0, 10)
}

/**
 * What a person needs to judge a certificate (and what they would compare with the provider, or pin
 * later): who it names, who vouches for it, when it is valid, and its SHA-256 fingerprint.
 */
export function certificateSummary(c: CertificateInfo): string {
  const names = c.altNames.length ? ` for ${c.altNames.slice(0, 5).join(', ')}` : ''
  return `Certificate: ${c.subject || '(no subject)'}${names}; issued by ${c.issuer || '(unknown issuer)'}; valid ${day(c.validFrom)} to ${day(c.validTo)}; SHA-256 ${c.fingerprint256}.`
}
