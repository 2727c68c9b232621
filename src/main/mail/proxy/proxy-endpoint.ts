import { proxyLabel, type ProxySetting } from '../../../shared/connection.js'

/**
 * A proxy to connect through, as the mail layer is handed it: the account's setting plus the password
 * from the keychain (never stored with the setting, never logged: `via` lines use proxyLabel).
 */
export interface ProxyEndpoint extends ProxySetting {
  password?: string | undefined
}

/** Where a connection goes: the mail server as named by the user, resolved by the proxy, never here. */
export interface TunnelTarget {
  host: string
  port: number
}

/** "the SOCKS5 proxy 10.0.0.5:1080" / "the HTTP proxy proxy.lan:3128", for plain-language messages. */
export function proxyWords(proxy: ProxySetting): string {
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host
  return `the ${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP'} proxy ${host}:${proxy.port}`
}

export { proxyLabel }
