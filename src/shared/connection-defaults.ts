import type { ConnectionSettings } from './connection.js'

/** No office option: a direct connection, TLS 1.2 at least, the system's trust. Apart from the schemas (no zod). */
export const DIRECT_CONNECTION: ConnectionSettings = { proxy: null, minTls: [], pins: [], cas: [] }

/** True when the settings hold no office option at all (what DIRECT_CONNECTION describes). */
export function isDirect(settings: ConnectionSettings): boolean {
  return settings.proxy === null && settings.minTls.length + settings.pins.length + settings.cas.length === 0
}
