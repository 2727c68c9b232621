import type { DiscoveryAddress } from '../../shared/discovery-address.js'
import type { DiscoverySource } from '../../shared/discovery.js'
import type { IncomingServer, Protocol, Server } from '../../shared/mail.js'
import type { TlsMode } from '../../shared/ports.js'
import type { Provider, SignIn } from '../../shared/providers.js'
import type { Connect } from './net/connect.js'
import type { Dns } from './net/dns.js'
import type { HttpGet } from './net/http-get.js'

/** A server one source found, with the user name that source gives and where exactly it came from. */
export interface Candidate<S extends Server | IncomingServer> {
  server: S
  username: string
  via: string
}

/** What one source found. */
export interface Finding {
  incoming: Candidate<IncomingServer>[]
  outgoing: Candidate<Server>[]
  /** The provider in Mailkey's catalog, when the source names one. */
  provider?: Provider | undefined
  /** The provider's own name for itself in a published file (server text, shown as text only). */
  publisher?: string | undefined
  signIn?: SignIn | undefined
  /**
   * Names the source vouches for beyond the address's domain: the provider database entry's domains,
   * the MX host's domain. Hosts under them are offered without asking.
   */
  names?: readonly string[]
  /** The settings came over plain HTTP: every host needs the user's confirmation. */
  overHttp?: boolean
  /**
   * Protocols the domain says it does not offer (every SRV name for it has the target "."): guesses of
   * them are dropped, since the domain has said no.
   */
  notOffered?: readonly ('imap' | 'pop3' | 'smtp')[]
  /** A saved account at the domain whose settings these are. */
  savedFor?: string
  /** What was found, in plain words (for the lookup list). */
  detail?: string
}

/** Where the standard ports are: tests move them, the app never does. */
export interface PortMap {
  https?: number
  http?: number
  mail?: Partial<Record<Protocol, Partial<Record<TlsMode, number>>>>
}

/** How discovery reaches the network: every query and socket of a run goes through these. */
export interface DiscoveryNet {
  dns: Dns
  httpGet: HttpGet
  connect: Connect
  /** Extra trusted CA for guessed TLS servers (tests: the bed's); unset: the system's roots. */
  ca?: string | undefined
  ports: PortMap
  /** Thunderbird's provider database, `<base><domain>` (a setting: offices can run a mirror). */
  ispdbBase: string
  /** Look for autoconfig over plain HTTP too (its settings always need confirming). */
  allowHttp: boolean
}

export interface SourceContext {
  address: DiscoveryAddress
  signal: AbortSignal
  /** When the whole discovery must be over (epoch ms). */
  deadline: number
  net: DiscoveryNet
  catalog: readonly Provider[]
}

/** One discovery source: `local` ones answer from memory, without touching the network. */
export interface Source {
  id: DiscoverySource
  local?: boolean
  run(ctx: SourceContext): Promise<Finding | null>
}
