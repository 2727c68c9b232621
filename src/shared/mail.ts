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
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/

/** A DNS name (RFC 1123 labels, at most 253 characters) or an IPv4/IPv6 literal; nothing else. */
export function isValidHost(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false
  if (IPV4.test(host)) return true
  if (host.includes(':')) return IPV6.test(host) && host.split(':').length >= 3
  const labels = host.replace(/\.$/, '').split('.')
  return labels.every((l) => HOST_LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1] ?? '')
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
    return /^[^\s@"(),:;<>[\\\]]+$/.test(local) && isValidHost(s.slice(at + 1)) && s.slice(at + 1).includes('.')
  }, 'Enter an email address like name@gmail.com.')

export const UsernameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the username.')
  .max(320, 'The username is at most 320 characters.')
  .refine((s) => !/[\r\n\0]/.test(s), 'The username cannot contain line breaks.')

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

/**
 * The live stages of a connection test, in order. Not every stage applies to every test: `authorizing`
 * (getting or refreshing an OAuth access token) only to OAuth sign-ins, `tls`/`starttls` by security mode.
 */
export const STAGES = ['authorizing', 'dns', 'connect', 'tls', 'greeting', 'starttls', 'auth', 'ready'] as const
export type Stage = (typeof STAGES)[number]

/** How a login proves itself: a password (or app password), or an OAuth 2.0 access token (SASL XOAUTH2/OAUTHBEARER). */
export type AuthKind = 'password' | 'oauth2'

/** The stages a test will pass through, so the UI can show them all before the first one starts. */
export function plannedStages(security: Security, auth: AuthKind = 'password'): Stage[] {
  const first: Stage[] = auth === 'oauth2' ? ['authorizing'] : []
  switch (security) {
    case 'tls':
      return [...first, 'dns', 'connect', 'tls', 'greeting', 'auth', 'ready']
    case 'starttls':
      return [...first, 'dns', 'connect', 'greeting', 'starttls', 'auth', 'ready']
    case 'none':
      return [...first, 'dns', 'connect', 'greeting', 'auth', 'ready']
  }
}

/** The two halves of a mail account: receiving (IMAP or POP3) and sending (SMTP). */
export type Side = 'incoming' | 'outgoing'
