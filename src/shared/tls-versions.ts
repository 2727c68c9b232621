// No schema library here: the diagnosis reads these, and the CLI's light commands load it without zod.

export const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'] as const
export type TlsVersion = (typeof TLS_VERSIONS)[number]

export const DEFAULT_MIN_TLS: TlsVersion = '1.2'

/** Versions below this are broken (RFC 8996 deprecates TLS 1.0 and 1.1); allowing them earns a warning. */
export function isLegacyTls(version: TlsVersion): boolean {
  return version === '1.0' || version === '1.1'
}
