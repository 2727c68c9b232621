import type { HostCaution } from '../../shared/discovery.js'
import { AppError } from '../app-error.js'
import type { Discovery } from './discover.js'

/** How many addresses' cautions are kept (the oldest go first). */
const MAX_ADDRESSES = 200

/**
 * The trust gate, main-side: hosts discovery could not vouch for (plain HTTP, or outside the domain
 * and its known provider), per address, and the ones the user has confirmed. Before a password is
 * sent to a server, `check` refuses a host that still needs confirming, naming it and why: the
 * renderer's word alone does not carry a password to such a host.
 */
export class HostConfirmations {
  private readonly cautions = new Map<string, Map<string, string>>()
  private readonly confirmed = new Map<string, Set<string>>()

  /** Records what a discovery for `email` could not vouch for (replacing an earlier discovery's). */
  remember(email: string, discovery: Pick<Discovery, 'incoming' | 'outgoing'>): void {
    const key = email.trim().toLowerCase()
    const hosts = new Map<string, string>()
    for (const found of [...discovery.incoming, ...discovery.outgoing]) {
      if (!found.trusted && found.caution) hosts.set(found.server.host.toLowerCase(), found.caution)
    }
    this.cautions.delete(key)
    if (hosts.size > 0) this.cautions.set(key, hosts)
    while (this.cautions.size > MAX_ADDRESSES) {
      const oldest = this.cautions.keys().next().value
      if (oldest === undefined) break
      this.cautions.delete(oldest)
      this.confirmed.delete(oldest)
    }
  }

  /** The user confirmed `host` for `email`. */
  confirm(email: string, host: string): void {
    const key = email.trim().toLowerCase()
    const set = this.confirmed.get(key) ?? new Set<string>()
    set.add(host.trim().toLowerCase())
    this.confirmed.set(key, set)
  }

  /** The hosts among `hosts` that still need the user's confirmation for `email`. */
  pending(email: string, hosts: readonly (string | undefined)[]): HostCaution[] {
    const key = email.trim().toLowerCase()
    const cautions = this.cautions.get(key)
    if (!cautions) return []
    const ok = this.confirmed.get(key)
    return [...new Set(hosts.filter((h): h is string => !!h).map((h) => h.toLowerCase()))]
      .filter((h) => cautions.has(h) && !ok?.has(h))
      .map((host) => ({ host, reason: cautions.get(host) ?? '' }))
  }

  /** Refuses (CONFIRM_HOST) when a host still needs confirming; the message names it and says why. */
  check(email: string, hosts: readonly (string | undefined)[]): void {
    const [first] = this.pending(email, hosts)
    if (first)
      throw new AppError(
        'CONFIRM_HOST',
        `Confirm ${first.host} before Mailkey sends your password there. ${first.reason}`,
      )
  }
}
