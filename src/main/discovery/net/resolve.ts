import { isIP } from 'node:net'
import type { Resolve } from '../../mail/protocol-options.js'
import type { Dns } from './dns.js'

const LOOKUP_MS = 5000

/**
 * A `Resolve` (ConnectionOptions.resolve) over discovery's DNS, so a test's sockets (and their
 * follow-ups) resolve names through the same `--dns-server` as the discovery before them. Every
 * address, as the DNS answered them; Happy Eyeballs then races them. Fails like getaddrinfo:
 * ENOTFOUND when the name has no address, EAI_AGAIN when the server did not answer in 5 s.
 */
export function resolveVia(dns: Dns): Resolve {
  return async (hostname) => {
    const family = isIP(hostname)
    if (family) return [{ address: hostname, family }]
    let addresses: string[]
    try {
      addresses = await dns.addresses(hostname, AbortSignal.timeout(LOOKUP_MS))
    } catch (e) {
      throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: 'EAI_AGAIN', hostname, cause: e })
    }
    if (addresses.length === 0) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })
    }
    return addresses.map((address) => ({ address, family: isIP(address) }))
  }
}
