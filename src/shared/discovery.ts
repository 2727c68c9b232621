import type { IncomingServer, Server } from './mail.js'

/**
 * Where a discovered setting came from, highest priority first. The CLI's JSON `source` values are
 * these but `saved` (your own saved accounts at the domain; the app only):
 * - `saved`: an account saved in Mailkey at the same domain, proven by a real sign-in;
 * - `preset`: Mailkey's list of providers (no network);
 * - `autoconfig` / `well-known`: published by the domain itself over HTTPS, at
 *   `autoconfig.<domain>/mail/config-v1.1.xml` or `<domain>/.well-known/autoconfig/mail/config-v1.1.xml`;
 * - `ispdb`: Thunderbird's provider database;
 * - `mx`: the domain's MX records name a known provider (or its entry in the provider database);
 * - `srv`: the domain's SRV records (RFC 6186, RFC 8314);
 * - `guess`: a server at a usual name answered (greeting and capabilities only, no password sent).
 */
export const DISCOVERY_SOURCES = ['saved', 'preset', 'autoconfig', 'well-known', 'ispdb', 'mx', 'srv', 'guess'] as const
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number]

/** A server a lookup found, with the user name its source gives and whether it may be used directly. */
export interface FoundServer<S extends Server | IncomingServer> {
  server: S
  username: string
  source: DiscoverySource
  /**
   * Offered directly. False: the settings came over plain HTTP, or name a host outside the address's
   * domain and its known provider; a password goes there only after the user confirms (`caution`).
   */
  trusted: boolean
  /** Why the user must confirm this host, in plain words naming the host. */
  caution?: string
  /** Exactly where it was found: the URL, the SRV name, the port that answered. */
  via: string
}

/** How one lookup ended. */
export type LookupOutcome =
  | 'found' // both an incoming and an outgoing server
  | 'partial' // only one side
  | 'nothing' // answered: nothing published
  | 'failed' // an error (bad XML, a refused redirect, a DNS failure)
  | 'timeout' // ran out of time
  | 'cancelled' // a higher-priority lookup had already won
  | 'skipped' // does not apply (an address at an IP literal has no domain to look up)

export interface Lookup {
  source: DiscoverySource
  ms: number
  outcome: LookupOutcome
  /** What it found or why not, in plain words. */
  detail?: string
}

/** Live progress of a discovery: a lookup started (`running`) or ended. */
export interface DiscoveryEvent {
  email: string
  source: DiscoverySource
  state: 'running' | LookupOutcome
  ms?: number
  detail?: string
}

/** A host the user must confirm before a password is sent there, and why. */
export interface HostCaution {
  host: string
  reason: string
}
