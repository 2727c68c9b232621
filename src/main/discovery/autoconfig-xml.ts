import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { DiscoveryAddress } from '../../shared/discovery-address.js'
import { isValidHost, type IncomingServer, type Security, type Server } from '../../shared/mail.js'
import type { SignIn } from '../../shared/providers.js'
import { LookupError } from './lookup-error.js'
import type { Candidate, Finding } from './types.js'

/**
 * Thunderbird's autoconfig format (config-v1.1.xml; draft-ietf-mailmaint-autoconfig): incoming IMAP and
 * POP3 servers, outgoing SMTP servers, socket types, user name templates and authentication methods.
 * Servers of other types (Exchange, EWS, JMAP...) and plaintext ones (`socketType` plain: Mailkey never
 * sends a password unencrypted) are left out, and the finding says so. A file with a DTD is refused
 * outright: an autoconfig file has none, and entity tricks (billion laughs) live there.
 */

const LISTS = new Set(['emailProvider', 'domain', 'incomingServer', 'outgoingServer', 'authentication'])
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => LISTS.has(name),
  parseTagValue: false,
  trimValues: true,
})

type Node = Record<string, unknown>

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string') return (v as Node)['#text'] as string
  return undefined
}

function list(v: unknown): Node[] {
  return Array.isArray(v) ? v.filter((x): x is Node => typeof x === 'object' && x !== null) : []
}

const SOCKET: Record<string, Exclude<Security, 'none'>> = { ssl: 'tls', tls: 'tls', starttls: 'starttls' }
const PASSWORD_AUTH = new Set(['password-cleartext', 'plain', 'password-encrypted', 'secure'])

/** Fills Thunderbird's placeholders; undefined when one is left that Mailkey cannot fill. */
function fill(template: string, address: DiscoveryAddress): string | undefined {
  const filled = template
    .replace(/%EMAILADDRESS%/g, address.address)
    .replace(/%EMAILLOCALPART%/g, address.localPart)
    .replace(/%EMAILDOMAIN%/g, address.domain)
  return /%[A-Z]+%/.test(filled) ? undefined : filled
}

function signInOf(servers: Node[]): SignIn | undefined {
  const methods = servers.flatMap((s) => (Array.isArray(s['authentication']) ? s['authentication'] : []).map(text))
  const lower = methods.filter((m): m is string => m !== undefined).map((m) => m.toLowerCase())
  if (lower.some((m) => PASSWORD_AUTH.has(m))) return 'password'
  if (lower.includes('oauth2')) return 'oauth2'
  return undefined
}

interface Parsed<S> {
  server: S
  username: string
}

function server(node: Node, address: DiscoveryAddress): Parsed<Server> | string {
  const host = fill(text(node['hostname']) ?? '', address)?.toLowerCase()
  const port = Number(text(node['port']))
  const socket = (text(node['socketType']) ?? '').toLowerCase()
  if (!host || !isValidHost(host)) return 'a server without a valid host name'
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `${host}: no valid port`
  const security = SOCKET[socket]
  if (!security) return `${host}:${port} without encryption (left out)`
  const username = fill(text(node['username']) ?? '%EMAILADDRESS%', address) ?? address.address
  return { server: { host, port, security }, username }
}

/**
 * Reads a config-v1.1.xml body into a finding for `address`. `via` names where it came from (the URL).
 * Malformed XML, a DTD, or no `clientConfig` root are a LookupError saying so.
 */
export function readAutoconfig(xml: string, address: DiscoveryAddress, via: string): Finding {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new LookupError('failed', `${via}: has a DTD, which autoconfig files never have`)
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new LookupError('failed', `${via}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`)
  const root = (parser.parse(xml) as Node)['clientConfig']
  const provider = root && typeof root === 'object' ? list((root as Node)['emailProvider'])[0] : undefined
  if (!provider) throw new LookupError('failed', `${via}: not an autoconfig file (no clientConfig/emailProvider)`)
  const incoming: Candidate<IncomingServer>[] = []
  const outgoing: Candidate<Server>[] = []
  const skipped: string[] = []
  const incomingNodes = list(provider['incomingServer'])
  const outgoingNodes = list(provider['outgoingServer'])
  for (const node of incomingNodes) {
    const type = (text(node['@_type']) ?? '').toLowerCase()
    if (type !== 'imap' && type !== 'pop3') continue
    const s = server(node, address)
    if (typeof s === 'string') skipped.push(s)
    else incoming.push({ server: { protocol: type, ...s.server }, username: s.username, via })
  }
  for (const node of outgoingNodes) {
    if ((text(node['@_type']) ?? '').toLowerCase() !== 'smtp') continue
    const s = server(node, address)
    if (typeof s === 'string') skipped.push(s)
    else outgoing.push({ ...s, via })
  }
  const names = (Array.isArray(provider['domain']) ? provider['domain'] : [])
    .map((d) => text(d)?.toLowerCase())
    .filter((d): d is string => d !== undefined && isValidHost(d))
  const publisher = text(provider['displayName'])?.slice(0, 100)
  const found = `${incoming.length} incoming, ${outgoing.length} outgoing`
  return {
    incoming,
    outgoing,
    names,
    publisher,
    signIn: signInOf([...incomingNodes, ...outgoingNodes]),
    detail: skipped.length ? `${found}; ${skipped.join('; ')}` : found,
  }
}
