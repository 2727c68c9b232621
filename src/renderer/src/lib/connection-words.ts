import { proxyLabel, type ConnectionSettings } from '../../../shared/connection.js'

/**
 * Office connection options in a few words, for a summary line: "through socks5://desk@proxy.lan:1080",
 * "TLS 1.3 only for smtp.example.com:465", "1 trusted certificate", "1 office CA". Empty for a direct
 * connection.
 */
export function connectionWords(c: ConnectionSettings | undefined): string[] {
  if (!c) return []
  const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
  return [
    ...(c.proxy ? [`through ${proxyLabel(c.proxy)}`] : []),
    ...c.minTls.map((m) => `TLS ${m.version}${m.version === '1.3' ? ' only' : ' and newer'} for ${m.host}:${m.port}`),
    ...(c.pins.length ? [plural(c.pins.length, 'trusted certificate')] : []),
    ...(c.cas.length ? [plural(c.cas.length, 'office CA')] : []),
  ]
}
