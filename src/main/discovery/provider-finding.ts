import type { DiscoveryAddress } from '../../shared/discovery-address.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import {
  presetHosts,
  regionalHost,
  regionOf,
  type Provider,
  type ServerPreset,
  type UsernameRule,
} from '../../shared/providers.js'
import type { Candidate, Finding } from './types.js'

/** The user name a rule gives for an address (`%EMAILLOCALPART%` → the part before the `@`). */
export function usernameFor(rule: UsernameRule | undefined, address: DiscoveryAddress): string {
  if (rule === 'local-part') return address.localPart
  if (typeof rule === 'object') return rule.fixed
  return address.address
}

/**
 * A catalog provider's servers for an address, in the region its domain or MX hosts belong to (Zoho's
 * zoho.eu...). `regionNames` are the address domain and MX hosts; `via` says how the provider was found.
 */
export function providerFinding(
  provider: Provider,
  address: DiscoveryAddress,
  via: string,
  regionNames: readonly string[],
): Finding {
  const region = regionOf(provider, regionNames)
  const place = <S extends ServerPreset>(s: S): S =>
    region ? { ...s, host: regionalHost(provider, s.host, region) } : s
  const username = (s: ServerPreset): string => usernameFor(s.username ?? provider.username, address)
  const incoming: Candidate<IncomingServer>[] = (['imap', 'pop3'] as const).flatMap((protocol) => {
    const preset = provider.incoming[protocol]
    if (!preset) return []
    const { host, port, security } = place(preset)
    return [{ server: { protocol, host, port, security }, username: username(preset), via }]
  })
  const outgoing: Candidate<Server>[] = provider.outgoing.map((preset) => {
    const { host, port, security } = place(preset)
    return { server: { host, port, security }, username: username(preset), via }
  })
  return {
    incoming,
    outgoing,
    provider,
    signIn: provider.signIn,
    names: presetHosts(provider),
    detail: provider.name,
  }
}
