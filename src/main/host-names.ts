import { isIP } from 'node:net'
import { domainToASCII } from 'node:url'

/**
 * A host name as the network and TLS use it: an internationalised name in punycode (UTS #46, the WHATWG
 * URL rules Node's `domainToASCII` implements: `bücher.example` → `xn--bcher-kva.example`), lower case,
 * an IP literal as it is. Null when the name has no ASCII form. The shared `isValidHost` gives the page
 * the same verdict without Node; this is the conversion, done once in main.
 */
export function asciiHost(host: string): string | null {
  if (isIP(host)) return host
  const ascii = domainToASCII(host)
  return ascii === '' ? null : ascii
}

/**
 * Every `host` field in a parsed IPC input (servers at any depth), in its ASCII form. Throws a
 * RangeError naming the host when one has none (dispatch reports it as INVALID_INPUT).
 */
export function withAsciiHosts<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withAsciiHosts(v)) as T
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === 'host' && typeof v === 'string') {
      const ascii = asciiHost(v)
      if (ascii === null) throw new RangeError(`host: ${v.slice(0, 253)} is not a valid server name.`)
      out[key] = ascii
    } else {
      out[key] = withAsciiHosts(v)
    }
  }
  return out as T
}
