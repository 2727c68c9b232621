import { domainToUnicode } from 'node:url'
import type { DiscoveryAddress } from '../../shared/discovery-address.js'

/**
 * A host or domain name as people read it: an IDN's Unicode form (`mail.xn--bcher-kva.example` →
 * `mail.bücher.example`, UTS #46 ToUnicode as Node's URL parser does it), any other name as it is.
 * Only for text shown to people: every lookup, URL and comparison keeps the ASCII (punycode) form.
 */
export function shownName(name: string): string {
  if (!name.includes('xn--')) return name
  return domainToUnicode(name) || name
}

/** The address's domain as people read it; the bracketed IP of an address literal as it is. */
export function shownDomain(address: Pick<DiscoveryAddress, 'domain' | 'literal'>): string {
  return address.literal !== undefined ? address.domain : shownName(address.domain)
}

/** Every name with a punycode label in a text (host names, URLs' hosts), matched case-blind. */
const IDN_NAME = /(?:[a-z0-9-]+\.)*xn--[a-z0-9-]+(?:\.[a-z0-9-]+)*/gi

/**
 * A text for people (a lookup's detail, where a server came from, a caution) with every IDN name in it
 * in Unicode: `mail.xn--bcher-kva.example does not exist (DNS)` → `mail.bücher.example does not …`.
 */
export function shownText(text: string): string {
  return text.replace(IDN_NAME, shownName)
}
