import { code, either, has, type Facts, type Rule } from '../facts.js'
import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS } from '../../../shared/ports.js'
import {
  EXPIRED,
  HOSTNAME_MISMATCH,
  NO_STARTTLS as STACK_NO_STARTTLS,
  TLS_TO_PLAINTEXT as STACK_TLS_TO_PLAINTEXT,
  UNTRUSTED,
} from './client-stacks.js'

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
    when: either(code('CERT_HAS_EXPIRED'), has(/certificate (has |is )?expired/i), has(EXPIRED)),
  },
  {
    cause: 'certificate_hostname_mismatch',
    when: either(
      code('ERR_TLS_CERT_ALTNAME_INVALID'),
      has(
        /(does not|doesn'?t) match certificate'?s altnames|is not in the cert'?s (altnames|list)|Hostname mismatch|hostname '[^']*' doesn'?t match|NotValidForName|certificate is not valid for/i,
      ),
      has(HOSTNAME_MISMATCH),
    ),
  },
  {
    cause: 'certificate_untrusted',
    when: either(
      code(...UNTRUSTED_CODES),
      has(
        /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate|certificate verify failed|CERTIFICATE_VERIFY_FAILED|certificate (is )?not trusted|UnknownIssuer|ErrorCertificate|Certificate failure for/i,
      ),
      has(UNTRUSTED),
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

/**
 * A failure before the greeting, as a plaintext client reports it when it connected to an implicit-TLS
 * port (the server waits for a ClientHello, the client for "220"): Python's "Connection unexpectedly
 * closed", nodemailer's "Greeting never received", System.Net.Mail's "net_io_connectionclosed", PHP's
 * 'Expected response code "220" but got code ""'. A timeout while connecting is not one of them.
 */
const GREETING_LOST =
  /Greeting never received|Connection unexpectedly closed|unexpectedly (closed|disconnected)|net_io_connectionclosed|Expected response code "?220"? but got (code "?"|empty)|EOF caught while checking if connected|did not (send|receive) (a|the|its) greeting|Failed to receive greeting/i
/** The text shows the client used TLS from the start (so a lost greeting is something else). */
const CLIENT_USED_TLS =
  /\bssl:\/\/|\bsmtps:\/\/|\bimaps:\/\/|\bpop3s:\/\/|SMTP_SSL|IMAP4_SSL|POP3_SSL|SslOnConnect|secure:\s*true/i
const CONNECT_PHASE =
  /connect ETIMEDOUT|connection timed out|Failed to connect|i\/o timeout|Network is unreachable|No route to host/i

/** A port named in the text is evidence: a plaintext client lost its greeting on an implicit-TLS port. */
function greetingLostOnTlsPort(f: Facts): boolean {
  if (f.input.security !== undefined || f.port === undefined || !IMPLICIT_TLS_PORTS.has(f.port)) return false
  return GREETING_LOST.test(f.all) && !CLIENT_USED_TLS.test(f.all) && !CONNECT_PHASE.test(f.all)
}

/** The reverse: a client that spoke TLS first (ssl://, SMTP_SSL) to a STARTTLS port and got cut off. */
function tlsClientOnStarttlsPort(f: Facts): boolean {
  if (f.input.security !== undefined || f.port === undefined || !STARTTLS_PORTS.has(f.port)) return false
  return CLIENT_USED_TLS.test(f.all) && (GREETING_LOST.test(f.all) || /\bEOF\b|handshake (failed|failure)/i.test(f.all))
}

export const TLS_MODE_RULE: Rule = {
  cause: 'tls_mode_mismatch',
  // TLS_EXPECTED: the probes' second look found TLS on a port that never sent a plaintext greeting
  when: either(
    code('TLS_EXPECTED', 'ESTARTTLS'),
    has(TLS_TO_PLAINTEXT),
    has(STACK_TLS_TO_PLAINTEXT),
    has(NO_STARTTLS),
    has(STACK_NO_STARTTLS),
    wrongModeByPort,
    greetingLostOnTlsPort,
    tlsClientOnStarttlsPort,
  ),
}
