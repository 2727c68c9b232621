import { parseDiscoveryAddress, plausibleDomain, type DiscoveryAddress } from '../../shared/discovery-address.js'
import type { DiscoveryEvent, DiscoverySource, FoundServer, Lookup, LookupOutcome } from '../../shared/discovery.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import { presetHosts, type Provider, type SignIn } from '../../shared/providers.js'
import { runByPriority, type Settled } from './priority-runner.js'
import { autoconfigSource, wellKnownSource } from './sources/autoconfig.js'
import { guessSource } from './sources/guess.js'
import { ispdbSource } from './sources/ispdb.js'
import { mxSource } from './sources/mx.js'
import { presetSource } from './sources/preset.js'
import { savedAccountsSource, type SavedAccounts } from './sources/saved.js'
import { srvSource } from './sources/srv.js'
import { shownDomain, shownText } from './shown-domain.js'
import { judgeHost } from './trust.js'
import type { Candidate, DiscoveryNet, Finding, Source } from './types.js'

/** Discovery's default deadline: a result (or "nothing found") within 8 s, whatever the network does. */
export const DISCOVERY_DEADLINE_MS = 8000

export interface DiscoveryDeps {
  catalog: readonly Provider[]
  net: Omit<DiscoveryNet, 'allowHttp'>
  /** Your saved accounts at a domain (the app; the CLI has none). */
  saved?: SavedAccounts
  deadlineMs?: number
}

export interface DiscoveryOptions {
  signal?: AbortSignal
  /** Each lookup as it starts and ends. */
  onEvent?: (event: Omit<DiscoveryEvent, 'email'>) => void
  /** Also ask for autoconfig over plain HTTP (its settings then need confirming). */
  allowHttp?: boolean
  deadlineMs?: number
  /** The provider database's base URL for this run (the user's setting), instead of the net's. */
  ispdbBase?: string
}

/** What discovery found for an address: every server, best first, and how each lookup went. */
export interface Discovery {
  address: DiscoveryAddress
  /** The source the first servers came from (none when nothing was found). */
  source: DiscoverySource | null
  incoming: FoundServer<IncomingServer>[]
  outgoing: FoundServer<Server>[]
  provider: Provider | null
  publisher?: string
  signIn: SignIn | null
  savedFor?: string
  lookups: Lookup[]
  ms: number
}

/** An address discovery cannot read. */
export class BadAddress extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BadAddress'
  }
}

interface Ran {
  source: Source
  outcome: LookupOutcome
  ms: number
  finding?: Finding
  detail?: string
}

function complete(f: Finding): boolean {
  return f.incoming.length > 0 && f.outgoing.length > 0
}

function key(s: Server | IncomingServer): string {
  return `${'protocol' in s ? s.protocol : 'smtp'}|${s.host}|${s.port}|${s.security}`
}

/** Candidates of every finding, the chosen source's first, then by priority; each server once. */
function collect<S extends Server | IncomingServer>(
  ran: readonly Ran[],
  pick: (f: Finding) => Candidate<S>[],
  address: DiscoveryAddress,
  catalog: readonly Provider[],
): FoundServer<S>[] {
  const seen = new Set<string>()
  const out: FoundServer<S>[] = []
  for (const r of ran) {
    if (!r.finding) continue
    for (const c of pick(r.finding)) {
      if (seen.has(key(c.server))) continue
      seen.add(key(c.server))
      const verdict = judgeHost(c.server.host, r.source.id, r.finding, address, catalog)
      out.push({
        server: c.server,
        username: c.username,
        source: r.source.id,
        trusted: verdict.trusted,
        ...(verdict.trusted ? {} : { caution: shownText(verdict.caution) }),
        via: shownText(c.via),
      })
    }
  }
  return out
}

/** The sources that use the network, highest priority first. */
export const NETWORK_SOURCES: readonly Source[] = [
  autoconfigSource,
  wellKnownSource,
  ispdbSource,
  mxSource,
  srvSource,
  guessSource,
]

function sourcesFor(deps: DiscoveryDeps): Source[] {
  return [...(deps.saved ? [savedAccountsSource(deps.saved)] : []), presetSource, ...NETWORK_SOURCES]
}

/** Lookups that need a domain name: an address literal has none (RFC 5321 §4.1.3). */
const NEEDS_DOMAIN = new Set<DiscoverySource>(['preset', 'autoconfig', 'well-known', 'ispdb', 'mx', 'srv'])

/**
 * Finds the servers for any address: every source at once, each bounded in time, the highest-priority
 * success winning and cancelling the rest (see priority-runner.ts). Sources that need no network
 * (saved accounts, presets) answer first; when one of them has the settings, nothing touches the
 * network. Order: saved, preset, autoconfig, well-known, ISPDB, MX, SRV, guess. A source with only
 * one side is kept and, when no source has both, the best side of each fills in. The whole run ends
 * by the deadline (8 s) with whatever was found, as does a cancelled one; a bad address throws
 * BadAddress.
 */
