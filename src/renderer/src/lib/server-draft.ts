import {
  HostSchema,
  PortSchema,
  type IncomingProtocol,
  type IncomingServer,
  type Protocol,
  type Security,
  type Server,
} from '../../../shared/mail.js'
import { securityForPort, standardPort, type TlsMode } from '../../../shared/ports.js'

/** Server forms offer encrypted connections only; turning encryption off is not a setup choice. */
export type EditableSecurity = TlsMode
export const EDITABLE_SECURITY: readonly EditableSecurity[] = ['tls', 'starttls']

/** A server as the user edits it: the port stays text so an emptied field is not a number yet. */
export interface ServerDraft {
  host: string
  port: string
  security: EditableSecurity
}

export interface IncomingDraft extends ServerDraft {
  protocol: IncomingProtocol
}

function portNumber(port: string): number | undefined {
  return /^\d{1,5}$/.test(port.trim()) ? Number(port.trim()) : undefined
}

function editable(security: Security): EditableSecurity {
  // presets and guesses are always encrypted; 'none' would only come from a hand-made setting
  return security === 'none' ? 'starttls' : security
}

export function serverDraft(server: Server): ServerDraft {
  return { host: server.host, port: String(server.port), security: editable(server.security) }
}

export function incomingDraft(server: IncomingServer): IncomingDraft {
  return { protocol: server.protocol, ...serverDraft(server) }
}

/** A new port; a standard port brings its mode along, so port and security never contradict each other. */
export function withPort<T extends ServerDraft>(draft: T, port: string): T {
  const n = portNumber(port)
  const implied = n === undefined ? undefined : securityForPort(n)
  return { ...draft, port, security: implied ?? draft.security }
}

/** A new mode; on the protocol's standard port for the other mode, the port follows (465 ↔ 587). */
export function withSecurity<T extends ServerDraft>(draft: T, protocol: Protocol, security: EditableSecurity): T {
  const other: EditableSecurity = security === 'tls' ? 'starttls' : 'tls'
  const onOtherStandard = portNumber(draft.port) === standardPort(protocol, other)
  return { ...draft, security, port: onOtherStandard ? String(standardPort(protocol, security)) : draft.port }
}

/** IMAP ↔ POP3: the provider's own server for that protocol when detection found one. */
export function withProtocol(
  draft: IncomingDraft,
  protocol: IncomingProtocol,
  choices: readonly IncomingServer[],
): IncomingDraft {
  if (protocol === draft.protocol) return draft
  const known = choices.find((c) => c.protocol === protocol)
  if (known) return incomingDraft(known)
  const onStandard = portNumber(draft.port) === standardPort(draft.protocol, draft.security)
  return {
    ...draft,
    protocol,
    port: onStandard ? String(standardPort(protocol, draft.security)) : draft.port,
  }
}

export interface DraftProblems {
  host?: string
  port?: string
}

export type ParsedDraft<T> = { ok: true; server: T } | { ok: false; problems: DraftProblems }

/** Checks a draft with the same rules main applies (src/shared/mail.ts), so messages match. */
export function parseServer(draft: ServerDraft): ParsedDraft<Server> {
  const host = HostSchema.safeParse(draft.host)
  const n = portNumber(draft.port)
  const port = PortSchema.safeParse(n ?? Number.NaN)
  const problems: DraftProblems = {}
  if (!host.success) problems.host = host.error.issues[0]?.message ?? 'Check the server name.'
  if (!port.success)
    problems.port =
      n === undefined ? 'Enter the port as a number, like 993.' : (port.error.issues[0]?.message ?? 'Check the port.')
  if (!host.success || !port.success) return { ok: false, problems }
  return { ok: true, server: { host: host.data, port: port.data, security: draft.security } }
}

export function parseIncoming(draft: IncomingDraft): ParsedDraft<IncomingServer> {
  const parsed = parseServer(draft)
  return parsed.ok ? { ok: true, server: { protocol: draft.protocol, ...parsed.server } } : parsed
}
