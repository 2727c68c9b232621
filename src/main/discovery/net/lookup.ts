import { isIP, type LookupFunction } from 'node:net'
import type { Dns } from './dns.js'

const LOOKUP_MS = 5000

/**
 * net.connect's `lookup` over discovery's DNS, so a test's sockets (and their follow-ups) resolve names
 * through the same `--dns-server` as the discovery before them. Answers IPv4 first.
 */
export function lookupVia(dns: Dns): LookupFunction {
  return (hostname, options, callback) => {
    const family = isIP(hostname)
    if (family) {
      if (options.all) callback(null, [{ address: hostname, family }])
      else callback(null, hostname, family)
      return
    }
    dns.addresses(hostname, AbortSignal.timeout(LOOKUP_MS)).then(
      (addresses) => {
        if (addresses.length === 0) {
          const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })
          callback(err, '', 4)
          return
        }
        const all = addresses.map((address) => ({ address, family: isIP(address) }))
        if (options.all) callback(null, all)
        else callback(null, all[0]?.address ?? '', all[0]?.family ?? 4)
      },
      (e: unknown) => {
        const err = Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), {
          code: 'EAI_AGAIN',
          hostname,
          cause: e,
        })
        callback(err, '', 4)
      },
    )
  }
}
