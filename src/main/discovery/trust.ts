import { isIP } from 'node:net'
import { getDomain } from 'tldts'
import type { DiscoveryAddress } from '../../shared/discovery-address.js'
import type { DiscoverySource } from '../../shared/discovery.js'
import { presetHosts, type Provider } from '../../shared/providers.js'
import type { Finding } from './types.js'

/** How each source's settings are described when the user must confirm a host. */
const CAME_FROM: Record<DiscoverySource, string> = {
  saved: 'a saved account',
  preset: 'Mailkey’s list of providers',
  autoconfig: 'the domain’s published settings',
  'well-known': 'the domain’s published settings',
  ispdb: 'Thunderbird’s provider database',
  mx: 'the domain’s MX records',
  srv: 'the domain’s SRV records',
  guess: 'a guess',
}

/** `host` is `name` or under it (`imap.example.com` under `example.com`). */
function under(host: string, name: string): boolean {
  return host === name || host.endsWith(`.${name}`)
}

/** The registrable domain of a name (public-suffix aware), or the name itself. */
function base(name: string): string {
  return getDomain(name, { allowPrivateDomains: true }) ?? name
}

/**
 * Whether a found host may get a password without asking, and if not, why (naming the host). Offered
 * directly: Mailkey's presets and saved accounts, Thunderbird's database, guesses (the name is the
 * domain's own and its certificate was checked), and hosts under the address's domain, under a name the
 * MX source vouches for (the database entry's domains, the MX host's domain; a domain's own autoconfig
 * file vouches for nothing beyond the domain, whatever `<domain>` it lists), or exactly a catalog
 * provider's server name. Anything that came over plain HTTP, or names a host outside all of those, needs the user's
 * confirmation: DNS without DNSSEC and a domain's own file can be spoofed or mistaken, and a password
 * sent to the wrong host is lost.
 */
export function judgeHost(
  host: string,
  source: DiscoverySource,
  finding: Finding,
  address: DiscoveryAddress,
  catalog: readonly Provider[],
): { trusted: true } | { trusted: false; caution: string } {
  const domain = address.domain
  const shown = address.shown ?? domain
  if (finding.overHttp) {
    return {
      trusted: false,
      caution: `${host} came from ${shown}’s settings file over plain HTTP, which anyone on the network could have changed. Use it only if you know ${shown}’s mail is handled there.`,
    }
  }
  if (source === 'preset' || source === 'saved' || source === 'ispdb' || source === 'guess') return { trusted: true }
  // a domain's own settings file may list any domain at all: only the provider database's lists (reached
  // through MX) and the MX host's own domain vouch for another name
  const vouched = source === 'mx' ? (finding.names ?? []) : []
  const names = [domain, base(domain), ...vouched]
  if (names.some((n) => under(host, n)) || base(host) === base(domain)) return { trusted: true }
  // exactly a provider's server name: a shared base domain (amazonaws.com) proves nothing, nor does an IP
  const known = !isIP(host) && catalog.some((p) => presetHosts(p).includes(host))
  if (known) return { trusted: true }
  return {
    trusted: false,
    caution: `${host} is not part of ${shown}, and Mailkey does not know it as a mail provider; it was named by ${CAME_FROM[source]}. Send your password there only if ${shown}’s mail is run by ${base(host)}.`,
  }
}
