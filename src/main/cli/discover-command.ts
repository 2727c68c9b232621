import { PRESETS, type Provider } from '../../shared/providers.js'
import { discoveryNet, type NetOptions } from '../discovery/default-net.js'
import { createDiscovery, type Discovery } from '../discovery/discover.js'
import { parseDiscoverArgs, type DiscoveryFlags } from './discover-args.js'
import { describeDiscovery, discoveryJson } from './discover-output.js'
import { EXIT, type CliIo } from './io.js'
import { withSavedIspdb } from './saved-ispdb.js'

/** What tests inject: the catalog, and the network's test-only parts (CA, port map, a DNS). */
export interface DiscoverCommandDeps {
  catalog?: readonly Provider[]
  net?: NetOptions
}

/** Discovery as the CLI runs it: the flags' DNS servers and provider database; no saved accounts. */
export function cliDiscovery(flags: DiscoveryFlags, deps: DiscoverCommandDeps) {
  return createDiscovery({
    catalog: deps.catalog ?? PRESETS,
    net: discoveryNet({
      ...deps.net,
      ...(flags.dnsServers.length ? { dnsServers: flags.dnsServers } : {}),
      ...(flags.ispdb ? { ispdbBase: flags.ispdb } : {}),
    }),
    ...(flags.timeoutMs ? { deadlineMs: flags.timeoutMs } : {}),
  })
}

/** Both sides found: `mailkey discover` exits 0. */
export function foundBoth(d: Discovery): boolean {
  return d.incoming.length > 0 && d.outgoing.length > 0
}

/**
 * `mailkey discover ADDR`: every lookup at once, the servers best first with their sources; the
 * provider database is `--ispdb`, else the app's setting (saved-ispdb.ts), else Thunderbird's. Exit 0
 * when at least one incoming and one outgoing server were found, 1 when not, 2 for bad usage.
 */
export async function runDiscoverCommand(argv: string[], io: CliIo, deps: DiscoverCommandDeps = {}): Promise<number> {
  const args = withSavedIspdb(parseDiscoverArgs(argv), io)
  const live = !args.json && io.stderr.isTTY === true
  const discovery = await cliDiscovery(args, deps)(args.address, {
    ...(live ? { onEvent: (e) => e.state === 'running' && io.stderr.write(`  looking: ${e.source}…\n`) } : {}),
  })
  io.stdout.write(args.json ? `${JSON.stringify(discoveryJson(discovery))}\n` : describeDiscovery(discovery))
  return foundBoth(discovery) ? EXIT.ok : EXIT.failed
}
