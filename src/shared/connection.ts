import { z } from 'zod'
import { HostSchema, PortSchema, UsernameSchema } from './mail.js'

/**
 * An account's office connection options (issue 16): a proxy every socket goes through, the lowest TLS
 * version per server, certificates the user trusted by key (pins) and office CAs. Plain data, shared
 * by the settings, the IPC contract, the CLI and the screens; secrets (the proxy password) are not here.
 */

/** TLS versions Mailkey can be told to accept, lowest first. */
import { DEFAULT_MIN_TLS, TLS_VERSIONS, type TlsVersion } from './tls-versions.js'

export { DEFAULT_MIN_TLS, isLegacyTls, TLS_VERSIONS, type TlsVersion } from './tls-versions.js'
export const TlsVersionSchema = z.enum(TLS_VERSIONS)

/** "1.2 and higher recommended": the minimum unless the user lowers (or raises) it for one server. */

export const PROXY_KINDS = ['socks5', 'http'] as const
export type ProxyKind = (typeof PROXY_KINDS)[number]

/** Where an account's connections go first. The password, if any, is in the keychain (`<id>:proxy`). */
export const ProxySettingSchema = z.strictObject({
  kind: z.enum(PROXY_KINDS),
  host: HostSchema,
  port: PortSchema,
  username: UsernameSchema.max(255, 'A proxy user name is at most 255 characters (RFC 1929).').nullable(),
})
export type ProxySetting = z.infer<typeof ProxySettingSchema>

/** `sha256/` and the base64 SHA-256 of a SubjectPublicKeyInfo: the form HPKP (RFC 7469) and curl use. */
export const SpkiPinSchema = z
  .string()
  .trim()
  .regex(/^sha256\/[A-Za-z0-9+/]{43}=$/, 'A pin looks like sha256/ followed by 44 base64 characters.')

/** One certificate in PEM; 16 KB holds any real certificate. */
export const CertificatePemSchema = z
  .string()
  .max(16_384, 'That is too long for one certificate.')
  .regex(
    /^\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*$/,
    'Expected one PEM certificate.',
  )

const serverKey = { host: HostSchema, port: PortSchema }

/** The lowest TLS version one server may use (only kept when it differs from the default). */
export const TlsMinimumSchema = z.strictObject({ ...serverKey, version: TlsVersionSchema })
export type TlsMinimum = z.infer<typeof TlsMinimumSchema>

/**
 * A certificate the user trusted for one host and port, by its public key. `anchor` is the
 * self-signed certificate its chain ends in (the certificate itself when self-signed), so a full
 * handshake can still be verified; null when a public CA vouches for the chain.
 */
export const CertificatePinSchema = z.strictObject({
  ...serverKey,
  spki: SpkiPinSchema,
  anchor: CertificatePemSchema.nullable(),
  /** Who the certificate names, for the account screen. */
  subject: z.string().max(500),
})
export type CertificatePin = z.infer<typeof CertificatePinSchema>

/** An office CA the user imported (a TLS-inspecting firewall's), trusted for this account's servers. */
export const TrustedCaSchema = z.strictObject({
  pem: CertificatePemSchema,
  subject: z.string().max(500),
  /** SHA-256 of the certificate, colon-separated hex: how the user tells CAs apart. */
  fingerprint256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
})
export type TrustedCa = z.infer<typeof TrustedCaSchema>

export const ConnectionSettingsSchema = z.strictObject({
  proxy: ProxySettingSchema.nullable(),
  minTls: z.array(TlsMinimumSchema).max(20),
  pins: z.array(CertificatePinSchema).max(20),
  cas: z.array(TrustedCaSchema).max(10),
})
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>

export { DIRECT_CONNECTION } from './connection-defaults.js'

interface HostPort {
  host: string
  port: number
}

function same(a: HostPort, b: HostPort): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port
}

/** The lowest TLS version allowed for this server. */
export function minTlsFor(settings: ConnectionSettings, server: HostPort): TlsVersion {
  return settings.minTls.find((m) => same(m, server))?.version ?? DEFAULT_MIN_TLS
}

/** The settings with this server's minimum set (the default is not stored). */
export function withMinTls(settings: ConnectionSettings, server: HostPort, version: TlsVersion): ConnectionSettings {
  const others = settings.minTls.filter((m) => !same(m, server))
  const entry = { host: server.host, port: server.port, version }
  return { ...settings, minTls: version === DEFAULT_MIN_TLS ? others : [...others, entry] }
}

export function pinFor(settings: ConnectionSettings, server: HostPort): CertificatePin | undefined {
  return settings.pins.find((p) => same(p, server))
}

/**
 * "Trust this certificate for host:port": the pin for the certificate a test showed on that server,
 * by its key (`sha256/BASE64` of the SubjectPublicKeyInfo) and the self-signed anchor its chain ended in.
 */
export function pinOfShown(
  server: HostPort,
  cert: { spki: string; anchor?: string | undefined; subject: string },
): CertificatePin {
  return { host: server.host, port: server.port, spki: cert.spki, anchor: cert.anchor ?? null, subject: cert.subject }
}

/** The settings with `pin` trusted for its host and port (replacing an older pin there). */
export function withPin(settings: ConnectionSettings, pin: CertificatePin): ConnectionSettings {
  return { ...settings, pins: [...settings.pins.filter((p) => !same(p, pin)), pin] }
}

export function withoutPin(settings: ConnectionSettings, server: HostPort): ConnectionSettings {
  return { ...settings, pins: settings.pins.filter((p) => !same(p, server)) }
}

/** The proxy as a URL without any secret, for "via" lines: `socks5://office@proxy.lan:1080`. */
export function proxyLabel(proxy: ProxySetting): string {
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host
  const user = proxy.username ? `${encodeURIComponent(proxy.username)}@` : ''
  return `${proxy.kind}://${user}${host}:${proxy.port}`
}

export const PROXY_URL_HINT = 'socks5://[user@]host:port or http://[user@]host:port'

/**
 * Reads `socks5://[user@]host:port` or `http://[user@]host:port` (the CLI's --proxy, the system's
 * ALL_PROXY/HTTPS_PROXY). A password in the URL is refused: it would end up in shell history and
 * process lists; it is asked for separately and kept in the keychain.
 */
export function parseProxyUrl(raw: string): { ok: true; proxy: ProxySetting } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { ok: false, message: `Expected ${PROXY_URL_HINT}.` }
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase()
  const kind = scheme === 'socks5' || scheme === 'socks5h' ? 'socks5' : scheme === 'http' ? 'http' : null
  if (!kind) return { ok: false, message: `Mailkey speaks SOCKS5 and HTTP CONNECT proxies: ${PROXY_URL_HINT}.` }
  if (url.password) return { ok: false, message: 'Give the proxy password separately, not in the URL.' }
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    return { ok: false, message: `Expected ${PROXY_URL_HINT}, nothing after the port.` }
  }
  if (!url.port) return { ok: false, message: `Say the proxy's port: ${PROXY_URL_HINT}.` }
  const parsed = ProxySettingSchema.safeParse({
    kind,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port),
    username: url.username ? decodeURIComponent(url.username) : null,
  })
  return parsed.success
    ? { ok: true, proxy: parsed.data }
    : { ok: false, message: parsed.error.issues[0]?.message ?? `Expected ${PROXY_URL_HINT}.` }
}
