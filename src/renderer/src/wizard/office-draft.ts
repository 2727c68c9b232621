import {
  DEFAULT_MIN_TLS,
  PROXY_KINDS,
  withMinTls,
  type CertificatePin,
  type ConnectionSettings,
  type ProxyKind,
  type ProxySetting,
  type TlsVersion,
  type TrustedCa,
} from '../../../shared/connection.js'
import { EmailSchema, HostSchema, PortSchema, type Side } from '../../../shared/mail.js'
import { assertNever } from '../../../shared/result.js'
import type { TestedServers } from '../test-view/test-run.js'

/** The proxy as the user edits it; `password` empty while editing a saved account keeps the saved one. */
export interface ProxyDraft {
  kind: 'none' | ProxyKind
  host: string
  port: string
  username: string
  password: string
}

/**
 * The office connection options being set up (issue 16): a proxy, the lowest TLS version for each of
 * the two servers, certificates trusted by key, office CAs. `savedProxy`: the proxy a saved account
 * has, whose password main may keep using (only for that very proxy).
 */
export interface OfficeDraft {
  proxy: ProxyDraft
  minTls: Record<Side, TlsVersion>
  pins: CertificatePin[]
  cas: TrustedCa[]
  savedProxy?: ProxySetting | null | undefined
}

export const NO_PROXY: ProxyDraft = { kind: 'none', host: '', port: '', username: '', password: '' }

export const BLANK_OFFICE: OfficeDraft = {
  proxy: NO_PROXY,
  minTls: { incoming: DEFAULT_MIN_TLS, outgoing: DEFAULT_MIN_TLS },
  pins: [],
  cas: [],
}

export function proxyDraft(p: ProxySetting | null): ProxyDraft {
  return p ? { kind: p.kind, host: p.host, port: String(p.port), username: p.username ?? '', password: '' } : NO_PROXY
}

export type OfficeChange =
  | { field: 'proxyKind'; value: ProxyDraft['kind'] }
  | { field: 'proxyHost' | 'proxyPort' | 'proxyUsername' | 'proxyPassword'; value: string }
  | { field: 'minTls'; side: Side; value: TlsVersion }
  | { field: 'removePin'; host: string; port: number }
  | { field: 'addCa'; ca: TrustedCa }
  | { field: 'removeCa'; fingerprint256: string }

const PROXY_FIELD = {
  proxyHost: 'host',
  proxyPort: 'port',
  proxyUsername: 'username',
  proxyPassword: 'password',
} as const

/** One edit of the office options. */
export function changeOffice(office: OfficeDraft, change: OfficeChange): OfficeDraft {
  switch (change.field) {
    case 'proxyKind': {
      const port = office.proxy.port || (change.value === 'socks5' ? '1080' : change.value === 'http' ? '3128' : '')
      return { ...office, proxy: { ...office.proxy, kind: change.value, port } }
    }
    case 'proxyHost':
    case 'proxyPort':
    case 'proxyUsername':
    case 'proxyPassword':
      return { ...office, proxy: { ...office.proxy, [PROXY_FIELD[change.field]]: change.value } }
    case 'minTls':
      return { ...office, minTls: { ...office.minTls, [change.side]: change.value } }
    case 'removePin':
      return { ...office, pins: office.pins.filter((p) => !(p.host === change.host && p.port === change.port)) }
    case 'addCa':
      return office.cas.some((c) => c.fingerprint256 === change.ca.fingerprint256)
        ? office
        : { ...office, cas: [...office.cas, change.ca] }
    case 'removeCa':
      return { ...office, cas: office.cas.filter((c) => c.fingerprint256 !== change.fingerprint256) }
    default:
      return assertNever(change)
  }
}

/** A trusted certificate joins the draft (replacing any older pin for the same server). */
export function withTrusted(office: OfficeDraft, pin: CertificatePin): OfficeDraft {
  return { ...office, pins: [...office.pins.filter((p) => p.host !== pin.host || p.port !== pin.port), pin] }
}

export interface OfficeProblems {
  proxyHost?: string
  proxyPort?: string
  proxyPassword?: string
}

export type ParsedOffice =
  { ok: true; connection: ConnectionSettings; proxyPassword?: string } | { ok: false; problems: OfficeProblems }

function sameSaved(saved: ProxySetting | null | undefined, p: ProxySetting): boolean {
  return (
    !!saved && saved.kind === p.kind && saved.host === p.host && saved.port === p.port && saved.username === p.username
  )
}

/**
 * The draft as main takes it, for these servers: the proxy checked with main's rules (and its password
 * asked for unless a saved one serves this very proxy), the TLS minimum of each server, pins and CAs.
 */
export function parseOffice(office: OfficeDraft, servers: TestedServers): ParsedOffice {
  const { proxy } = office
  let setting: ProxySetting | null = null
  const problems: OfficeProblems = {}
  if (proxy.kind !== 'none') {
    const host = HostSchema.safeParse(proxy.host)
    const port = PortSchema.safeParse(/^\d{1,5}$/.test(proxy.port.trim()) ? Number(proxy.port.trim()) : Number.NaN)
    if (!host.success) problems.proxyHost = host.error.issues[0]?.message ?? 'Check the proxy’s name.'
    if (!port.success) problems.proxyPort = 'Enter the proxy’s port as a number, like 1080.'
    if (host.success && port.success) {
      setting = { kind: proxy.kind, host: host.data, port: port.data, username: proxy.username.trim() || null }
      if (setting.username && proxy.password === '' && !sameSaved(office.savedProxy, setting)) {
        problems.proxyPassword = 'Enter the proxy’s password.'
      }
    }
  }
  if (Object.keys(problems).length > 0 || (proxy.kind !== 'none' && !setting)) return { ok: false, problems }
  let connection: ConnectionSettings = { proxy: setting, minTls: [], pins: office.pins, cas: office.cas }
  connection = withMinTls(connection, servers.incoming, office.minTls.incoming)
  connection = withMinTls(connection, servers.outgoing, office.minTls.outgoing)
  return {
    ok: true,
    connection,
    ...(setting?.username && proxy.password !== '' ? { proxyPassword: proxy.password } : {}),
  }
}

/** The Reply-To as typed: empty is none; anything else must be an address. */
export function parseReplyTo(raw: string): { ok: true; replyTo: string | null } | { ok: false; problem: string } {
  const trimmed = raw.trim()
  if (trimmed === '') return { ok: true, replyTo: null }
  const r = EmailSchema.safeParse(trimmed)
  return r.success
    ? { ok: true, replyTo: r.data }
    : { ok: false, problem: 'Enter a reply-to address like name@example.com, or leave it empty.' }
}

export const PROXY_KIND_LABEL: Record<ProxyDraft['kind'], string> = {
  none: 'No proxy (connect directly)',
  socks5: 'SOCKS5',
  http: 'HTTP (CONNECT)',
}
export const PROXY_KIND_CHOICES: readonly ProxyDraft['kind'][] = ['none', ...PROXY_KINDS]
