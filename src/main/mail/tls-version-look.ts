import { TLS_VERSIONS, type TlsVersion } from '../../shared/connection.js'
import type { ConnectionOptions } from './protocol-options.js'
import { handshakeReached, secondLookSocket } from './proxy/second-look.js'

/** Node/OpenSSL's words for "no TLS version in common" (client side, server side, and a config with none). */
export function isTlsVersionError(code: string | undefined): boolean {
  return /^ERR_SSL_(UNSUPPORTED_PROTOCOL|TLSV1_ALERT_PROTOCOL_VERSION|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|WRONG_SSL_VERSION)$/.test(
    code ?? '',
  )
}

const NODE: Record<TlsVersion, 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'> = {
  '1.0': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
}

/** One handshake pinned to one version: does the server take it? A certificate failure counts as yes. */
async function takes(
  version: TlsVersion,
  target: { address: string; port: number; host: string },
  conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>,
  timeoutMs: number,
): Promise<boolean> {
  const legacy = version === '1.0' || version === '1.1'
  const socket = await secondLookSocket(target.host, target.port, conn, timeoutMs, {
    minVersion: NODE[version],
    maxVersion: NODE[version],
    // OpenSSL 3 needs security level 0 to sign a 1.0/1.1 handshake at all (protocol-options.ts)
    ...(legacy && /^[1-9]/.test(process.versions.openssl ?? '') ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
  })
  return socket ? handshakeReached(socket, timeoutMs) : false
}

/**
 * After a handshake found no TLS version in common: which versions does this implicit-TLS port take?
 * One handshake per version, all at once (verification on, nothing but a ClientHello sent), so the
 * diagnosis can say "the server only speaks TLS 1.0" rather than guess. Lowest first; empty when none
 * answered in `timeoutMs`.
 */
export async function serverTlsVersions(
  target: { address: string; port: number; host: string },
  conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>,
  timeoutMs: number,
): Promise<TlsVersion[]> {
  const answers = await Promise.all(TLS_VERSIONS.map((v) => takes(v, target, conn, timeoutMs)))
  return TLS_VERSIONS.filter((_, i) => answers[i])
}
