import { isIP, type Socket } from 'node:net'
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

/**
 * Resolves the host with discovery's DNS and races its addresses (Happy Eyeballs, as every mail socket
 * connects: open-socket.ts), `timeoutMs` for the whole attempt. Fails with a LookupError: `nothing`
 * when the name has no address, `timeout` when nothing answered (or the run stopped), else `failed`.
 */
export function createConnect(dns: Dns, timeoutMs: number): Connect {
  return async ({ host, port }, signal) => {
    const found = await dns.addresses(host, signal)
    if (found.length === 0) throw new LookupError('nothing', `${host} does not exist (DNS)`)
    const addresses = found.map((address) => ({ address, family: isIP(address) }))
    try {
      return await connectTcp({ host, port, addresses }, {}, timeoutMs, signal)
    } catch (e) {
      if (e instanceof ProbeCancelled) throw new LookupError('timeout', `${host}: stopped`)
      const facts = factsFrom(e)
      const outcome = facts.code === 'ETIMEDOUT' ? 'timeout' : 'failed'
      throw new LookupError(
        outcome,
        `${host} port ${port}: ${facts.code === 'ECONNREFUSED' ? 'refused' : facts.message}`,
      )
    }
  }
}
