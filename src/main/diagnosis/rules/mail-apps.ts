import type { Cause } from '../../../shared/diagnosis.js'
import type { Facts } from '../facts.js'

/**
 * What mail apps show when they give the user their own words instead of the server's: Thunderbird,
 * Apple Mail (macOS and iOS), Outlook's hexadecimal error numbers, phones' mail apps. A server text
 * quoted with them still decides first (the rule families run before these).
 */

/** The app says the login was refused. */
export const APP_LOGIN_REFUSED = new RegExp(
  [
    // Thunderbird: 'Login to server imap.x.com with username "alice" failed.', "Login to server x failed."
    'Login to server \\S+ (?:with .{1,120}? )?failed',
    'Unable to authenticate to Outgoing server',
    // Apple Mail: 'The server "imap.x.com" rejected the password for user "alice"'
    'rejected the password',
    // iOS Mail: 'Cannot Get Mail — The user name or password for "imap.x.com" is incorrect.'
    '(?:user ?name|username) or password for .{1,120}? (?:is|are) incorrect',
    // Outlook: "Your e-mail server rejected your login."
    'rejected your login',
    // Android apps (Gmail, Samsung Email): "Couldn't sign in", "Authentication failed" (the latter in rules/account.ts)
    "Couldn'?t sign in",
  ].join('|'),
  'i',
)

/** The app could not reach the server at all. */
export const APP_CANNOT_CONNECT = new RegExp(
  [
    // Thunderbird: "…because connecting to Outgoing server (SMTP) x failed. The server may be unavailable or is refusing SMTP connections."
    'is refusing SMTP connections',
    // Thunderbird and iOS: "Connection to server x timed out", 'The mail server "x" is not responding.'
    'mail server .{1,120}? is not responding',
    // Outlook: "Outlook cannot connect to your outgoing (SMTP) e-mail server", "…unable to connect to…"
    '(?:cannot|unable to) connect to your (?:outgoing|incoming)',
  ].join('|'),
  'i',
)

/** The app says the connection dropped. */
export const APP_CONNECTION_DROPPED = /unexpectedly terminated the connection|connection to the server was interrupted/i

/**
 * Outlook's (and Outlook Express's) transport error numbers, from the IXP_E_* / SMTP_E_* / POP3_E_*
 * constants of its Internet Mail API: each names the failing step, whatever words surround it.
 */
const OUTLOOK_CODES: Readonly<Record<string, Cause>> = {
  // POP3_INVALID_PASSWORD, POP3_INVALID_USER_NAME, POP3_RESPONSE_ERROR (the server refused the login)
  '800CCC92': 'invalid_credentials',
  '800CCC91': 'invalid_credentials',
  '800CCC90': 'invalid_credentials',
  // IXP_E_FAILED_TO_CONNECT; SMTP and POP3 "unable to connect" (a blocked port, most often)
  '800CCC0E': 'connection_timeout',
  '80042109': 'connection_timeout',
  '80042108': 'connection_timeout',
  // IXP_E_TIMEOUT; "timed out waiting for a response from the sending (SMTP) server"
  '800CCC19': 'connection_timeout',
  '8004210B': 'connection_timeout',
  // IXP_E_CONNECTION_DROPPED: "Your server has unexpectedly terminated the connection"
  '800CCC0F': 'connection_reset',
  // IXP_E_CANT_FIND_HOST
  '800CCC0D': 'dns_not_found',
  // IXP_E_SERVER_TOO_BUSY
  '800CCC0B': 'server_unavailable',
  // IXP_E_SICILY_LOGON_FAILED / "None of the authentication methods supported by this client are supported by your server"
  '800CCC18': 'auth_mechanism_unsupported',
  '800CCC80': 'auth_mechanism_unsupported',
  // SSL: the encryption setting does not match the server
  '800CCC1A': 'tls_mode_mismatch',
  '800CCC7D': 'tls_mode_mismatch',
  // SMTP_E_* : sender refused, recipient refused
  '800CCC78': 'sender_not_allowed',
  '800CCC79': 'relay_denied',
}

/** The cause an Outlook error number names, if the text carries one. */
export function outlookCode(f: Facts): Cause | undefined {
  for (const m of f.all.matchAll(/\b0x([0-9A-F]{8})\b/gi)) {
    const cause = OUTLOOK_CODES[(m[1] ?? '').toUpperCase()]
    if (cause) return cause
  }
  return undefined
}
