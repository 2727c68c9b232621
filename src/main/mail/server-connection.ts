import { minTlsFor, pinFor, type ConnectionSettings } from '../../shared/connection.js'
import type { ConnectionOptions } from './protocol-options.js'

/**
 * An account's office connection options as the mail layer is handed them: the settings (proxy, TLS
 * minimum per server, pinned keys, office CAs) and the proxy's password from the keychain.
 */
export interface OfficeOptions {
  settings: ConnectionSettings
  proxyPassword?: string | undefined
}

/**
 * The connection options for one server of an account: the base (what the app or CLI trusts, the
 * timeouts) with the account's choices for this host and port laid over it. Without office options
 * the base is used as it is (the CLI puts its flags there).
 */
export function connectionFor(
  base: ConnectionOptions,
  office: OfficeOptions | undefined,
  server: { host: string; port: number },
): ConnectionOptions {
  if (!office) return base
  const { settings } = office
  const pin = pinFor(settings, server)
  const cas = settings.cas.map((c) => c.pem)
  return {
    ...base,
    trust: {
      ...base.trust,
      extraCas: [...(base.trust.extraCas ?? []), ...cas],
      minVersion: minTlsFor(settings, server),
      ...(pin ? { pins: [pin.spki], anchors: pin.anchor ? [pin.anchor] : [] } : {}),
    },
    ...(settings.proxy
      ? {
          proxy: {
            ...settings.proxy,
            ...(office.proxyPassword !== undefined ? { password: office.proxyPassword } : {}),
          },
        }
      : {}),
  }
}
