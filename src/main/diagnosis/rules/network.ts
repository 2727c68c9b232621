import { code, either, has, type Rule } from '../facts.js'
import { CLOSED, CONNECT_REFUSED, NAME_UNKNOWN, TIMED_OUT } from './client-stacks.js'
import { APP_CANNOT_CONNECT, APP_CONNECTION_DROPPED } from './mail-apps.js'

/**
 * Transport failures, by Node/libc code where there is one and by text for pasted errors (Python's
 * socket errors, PHP stream errors). Timeouts come before resets: Python reports a read timeout as
 * "Connection unexpectedly closed: timed out".
 */
export const NETWORK_RULES: readonly Rule[] = [
  {
    cause: 'dns_not_found',
    when: either(
      code('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL', 'EDNS', 'EDNSTIMEOUT'),
      has(
        /getaddrinfo|Name or service not known|nodename nor servname|No such host|Unknown host|could not resolve|host not found|NXDOMAIN|gaierror|Temporary failure in name resolution/i,
      ),
      has(NAME_UNKNOWN),
    ),
  },
  {
    cause: 'connection_refused',
    when: either(
      code('ECONNREFUSED'),
      has(/ECONNREFUSED|connection (was )?refused|actively refused/i),
      has(CONNECT_REFUSED),
    ),
  },
  {
    cause: 'connection_timeout',
    when: either(
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
      ),
      has(
        /timed? ?out|timeout|Greeting never received|did not properly respond after a period of time|network is unreachable|no route to host|EHOSTUNREACH|ENETUNREACH/i,
      ),
      has(TIMED_OUT),
      has(APP_CANNOT_CONNECT),
    ),
  },
  {
    cause: 'connection_reset',
    when: either(
      code('ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'),
      has(
        /ECONNRESET|socket hang up|connection (was )?(reset|closed|aborted)|closed the connection|Unexpected (socket )?close|unexpectedly (closed|disconnected)|socket disconnected before secure TLS|EPIPE|broken pipe|EOF occurred in violation of protocol|unexpected eof/i,
      ),
      has(CLOSED),
      has(APP_CONNECTION_DROPPED),
    ),
  },
]

/** An SMTP reply code at the start of a line or after a separator ("S: 550-…", "failed: 421 …"). */
const REPLY_5XX = /(?:^|[\s:'"(])5\d\d[ -]/m
const REPLY_4XX = /(?:^|[\s:'"(])4\d\d[ -]/m

/**
 * Last resort for any 4xx reply or busy/maintenance wording that nothing above explained. A permanent 5xx
 * reply that merely adds "try again later" (GMX's "550 Failure sending mail. Try again later", MailKit#968)
 * is not a busy server: that stays unknown rather than sending the user off to wait.
 */
export const TEMPORARY_RULE: Rule = {
  cause: 'server_unavailable',
  when: (f) =>
    (!REPLY_5XX.test(f.all) || REPLY_4XX.test(f.all)) &&
    either(
      code('421'),
      has(
        /^\s*4\d\d[ -]|\b421[ -]|try again later|server (is )?busy|system (is )?busy|shutting down|temporar(il)?y (unavailable|failure|error)|Temporary server error/i,
      ),
    )(f),
}
