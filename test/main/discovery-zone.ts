import { discoveryNet } from '../../src/main/discovery/default-net.js'
import { createDiscovery, type DiscoveryDeps } from '../../src/main/discovery/discover.js'
import { PRESETS } from '../../src/shared/providers.js'
import { startAutoconfigServer, type AutoconfigServer } from '../bed/autoconfig-server.js'
import { startDnsServer, type TestDnsServer } from '../bed/dns-server.js'
import { discoveryZone, zoneIspdb, zonePorts } from '../bed/discovery-zone.js'
import type { BedInfo } from '../bed/index.js'

/** The discovery zone's DNS and web servers, started for one test file. */
export interface ZoneServers {
  dns: TestDnsServer
  web: AutoconfigServer
  /** Discovery deps pointing every query and socket at the zone (the bed's CA trusted). */
  deps(extra?: Partial<DiscoveryDeps>): DiscoveryDeps
  discover: ReturnType<typeof createDiscovery>
  stop(): Promise<void>
}

export async function startZone(bed: BedInfo): Promise<ZoneServers> {
  const zone = discoveryZone(bed)
  const dns = await startDnsServer({ zone: zone.zone, blackHoles: zone.blackHoles })
  const web = await startAutoconfigServer({
    key: bed.certs.server.key,
    cert: bed.certs.server.cert,
    routes: zone.routes,
  })
  const deps = (extra: Partial<DiscoveryDeps> = {}): DiscoveryDeps => ({
    catalog: PRESETS,
    net: discoveryNet({ dnsServers: [dns.server], ca: bed.ca, ports: zonePorts(bed, web), ispdbBase: zoneIspdb(web) }),
    ...extra,
  })
  return {
    dns,
    web,
    deps,
    discover: createDiscovery(deps()),
    stop: async () => {
      await web.close()
      await dns.close()
    },
  }
}
