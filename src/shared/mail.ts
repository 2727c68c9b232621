import { z } from 'zod'

/**
 * Transport security, always explicit:
 * - `tls`: implicit TLS from the first byte (465, 993, 995);
 * - `starttls`: plaintext greeting, then a required upgrade before any credential (587, 143, 110);
 * - `none`: no encryption, only after an explicit, warned opt-in. Never chosen by default.
 */
export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const
export const SecuritySchema = z.enum(SECURITY_MODES)
export type Security = z.infer<typeof SecuritySchema>

export const INCOMING_PROTOCOLS = ['imap', 'pop3'] as const
export const IncomingProtocolSchema = z.enum(INCOMING_PROTOCOLS)
export type IncomingProtocol = z.infer<typeof IncomingProtocolSchema>
export type Protocol = IncomingProtocol | 'smtp'

const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/
/** An internationalised label (IDNA): letters, marks and digits of any script, and hyphens. */
const IDN_LABEL = /^(?!-)[\p{L}\p{M}\p{N}-]{1,63}(?<!-)$/u
/**
 * Never in an address, a login name or a host name: control and format characters (the bidi overrides
 * and isolates U+202A–U+202E, U+2066–U+2069, zero-width characters) and line/paragraph separators.
 * `\u202Egmail.com@evil.test` displays reversed, as if it were an address at gmail.com (issue 12).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

/** Whether `text` holds a control, format (bidi, zero-width) or separator character. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text)
}
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/

/**
 * A DNS name (RFC 1123 labels, at most 253 characters), an internationalised one (IDNA labels of
 * letters, marks and digits, such as `bücher.example`: main converts it to punycode before use, see
 * src/main/host-names.ts), or an IPv4/IPv6 literal; nothing else. Pure, so the page and main give the
 * same verdict.
 */
export function isValidHost(host: string): boolean {
  if (host.length === 0 || host.length > 253 || hasInvisible(host)) return false
  if (IPV4.test(host)) return true
  if (host.includes(':')) return IPV6.test(host) && host.split(':').length >= 3
  const labels = host.replace(/\.$/, '').split('.')
  const label = (l: string): boolean => HOST_LABEL.test(l) || (/[^\u0020-\u007e]/.test(l) && IDN_LABEL.test(l))
  return labels.every(label) && !/^\d+$/.test(labels[labels.length - 1] ?? '')
}

export const HostSchema = z
  .string()
  .trim()
  .max(253, 'A server name is at most 253 characters.')
  .refine(isValidHost, 'Enter a server name like imap.gmail.com (letters, digits, dots and dashes only).')

export const PortSchema = z
  .number({ error: 'The port must be a number.' })
  .int('The port must be a whole number.')
  .min(1, 'The port must be between 1 and 65535.')
  .max(65535, 'The port must be between 1 and 65535.')

/** Local part and domain, bounded (RFC 5321: 64 + 1 + 255 at most, 254 in practice); no spaces or CR/LF. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254, 'An email address is at most 254 characters.')
  .refine((s) => {
    const at = s.lastIndexOf('@')
    if (at < 1 || at > 64) return false
    const local = s.slice(0, at)
    return (
      /^[^\s@"(),:;<>[\\\]]+$/.test(local) &&
      !hasInvisible(local) &&
      isValidHost(s.slice(at + 1)) &&
      s.slice(at + 1).includes('.')
    )
  }, 'Enter an email address like name@gmail.com.')

export const UsernameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the username.')
  .max(320, 'The username is at most 320 characters.')
  .refine((s) => !/[\r\n\0]/.test(s), 'The username cannot contain line breaks.')
  .refine((s) => !hasInvisible(s), 'The username cannot contain invisible or control characters.')

/** Secrets travel renderer → main only; 1024 characters bounds any real password or token paste. */
export const PasswordSchema = z
  .string()
  .min(1, 'Enter the password.')
  .max(1024, 'That is too long to be a password (at most 1024 characters).')
  .refine((s) => !/[\r\n\0]/.test(s), 'The password cannot contain line breaks.')

export const ServerSchema = z.strictObject({
  host: HostSchema,
  port: PortSchema,
  security: SecuritySchema,
})
export type Server = z.infer<typeof ServerSchema>

export const IncomingServerSchema = z.strictObject({
  protocol: IncomingProtocolSchema,
  host: HostSchema,
  port: PortSchema,
  security: SecuritySchema,
})
export type IncomingServer = z.infer<typeof IncomingServerSchema>

export { sameServer } from './same-server.js'

/**
 * The live stages of a connection test, in order. Not every stage applies to every test: `authorizing`
 * (getting or refreshing an OAuth access token) only to OAuth sign-ins, `tls`/`starttls` by security
 * mode, `sender` (MAIL FROM/RCPT TO without sending) only to a sender check.
 */
export const STAGES = [
  'authorizing',
  'dns',
  'connect',
  'tls',
  'greeting',
  'starttls',
  'auth',
  'sender',
  'ready',
] as const
export type Stage = (typeof STAGES)[number]

/** How a login proves itself: a password (or app password), or an OAuth 2.0 access token (SASL XOAUTH2/OAUTHBEARER). */
export type AuthKind = 'password' | 'oauth2'

/** The stages a test will pass through, so the UI can show them all before the first one starts. */
export function plannedStages(
  security: Security,
  how: { auth?: AuthKind | undefined; senderCheck?: boolean | undefined } = {},
): Stage[] {
  const first: Stage[] = how.auth === 'oauth2' ? ['authorizing'] : []
  const login: Stage[] = how.senderCheck ? ['auth', 'sender', 'ready'] : ['auth', 'ready']
  switch (security) {
    case 'tls':
      return [...first, 'dns', 'connect', 'tls', 'greeting', ...login]
    case 'starttls':
      return [...first, 'dns', 'connect', 'greeting', 'starttls', ...login]
    case 'none':
      return [...first, 'dns', 'connect', 'greeting', ...login]
  }
}

/** The two halves of a mail account: receiving (IMAP or POP3) and sending (SMTP). */
export type Side = 'incoming' | 'outgoing'
