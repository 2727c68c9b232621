import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAutoconfigServer } from '../bed/autoconfig-server.js'
import { startDnsServer } from '../bed/dns-server.js'
import { discoveryZone } from '../bed/discovery-zone.js'
import { startBed } from '../bed/index.js'

export const BED_INFO_ENV = 'MAILKEY_E2E_BED'
export const ZONE_INFO_ENV = 'MAILKEY_E2E_ZONE'

/** Where the discovery zone runs for the browser suite (its DNS server and web ports). */
export interface ZoneInfo {
  dnsServer: string
  httpsPort: number
  httpPort: number
}

/**
 * Starts the mail bed and the discovery zone (DNS and autoconfig servers) once for the browser suite;
 * Playwright runs the returned teardown at the end.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const bed = await startBed()
  const zone = discoveryZone(bed.info)
  const dns = await startDnsServer({ zone: zone.zone, blackHoles: zone.blackHoles })
  const web = await startAutoconfigServer({
    key: bed.info.certs.server.key,
    cert: bed.info.certs.server.cert,
    routes: zone.routes,
  })
  const file = join(tmpdir(), `mailkey-e2e-bed-${process.pid}.json`)
  writeFileSync(file, JSON.stringify(bed.info))
  process.env[BED_INFO_ENV] = file
  const zoneFile = join(tmpdir(), `mailkey-e2e-zone-${process.pid}.json`)
  const info: ZoneInfo = { dnsServer: dns.server, httpsPort: web.httpsPort, httpPort: web.httpPort }
  writeFileSync(zoneFile, JSON.stringify(info))
  process.env[ZONE_INFO_ENV] = zoneFile
  return async () => {
    await web.close()
    await dns.close()
    await bed.stop()
  }
}