export function createDiscovery(deps: DiscoveryDeps) {
  return async (email: string, opts: DiscoveryOptions = {}): Promise<Discovery> => {
    const started = Date.now()
    const parsed = parseDiscoveryAddress(email)
    if (typeof parsed === 'string') throw new BadAddress(parsed)
    const address: DiscoveryAddress = { ...parsed, shown: shownDomain(parsed) }
    const shown = address.shown ?? address.domain
    const deadlineMs = opts.deadlineMs ?? deps.deadlineMs ?? DISCOVERY_DEADLINE_MS
    const deadline = started + deadlineMs
    const signal = opts.signal ?? new AbortController().signal
    const net: DiscoveryNet = {
      ...deps.net,
      allowHttp: opts.allowHttp ?? false,
      ...(opts.ispdbBase ? { ispdbBase: opts.ispdbBase } : {}),
    }
    const ctx = { address, net, catalog: deps.catalog, deadline }
    const emit = opts.onEvent ?? (() => undefined)
    const all = sourcesFor(deps)
    const ran: Ran[] = []
    const end = (raw: Ran): void => {
      // the words the user reads name an IDN in Unicode; lookups and comparisons keep punycode
      const r = raw.detail ? { ...raw, detail: shownText(raw.detail) } : raw
      ran.push(r)
      emit({ source: r.source.id, state: r.outcome, ms: r.ms, ...(r.detail ? { detail: r.detail } : {}) })
    }
    // RFC 6761 §6.4: names under .invalid never exist, so no lookup of them can succeed
    const neverExists = /(^|\.)invalid$/.test(address.domain)
    // a domain still being typed (`example.c`) is asked about nowhere: only the local sources answer
    const incomplete = !address.literal && !plausibleDomain(address.domain)
    const offline = neverExists || incomplete
    const applies = (s: Source): boolean => !(address.literal && NEEDS_DOMAIN.has(s.id)) && !(offline && !s.local)
    for (const s of all.filter((x) => !applies(x))) {
      const why = address.literal
        ? `${shown} is an IP address: there is no domain to look up`
        : neverExists
          ? `${shown} is under .invalid, which never exists (RFC 6761)`
          : `${shown} is not a complete domain name, so it was not looked up`
      end({ source: s, outcome: 'skipped', ms: 0, detail: why })
    }

    // local sources: no network, answered at once; a complete answer ends discovery here
    let settled = false
    for (const source of all.filter((s) => s.local && applies(s))) {
      if (settled) {
        end({ source, outcome: 'skipped', ms: 0, detail: 'not needed' })
        continue
      }
      emit({ source: source.id, state: 'running' })
      const t = Date.now()
      const finding = await source.run({ ...ctx, signal })
      const outcome: LookupOutcome = !finding ? 'nothing' : complete(finding) ? 'found' : 'partial'
      end({ source, outcome, ms: Date.now() - t, ...(finding ? { finding, detail: finding.detail } : {}) })
      settled = outcome === 'found'
    }
    const network = all.filter((s) => !s.local && applies(s))
    if (settled) {
      for (const source of network)
        end({ source, outcome: 'skipped', ms: 0, detail: 'not needed: no network lookup was made' })
    } else {
      await runByPriority(
        network.map((source) => ({ run: (sig: AbortSignal) => source.run({ ...ctx, signal: sig }) })),
        {
          deadlineMs: Math.max(0, deadline - Date.now()),
          signal,
          isComplete: complete,
          onStart: (i) => {
            const source = network[i]
            if (source) emit({ source: source.id, state: 'running' })
          },
          onSettle: (s: Settled<Finding>) => {
            const source = network[s.index]
            if (!source) return
            const detail =
              s.value?.detail ??
              s.detail ??
              (s.outcome === 'cancelled' ? 'a higher-priority lookup had the settings' : undefined)
            end({
              source,
              outcome: s.outcome,
              ms: s.ms,
              ...(s.value ? { finding: s.value } : {}),
              ...(detail ? { detail } : {}),
            })
          },
        },
      )
    }
    return summarize(address, ran, all, deps.catalog, Date.now() - started)
  }
}

function summarize(
  address: DiscoveryAddress,
  ranUnordered: readonly Ran[],
  all: readonly Source[],
  catalog: readonly Provider[],
  ms: number,
): Discovery {
  // priority order; a complete finding before the partial ones of the same rank
  const sorted = [...ranUnordered].sort((a, b) => all.indexOf(a.source) - all.indexOf(b.source))
  // a protocol the domain's SRV records refuse is not guessed into the answer (RFC 2782: ".")
  const refused = new Set(sorted.flatMap((r) => r.finding?.notOffered ?? []))
  const ran = sorted.map((r) =>
    r.source.id === 'guess' && r.finding && refused.size
      ? {
          ...r,
          finding: {
            ...r.finding,
            incoming: r.finding.incoming.filter((c) => !refused.has(c.server.protocol)),
            outgoing: refused.has('smtp') ? [] : r.finding.outgoing,
          },
        }
      : r,
  )
  const winner = ran.find((r) => r.finding && complete(r.finding)) ?? ran.find((r) => r.finding)
  const ordered = winner ? [winner, ...ran.filter((r) => r !== winner)] : ran
  const incoming = collect(ordered, (f) => f.incoming, address, catalog)
  const outgoing = collect(ordered, (f) => f.outgoing, address, catalog)
  const firstHost = incoming[0]?.server.host ?? outgoing[0]?.server.host
  const provider =
    winner?.finding?.provider ??
    (firstHost ? catalog.find((p) => presetHosts(p).includes(firstHost)) : undefined) ??
    null
  const source = incoming[0]?.source ?? outgoing[0]?.source ?? null
  const chosen = ordered.find((r) => r.source.id === source)?.finding
  return {
    address,
    source,
    incoming,
    outgoing,
    provider,
    ...(chosen?.publisher ? { publisher: chosen.publisher } : {}),
    signIn: chosen?.signIn ?? provider?.signIn ?? null,
    ...(chosen?.savedFor ? { savedFor: chosen.savedFor } : {}),
    lookups: ran.map((r) => ({
      source: r.source.id,
      ms: r.ms,
      outcome: r.outcome,
      ...(r.detail ? { detail: r.detail } : {}),
    })),
    ms,
  }
}
