import { createHash, X509Certificate } from 'node:crypto'
import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls'
import { isCertificateError } from './certificate-inspector.js'
import type { FailureFacts } from './probe-failure.js'

/**
 * The pin of a certificate: `sha256/` + base64 SHA-256 of its SubjectPublicKeyInfo (DER), the form of
 * HPKP (RFC 7469 §2.4) and curl's --pinnedpubkey. It names the key, so a renewed certificate with the
 * same key keeps its pin, and any other key (an interceptor's, a swapped server's) does not match.
 */
export function spkiPin(raw: Buffer): string {
  const spki = new X509Certificate(raw).publicKey.export({ type: 'spki', format: 'der' })
  return `sha256/${createHash('sha256').update(spki).digest('base64')}`
}

/** A certificate (DER) as PEM. */
export function pem(raw: Buffer): string {
  return new X509Certificate(raw).toString()
}

/**
 * The certificate the presented chain ends in, when it vouches for itself (a self-signed server
 * certificate, or a private root the server sent along): trusting it for this one server, together
 * with the pin, lets the handshake be verified in full. Undefined when the chain ends in a certificate
 * that names an issuer the server did not send (only importing that CA helps then).
 */
export function chainAnchor(cert: PeerCertificate | DetailedPeerCertificate): Buffer | undefined {
  let current = cert as DetailedPeerCertificate
  for (let depth = 0; depth < 10; depth++) {
    const issuer = current.issuerCertificate as DetailedPeerCertificate | undefined
    if (!issuer || issuer.fingerprint256 === current.fingerprint256) break
    current = issuer
  }
  if (!current.raw) return undefined
  const x = new X509Certificate(current.raw)
  return x.checkIssued(x) && x.verify(x.publicKey) ? current.raw : undefined
}

/** Thrown from checkServerIdentity when the server's key is not the one the user trusted. */
export interface PinMismatch extends Error {
  code: 'CERT_PIN_MISMATCH'
  pinned: string
  presented: string
}

/**
 * checkServerIdentity for a server with pinned keys. Node calls it only after the chain verified (to a
 * public CA, an imported office CA, or the pinned certificate's own anchor), so the handshake stays
 * complete; then the key decides. Node's own name check runs first, as for any server; a certificate
 * for another name still passes when its key is the pinned one, because the user trusted exactly that
 * certificate for this host and port. Any other key fails with "the certificate changed" and both
 * pins, whatever the name says.
 */
export function pinnedIdentity(pins: readonly string[]): (host: string, cert: PeerCertificate) => Error | undefined {
  return (host, cert) => {
    const nameProblem = checkServerIdentity(host, cert)
    const presented = cert.raw ? spkiPin(cert.raw) : 'unknown'
    if (pins.includes(presented)) return undefined
    const error = new Error(
      `The certificate of ${host} changed: you trusted ${pins.join(' or ')}, the server now presents ${presented}`,
    ) as PinMismatch
    error.code = 'CERT_PIN_MISMATCH'
    error.pinned = pins[0] ?? ''
    error.presented = presented
    // the name problem, if any, is secondary: a changed key is reason enough to stop
    if (nameProblem) error.cause = nameProblem
    return error
  }
}

/**
 * The certificate facts of a failure, read against the server's pins:
 * - a pinned server whose chain failed verification with another key is "the certificate changed"
 *   (the anchor trusted with the pin does not vouch for a new self-signed certificate, so the pin
 *   check itself never ran);
 * - a chain that verified (a wrong name, a changed pin) needs no anchor to be pinned: none is offered.
 */
export function certificateFacts(facts: FailureFacts, pins: readonly string[] | undefined, host: string): FailureFacts {
  const cert = facts.certificate
  if (!cert) return facts
  if (
    pins?.length &&
    cert.spki &&
    !pins.includes(cert.spki) &&
    facts.code !== 'CERT_PIN_MISMATCH' &&
    isCertificateError(facts.code)
  ) {
    return {
      ...facts,
      code: 'CERT_PIN_MISMATCH',
      message: `The certificate of ${host} changed: you trusted ${pins.join(' or ')}, the server now presents ${cert.spki}`,
    }
  }
  if (facts.code === 'ERR_TLS_CERT_ALTNAME_INVALID' || facts.code === 'CERT_PIN_MISMATCH') {
    const { anchor: _unneeded, ...verified } = cert
    return { ...facts, certificate: verified }
  }
  return facts
}
