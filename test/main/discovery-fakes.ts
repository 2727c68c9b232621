import { LookupError } from '../../src/main/discovery/lookup-error.js'
import type { Dns, MxRecord } from '../../src/main/discovery/net/dns.js'
import type { DiscoveryNet } from '../../src/main/discovery/types.js'

/** Counts every network call discovery makes, by kind. */
export interface NetCalls {
  dns: string[]
  http: string[]
  connect: string[]
}

/**
 * A network where nothing exists (every name NXDOMAIN, every URL 404, every connection refused), with
 * MX answers from `mx`, and a log of every call: for unit tests of discovery's logic, and to prove a
 * known domain makes no network call at all.
 */
export function fakeNet(mx: (domain: string) => MxRecord[] = () => []): {
  net: Omit<DiscoveryNet, 'allowHttp'>
  calls: NetCalls
} {
  const calls: NetCalls = { dns: [], http: [], connect: [] }
  const dns: Dns = {
    mx: (domain) => {
      calls.dns.push(`MX ${domain}`)
      return Promise.resolve(mx(domain))
    },
    srv: (name) => {
      calls.dns.push(`SRV ${name}`)
      return Promise.resolve([])
    },
    addresses: (host) => {
      calls.dns.push(`A ${host}`)
      return Promise.resolve([])
    },
  }
  return {
    calls,
    net: {
      dns,
      httpGet: (url) => {
        calls.http.push(url.href)
        return Promise.resolve(null)
      },
      connect: ({ host, port }) => {
        calls.connect.push(`${host}:${port}`)
        return Promise.reject(new LookupError('failed', `${host}:${port}: refused`))
      },
      ports: {},
      ispdbBase: 'https://ispdb.invalid/v1.1/',
    },
  }
}
