import { checkIspdbBase } from '../../shared/preferences.js'
import { parseArgs } from 'node:util'
import { parseDiscoveryAddress } from '../../shared/discovery-address.js'
import { parseDnsServer } from '../discovery/net/dns.js'
import { UsageError } from './io.js'

export interface DiscoveryFlags {
  dnsServers: string[]
  ispdb?: string
  timeoutMs?: number
}

export interface DiscoverArgs extends DiscoveryFlags {
  address: string
  json: boolean
}

/** The discovery flags `discover` and `test` share (values from node:util parseArgs). */
export const DISCOVERY_OPTIONS = {
  'dns-server': { type: 'string', multiple: true },
  ispdb: { type: 'string' },
} as const

/** `--dns-server`, `--ispdb` and `--timeout-ms` checked; a UsageError says what is wrong. */
export function discoveryFlags(values: {
  'dns-server'?: string[]
  ispdb?: string
  'timeout-ms'?: string
}): DiscoveryFlags {
  const dnsServers = (values['dns-server'] ?? []).map((raw) => {
    const parsed = parseDnsServer(raw)
    if (typeof parsed !== 'string') throw new UsageError(parsed.error)
    return parsed
  })
  const flags: DiscoveryFlags = { dnsServers }
  if (values.ispdb !== undefined) {
    // the same rule as the app's setting: https (http for this computer only), no password in it
    const checked = checkIspdbBase(values.ispdb)
    if (!checked.ok) throw new UsageError(`--ispdb: ${checked.message}`)
    flags.ispdb = checked.value
  }
  if (values['timeout-ms'] !== undefined) {
    const n = Number(values['timeout-ms'])
    if (!Number.isInteger(n) || n < 100 || n > 600_000) {
      throw new UsageError('--timeout-ms must be a whole number of milliseconds between 100 and 600000')
    }
    flags.timeoutMs = n
  }
  return flags
}

export function parseDiscoverArgs(argv: string[]): DiscoverArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { ...DISCOVERY_OPTIONS, json: { type: 'boolean' }, 'timeout-ms': { type: 'string' } },
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) throw new UsageError('give exactly one address: mailkey discover you@example.com')
  const address = positionals[0] ?? ''
  const checked = parseDiscoveryAddress(address)
  if (typeof checked === 'string') throw new UsageError(checked)
  return { address: checked.address, json: values.json ?? false, ...discoveryFlags(values) }
}
