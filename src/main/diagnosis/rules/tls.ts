import { code, either, has, type Facts, type Rule } from '../facts.js'
import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS } from '../../../shared/ports.js'

/** Node/OpenSSL verify codes for a chain that leads to no trusted root (tls.TLSSocket#authorizationError). */
const UNTRUSTED_CODES = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
]

/**
 * A greeting or handshake that never came, where the other TLS mode would have worked: an implicit-TLS
 * port waits for our ClientHello while we wait for its greeting, and a plaintext port greets while we
 * wait for its ServerHello. Needs the port and mode, so it only fires for probes (not pasted text).
 */
function wrongModeByPort(f: Facts): boolean {
  const { port, security, stage } = f.input
  if (port === undefined || security === undefined) return false
  const timedOut =
    f.codes.some((c) => /TIMEOUT|ETIMEDOUT/.test(c)) ||
    /timed? ?out|never received|Failed to receive greeting/i.test(f.all)
  if (!timedOut) return false
  if (security !== 'tls' && stage === 'greeting') return IMPLICIT_TLS_PORTS.has(port)
  if (security === 'tls' && stage === 'tls') return STARTTLS_PORTS.has(port)
  return false
}

/**
 * Certificates first: their codes are exact and their texts unmistakable. Expired and wrong-name are
 * checked before "untrusted" because Python and OpenSSL prefix all three with "certificate verify failed".
 */
export const CERTIFICATE_RULES: readonly Rule[] = [
  {
    cause: 'certificate_expired',
    when: either(code('CERT_HAS_EXPIRED'), has(/certificate (has |is )?expired/i)),
  },
  {
    cause: 'certificate_hostname_mismatch',
    when: either(
      code('ERR_TLS_CERT_ALTNAME_INVALID'),
      has(
        /(does not|doesn'?t) match certificate'?s altnames|is not in the cert'?s (altnames|list)|Hostname mismatch|hostname '[^']*' doesn'?t match|NotValidForName|certificate is not valid for/i,
      ),
    ),
  },
  {
    cause: 'certificate_untrusted',
    when: either(
      code(...UNTRUSTED_CODES),
      has(
        /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate|certificate verify failed|CERTIFICATE_VERIFY_FAILED|certificate (is )?not trusted|UnknownIssuer|ErrorCertificate|Certificate failure for/i,
      ),
    ),
  },
]

/**
 * We spoke TLS and the server answered in plaintext: OpenSSL reads "220 smtp…" as a record header and
 * reports a bad version (nodemailer#1154, uptime-kuma#140); Python says WRONG_VERSION_NUMBER. Exported
 * because it also tells the describer which mode was in use when a pasted text gives no settings.
 */
export const TLS_TO_PLAINTEXT =
  /wrong version number|WRONG_VERSION_NUMBER|packet length too long|GET_SERVER_HELLO:unknown protocol|ssl3_get_record|tls_validate_record_header|record layer failure/i

/**
 * The other way round: we wanted STARTTLS (or STLS) and the server does not offer it on this port
 * (imapflow: "Server does not support STARTTLS"; nodemailer and the POP3 probe: ESTARTTLS).
 */
const NO_STARTTLS =
  /STARTTLS extension not supported|does not (support|offer) (STARTTLS|STL?S)|STARTTLS.{0,40}(not supported|unrecognized|not implemented)|\bESTARTTLS\b/i

export const TLS_MODE_RULE: Rule = {
  cause: 'tls_mode_mismatch',
  // TLS_EXPECTED: the probes' second look found TLS on a port that never sent a plaintext greeting
  when: either(code('TLS_EXPECTED', 'ESTARTTLS'), has(TLS_TO_PLAINTEXT), has(NO_STARTTLS), wrongModeByPort),
}
