import { isValidHost } from './mail.js'

/**
 * An address as discovery reads it. `domain` is what is looked up: lower-case ASCII, an IDN's
 * punycode form (UTS #46, as browsers and Node's URL parser produce it), or for an address literal
 * (`user@[192.0.2.1]`, RFC 5321 §4.1.3) the bracketed form; `literal` is then the IP itself.
 */
export interface DiscoveryAddress {
  address: string
  localPart: string
  domain: string
  /** The domain as the user typed it (differs from `domain` for an IDN). */
  typedDomain: string
  /**
   * The domain as text for people: an IDN's Unicode form (`bücher.example`), else `domain`. Set by
   * main's discovery, which can decode punycode (the renderer and this module have no Node).
   */
  shown?: string
  literal?: string
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/
const IPV6 = /^[0-9a-f:.]{2,45}$/i
const LOCAL_PART = /^[^\s@"(),:;<>[\\\]]{1,64}$/

/** The IP of an address literal's domain (`[192.0.2.1]`, `[IPv6:2001:db8::1]`), or undefined. */
function literalIp(domain: string): string | undefined {
  const m = /^\[(?:IPv6:)?([^\]]+)\]$/i.exec(domain)
  if (!m?.[1]) return undefined
  const ip = m[1]
  if (IPV4.test(ip)) return ip
  return ip.includes(':') && IPV6.test(ip) ? ip.toLowerCase() : undefined
}

/** The ASCII form of a domain (IDN → punycode), or undefined when it is not a domain name. */
function asciiDomain(domain: string): string | undefined {
  try {
    const host = new URL(`http://${domain}/`).hostname
    return isValidHost(host) && host.includes('.') && !IPV4.test(host) ? host.replace(/\.$/, '') : undefined
  } catch {
    return undefined
  }
}

/** Parses an address for discovery; a string says, in plain words, what is wrong with it. */
export function parseDiscoveryAddress(raw: string): DiscoveryAddress | string {
  const address = raw.trim()
  if (address.length > 254) return 'An email address is at most 254 characters.'
  const at = address.lastIndexOf('@')
  const localPart = address.slice(0, at)
  const typedDomain = address.slice(at + 1)
  if (at < 1 || !LOCAL_PART.test(localPart) || !typedDomain) return 'Enter an email address like name@example.com.'
  const literal = literalIp(typedDomain)
  if (literal) return { address, localPart, domain: `[${literal}]`, typedDomain, literal }
  if (typedDomain.startsWith('[')) return `${typedDomain.slice(0, 60)} is not an IP address.`
  const domain = asciiDomain(typedDomain)
  if (!domain) return `${typedDomain.slice(0, 80)} is not a domain name.`
  return { address, localPart, domain, typedDomain }
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
/** A top-level label: two letters at least (RFC 1123 §2.1: never all digits), or an IDN TLD. */
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

/**
 * Whether an ASCII domain (as `parseDiscoveryAddress` gives it) is complete enough to look up: two
 * labels at least, each letters, digits and inner hyphens (RFC 1035 §2.3.1), the last one a real
 * top-level form. `exa`, `example.c` or `example.` are still being typed: asking DNS or a provider
 * database about them only leaks keystrokes and wastes lookups.
 */
export function plausibleDomain(domain: string): boolean {
  const labels = domain.split('.')
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TOP_LABEL.test(labels[labels.length - 1] ?? '')
}

/** Whether discovery may look an address up on the network: an address literal, or a plausible domain. */
export function discoverable(raw: string): boolean {
  const parsed = parseDiscoveryAddress(raw)
  return typeof parsed !== 'string' && (parsed.literal !== undefined || plausibleDomain(parsed.domain))
}
