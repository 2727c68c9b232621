import type { Cause } from '../../shared/diagnosis.js'
import type { DiagnosisInput } from './input.js'

/** Ports where the server speaks TLS from the first byte (RFC 8314). */
export const IMPLICIT_TLS_PORTS: ReadonlySet<number> = new Set([465, 993, 995])
/** Ports where the server greets in plaintext and offers STARTTLS/STLS. */
export const STARTTLS_PORTS: ReadonlySet<number> = new Set([25, 587, 143, 110])

interface Facts {
  /** Server text, message and code in one string, for text rules. */
  all: string
  /** The given code and every code-shaped word of the text. */
  codes: readonly string[]
  input: DiagnosisInput
}

interface Rule {
  cause: Cause
  when: (f: Facts) => boolean
}

const has =
  (re: RegExp) =>
  (f: Facts): boolean =>
    re.test(f.all)
const code =
  (...wanted: string[]) =>
  (f: Facts): boolean =>
    f.codes.some((c) => wanted.includes(c))

const CERT_UNTRUSTED_CODES = [
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

/** A read of a greeting or handshake that never came, where the other TLS mode would have worked. */
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
 * Ordered rules: the first that matches names the cause. Structured codes first (they are exact), then
 * provider texts from the most to the least specific, then generic auth and network fallbacks.
 */
const RULES: readonly Rule[] = [
  // --- certificates (Node's verify codes, or their messages in pasted text)
  { cause: 'certificate_expired', when: (f) => code('CERT_HAS_EXPIRED')(f) || has(/certificate has expired/i)(f) },
  {
    cause: 'certificate_hostname_mismatch',
    when: (f) =>
      code('ERR_TLS_CERT_ALTNAME_INVALID')(f) ||
      has(/does not match certificate'?s altnames|altname|hostname mismatch/i)(f),
  },
  {
    cause: 'certificate_untrusted',
    when: (f) =>
      code(...CERT_UNTRUSTED_CODES)(f) ||
      has(
        /self[- ]signed certificate|unable to verify the first certificate|unable to get local issuer|certificate (is )?not trusted|certificate verify failed/i,
      )(f),
  },
  // --- the wrong TLS mode for the port
  {
    cause: 'tls_mode_mismatch',
    when: (f) =>
      has(
        /wrong version number|packet length too long|unknown protocol|ssl3_get_record|tls_validate_record_header|record layer failure|http request|Maybe should use TLS|does not support STARTTLS|does not offer STL?S|STARTTLS.{0,40}(not supported|unrecognized|not implemented|not available)|ESTARTTLS/i,
      )(f) || wrongModeByPort(f),
  },
  // --- provider texts, most specific first
  {
    cause: 'web_login_required',
    when: has(
      /log ?in via your web ?browser|WebLoginRequired|5\.7\.14|Please log in with your web browser|sign in (to|with) your (web )?browser|verify your account.{0,40}(web|browser)/i,
    ),
  },
  {
    cause: 'app_password_required',
    when: has(
      /Application-specific password|app(lication)? password (is )?required|InvalidSecondFactor|5\.7\.9\b|requires? an app password|use an app password/i,
    ),
  },
  {
    cause: 'oauth_token_invalid',
    when: has(
      /invalid_grant|invalid_token|token (has been )?(expired|revoked)|Token has been expired or revoked|"status":"40[01]"|eyJzdGF0dXMiOiI0MD|XOAUTH2 (auth(entication)? )?fail|OAUTHBEARER.{0,30}fail|access token (is )?(invalid|expired)/i,
    ),
  },
  {
    cause: 'smtp_auth_disabled',
    when: has(
      /SmtpClientAuthentication is disabled|5\.7\.139|SMTP AUTH (is )?disabled|basic authentication is disabled|Authenticated SMTP (is )?disabled|SMTP client authentication (is )?disabled/i,
    ),
  },
  {
    cause: 'imap_disabled',
    when: has(
      /not enabled for IMAP|IMAP (access )?(is )?(disabled|not enabled)|enable IMAP|IMAP access is disabled|IMAP use|IMAP (is )?not allowed/i,
    ),
  },
  {
    cause: 'pop_disabled',
    when: has(/not enabled for POP|POP3? (access )?(is )?(disabled|not enabled)|enable POP|POP access/i),
  },
  {
    cause: 'too_many_connections',
    when: has(
      /too many (simultaneous |concurrent |open )?connections|maximum number of connections|connection limit|\[LIMIT\]|Too many connections from your IP|mail_max_userip_connections/i,
    ),
  },
  {
    cause: 'sending_limit',
    when: has(
      /sending limit|5\.4\.5\b|Daily user sending (quota|limit)|message limit exceeded|quota exceeded for sending|550 5\.7\.708|5\.7\.708|OutboundSpamException|exceeded.{0,40}(sending|recipient) (limit|rate)/i,
    ),
  },
  {
    cause: 'account_disabled',
    when: has(
      /account (has been |is )?(disabled|suspended|locked|blocked|deactivated)|AccountDisabled|user (is )?disabled|mailbox (is )?disabled|5\.2\.1 .{0,40}disabled|\[CONTACTADMIN\]/i,
    ),
  },
  {
    cause: 'rate_limited',
    when: has(
      /too many (login|authentication|failed) (attempts|failures)|rate limit|rate-limited|throttl|slow down|4\.7\.0 Temporary System Problem|\[THROTTLED\]|Too many (bad|invalid) (auth|login)|temporarily blocked|try again in \d+ (seconds|minutes)/i,
    ),
  },
  // --- sender and relay (an SMTP transaction after login)
  {
    cause: 'sender_not_allowed',
    when: has(
      /Sender address rejected|not (allowed|authorized|authorised|permitted) to send (as|from|on behalf)|SendAsDenied|5\.7\.60|sender (is )?not (allowed|authorized|owned)|not owned by (the )?(auth(enticated)? )?user|Sender address is not allowed|From address (is )?not (verified|allowed)|553 5\.7\.1|Sender verify failed|5\.7\.1 .{0,40}sender/i,
    ),
  },
  {
    cause: 'relay_denied',
    when: has(
      /relay(ing)? (access )?(denied|not permitted|prohibited)|Unable to relay|5\.7\.1 Relaying denied|we do not relay|relay not allowed|554 5\.7\.1 .{0,40}relay|Relay access denied/i,
    ),
  },
  {
    cause: 'starttls_required',
    when: has(
      /Must issue a STARTTLS command first|STARTTLS (is )?required|PRIVACYREQUIRED|Plaintext authentication disallowed|LOGINDISABLED|encryption required|requires? (a )?(secure|encrypted|TLS) connection|TLS required|530 5\.7\.0 .{0,20}STARTTLS|5\.7\.11 Encryption/i,
    ),
  },
  {
    cause: 'auth_required_before_send',
    when: has(
      /Authentication required|5\.7\.0 Must authenticate|SMTP AUTH (is )?required|Client not authenticated|5\.7\.57|530 5\.7\.0\b|530 Authentication|not authenticated|authentication is required|Please authenticate/i,
    ),
  },
  {
    cause: 'auth_mechanism_unsupported',
    when: has(
      /Unrecognized authentication type|5\.7\.4\b|authentication mechanism (is )?not supported|No supported authentication (methods|mechanisms)|Unsupported authentication mechanism|Authentication method not supported|offers no password login|ENOAUTHMECH|Authentication (method|mechanism) (is )?too weak|5\.7\.9 Authentication mechanism/i,
    ),
  },
  // --- credentials (after the specific texts above)
  {
    cause: 'invalid_credentials',
    when: (f) =>
      f.input.authFailed === true ||
      code('EAUTH')(f) ||
      has(
        /Invalid credentials|AUTHENTICATIONFAILED|Username and Password not accepted|BadCredentials|5\.7\.8\b|\b535\b|Authentication (failed|unsuccessful|credentials invalid)|Invalid (login|user(name)? or password|password)|LOGIN failed|incorrect (username|password|authentication)|wrong (username|password)|bad (username|password)|-ERR \[AUTH\]|\[AUTH\]|authentication rejected|Login (failure|incorrect)|password (is )?incorrect|AUTHENTICATE failed/i,
      )(f),
  },
  // --- network (codes are exact; texts for pasted errors)
  {
    cause: 'dns_not_found',
    when: (f) =>
      code('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EDNS', 'EDNSTIMEOUT')(f) ||
      has(
        /getaddrinfo|Name or service not known|nodename nor servname|No such host|Unknown host|could not resolve|host not found|NXDOMAIN/i,
      )(f),
  },
  {
    cause: 'connection_refused',
    when: (f) => code('ECONNREFUSED')(f) || has(/ECONNREFUSED|connection refused|actively refused/i)(f),
  },
  {
    cause: 'connection_reset',
    when: (f) =>
      code('ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC')(f) ||
      has(
        /ECONNRESET|socket hang up|connection (was )?(reset|closed|aborted)|closed the connection|Unexpected (socket )?close|client network socket disconnected|EPIPE|broken pipe/i,
      )(f),
  },
  {
    cause: 'connection_timeout',
    when: (f) =>
      code(
        'ETIMEDOUT',
        'CONNECT_TIMEOUT',
        'GREETING_TIMEOUT',
        'UPGRADE_TIMEOUT',
        'ESOCKETTIMEDOUT',
        'ETLSTIMEOUT',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'EHOSTDOWN',
      )(f) ||
      has(
        /timed? ?out|timeout|EHOSTUNREACH|ENETUNREACH|network is unreachable|no route to host|Greeting never received/i,
      )(f),
  },
  {
    cause: 'server_unavailable',
    when: has(
      /^4\d\d\b|\b421\b|service (not|temporarily) (available|unavailable)|4\.3\.2|temporar(il)?y (unavailable|failure|error)|\[UNAVAILABLE\]|try again later|server (is )?busy|system (is )?busy|shutting down|\[INUSE\]|\[SERVERBUG\]|internal server error/i,
    ),
  },
]

/** Node-style error codes in free text ("getaddrinfo ENOTFOUND smtp.gmial.com" → ENOTFOUND). */
export function codesInText(text: string): string[] {
  return (
    text.match(
      /\b(?:E[A-Z]{3,}[A-Z_]*|ERR_[A-Z_]+|[A-Z]+(?:_[A-Z]+)*_CERT(?:_[A-Z]+)*|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|[A-Z]+_TIMEOUT)\b/g,
    ) ?? []
  )
}

/** Maps a failure to exactly one cause from the vocabulary. */
export function classify(input: DiagnosisInput): Cause {
  const text = `${input.text}\n${input.message ?? ''}`
  const codes = [...(input.code ? [input.code] : []), ...codesInText(text)]
  const facts: Facts = { all: `${text}\n${input.code ?? ''}`, codes, input }
  return RULES.find((r) => r.when(facts))?.cause ?? 'unknown'
}
