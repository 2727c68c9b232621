import { X509Certificate } from 'node:crypto'
import type { TrustedCa } from '../../shared/connection.js'

/** Why a file cannot be an office CA, in words for the person who picked it. */
export class NotACaCertificate extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotACaCertificate'
  }
}

/**
 * An office CA certificate (PEM) as the account keeps it: the certificate, who it names and its
 * SHA-256. Only a CA (basicConstraints CA:TRUE) is taken: a server certificate is trusted by pinning
 * it for its host and port, not by making it a CA for every server of the account.
 */
export function readOfficeCa(pem: string): TrustedCa {
  let x: X509Certificate
  try {
    x = new X509Certificate(pem)
  } catch {
    throw new NotACaCertificate('That file is not a certificate in PEM form (-----BEGIN CERTIFICATE-----).')
  }
  if (!x.ca) {
    throw new NotACaCertificate(
      `${x.subject.replace(/\n/g, ', ')} is a server certificate, not a CA: use "Trust this certificate" on the server instead.`,
    )
  }
  if (Date.parse(x.validTo) < Date.now()) {
    throw new NotACaCertificate(`That CA certificate expired on ${new Date(x.validTo).toISOString().slice(0, 10)}.`)
  }
  return { pem: x.toString(), subject: x.subject.replace(/\n/g, ', '), fingerprint256: x.fingerprint256 }
}
