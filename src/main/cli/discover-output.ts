import type { FoundServer, Lookup } from '../../shared/discovery.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import type { Discovery } from '../discovery/discover.js'

/** One server as `mailkey discover --json` prints it (the CLI contract; fields are only ever added). */
function serverJson(f: FoundServer<IncomingServer> | FoundServer<Server>): Record<string, unknown> {
  return {
    protocol: 'protocol' in f.server ? f.server.protocol : 'smtp',
    host: f.server.host,
    port: f.server.port,
    security: f.server.security,
    username: f.username,
    source: f.source,
    trusted: f.trusted,
    via: f.via,
    ...(f.caution ? { caution: f.caution } : {}),
  }
}

function lookupJson(l: Lookup): Record<string, unknown> {
  return { source: l.source, ms: l.ms, outcome: l.outcome, ...(l.detail ? { detail: l.detail } : {}) }
}

/**
 * `{ domain, provider: {id, name} | null, incoming: [...], outgoing: [...], lookups: [{source, ms,
 * outcome}], ms }`, servers best first (issue 14's contract), plus `signIn` and per-server `via` and
 * `caution`, per-lookup `detail`.
 */
export function discoveryJson(d: Discovery): Record<string, unknown> {
  return {
    domain: d.address.domain,
    provider: d.provider ? { id: d.provider.id, name: d.provider.name } : null,
    incoming: d.incoming.map(serverJson),
    outgoing: d.outgoing.map(serverJson),
    lookups: d.lookups.map(lookupJson),
    ms: d.ms,
    signIn: d.signIn,
  }
}

const SECURITY = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' } as const

function line(f: FoundServer<IncomingServer> | FoundServer<Server>): string {
  const protocol = 'protocol' in f.server ? f.server.protocol.toUpperCase() : 'SMTP'
  const trust = f.trusted ? '' : `\n      needs your confirmation: ${f.caution ?? ''}`
  return `  ${protocol} ${f.server.host}:${f.server.port} ${SECURITY[f.server.security]}, user ${f.username} (${f.source}: ${f.via})${trust}\n`
}

/** The discovery in words, for a terminal. */
export function describeDiscovery(d: Discovery): string {
  const who = d.provider ? d.provider.name : (d.publisher ?? 'provider not recognised')
  const signIn = d.signIn
    ? `; sign-in: ${d.signIn === 'app-password' ? 'app password' : d.signIn === 'oauth2' ? 'OAuth2' : 'password'}`
    : ''
  const shown = d.address.shown ?? d.address.domain
  const domain = shown === d.address.domain ? shown : `${shown} (${d.address.domain})`
  let out = `${domain}: ${who}${signIn}\n`
  out += `Incoming:\n${d.incoming.map(line).join('') || '  none found\n'}`
  out += `Outgoing:\n${d.outgoing.map(line).join('') || '  none found\n'}`
  out += 'Lookups:\n'
  for (const l of d.lookups)
    out += `  ${l.source.padEnd(10)} ${l.outcome.padEnd(9)} ${String(l.ms).padStart(5)} ms${l.detail ? `  ${l.detail}` : ''}\n`
  return `${out}Done in ${d.ms} ms.\n`
}
