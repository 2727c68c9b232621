import type { Socket } from 'node:net'
import { connectTcp } from '../../mail/open-socket.js'
import { factsFrom, ProbeCancelled } from '../../mail/probe-failure.js'
import { LookupError } from '../lookup-error.js'
import type { Dns } from './dns.js'

export interface Target {
  host: string
  port: number
}

/**
 * How discovery opens a TCP connection to a named host: the one seam every socket of a discovery run
 * (HTTPS lookups, guesses) goes through. The default resolves the name with discovery's own DNS and
 * connects to the address; a proxy (issue 16) swaps in a factory that hands the name to the proxy
 * instead, so no local DNS query is made.
 */
export type Connect = (target: Target, signal: AbortSignal) => Promise<Socket>

/** Tries the host's addresses in order (IPv4 first), each with `timeoutMs` to connect. */
export function createConnect(dns: Dns, timeoutMs: number): Connect {
  return async ({ host, port }, signal) => {
    const addresses = await dns.addresses(host, signal)
    if (addresses.length === 0) throw new LookupError('nothing', `${host} does not exist (DNS)`)
    let last: unknown
    for (const address of addresses) {
      try {
        return await connectTcp(address, port, timeoutMs, signal)
      } catch (e) {
        if (e instanceof ProbeCancelled) throw new LookupError('timeout', `${host}: stopped`)
        last = e
      }
    }
    const facts = factsFrom(last)
    const outcome = facts.code === 'ETIMEDOUT' ? 'timeout' : 'failed'
    throw new LookupError(outcome, `${host} port ${port}: ${facts.code === 'ECONNREFUSED' ? 'refused' : facts.message}`)
  }
}
