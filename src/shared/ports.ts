import type { Protocol, Security } from './mail.js'

/** The two encrypted modes a mail port is used with. */
export type TlsMode = Exclude<Security, 'none'>

/**
 * The registered port of each protocol in each TLS mode: implicit TLS per RFC 8314 §3.3 (465
 * submissions, 993 imaps, 995 pop3s), STARTTLS per RFC 6409 (587 submission), RFC 3501 (143) and
 * RFC 2595 (110). The one table of standard ports: UI, CLI, diagnosis and reachability read it.
 */
export const STANDARD_PORTS: Readonly<Record<Protocol, Readonly<Record<TlsMode, number>>>> = {
  smtp: { tls: 465, starttls: 587 },
  imap: { tls: 993, starttls: 143 },
  pop3: { tls: 995, starttls: 110 },
}

/** SMTP relay port 25 (RFC 5321): plaintext greeting, STARTTLS. Not for submission, but still met. */
const SMTP_RELAY_PORT = 25

/** Ports where the server speaks TLS from the first byte. */
export const IMPLICIT_TLS_PORTS: ReadonlySet<number> = new Set(Object.values(STANDARD_PORTS).map((p) => p.tls))

/** Ports where the server greets in plaintext and offers STARTTLS (STLS for POP3). */
export const STARTTLS_PORTS: ReadonlySet<number> = new Set([
  ...Object.values(STANDARD_PORTS).map((p) => p.starttls),
  SMTP_RELAY_PORT,
])

/** The registered port for a protocol in a TLS mode (SMTP when the protocol is unknown). */
export function standardPort(protocol: Protocol | undefined, security: TlsMode): number {
  return STANDARD_PORTS[protocol ?? 'smtp'][security]
}

/**
 * The port → mode rule: the mode a standard port implies (465, 993, 995 → `tls`; 587, 143, 110, 25 →
 * `starttls`), or undefined for any other port, where the mode must be said.
 */
export function securityForPort(port: number): TlsMode | undefined {
  if (IMPLICIT_TLS_PORTS.has(port)) return 'tls'
  if (STARTTLS_PORTS.has(port)) return 'starttls'
  return undefined
}

/** The ports worth a bare connect when a protocol's server cannot be reached: implicit TLS first. */
export function reachabilityPorts(protocol: Protocol): readonly number[] {
  const { tls, starttls } = STANDARD_PORTS[protocol]
  return protocol === 'smtp' ? [tls, starttls, SMTP_RELAY_PORT] : [tls, starttls]
}
