import { readFileSync } from 'node:fs'
import {
  parseProxyUrl,
  PROXY_URL_HINT,
  SpkiPinSchema,
  TlsVersionSchema,
  type ProxySetting,
  type TlsVersion,
} from '../../shared/connection.js'
import { NotACaCertificate, readOfficeCa } from '../mail/office-ca.js'
import type { TrustedCa } from '../../shared/connection.js'
import { parseFlag, UsageError } from './io.js'

/** The office flags of `mailkey test` (issue 16), parsed; the proxy's password comes later, from stdin. */
export interface OfficeArgs {
  proxy?: ProxySetting
  /** Read the proxy's password from stdin's second line (the mail password is on the first). */
  proxyPasswordStdin: boolean
  minTls?: TlsVersion
  /** Keys the servers may present (any one of them), `sha256/BASE64`. */
  pins: string[]
  cas: TrustedCa[]
  /** Store these options on the saved account with this address once the test passed. */
  save: boolean
}

export const OFFICE_OPTIONS = {
  proxy: { type: 'string' },
  'proxy-password-stdin': { type: 'boolean' },
  'min-tls': { type: 'string' },
  pin: { type: 'string', multiple: true },
  ca: { type: 'string', multiple: true },
  save: { type: 'boolean' },
} as const

export { OFFICE_HELP, OFFICE_USAGE } from './usage.js'

interface OfficeValues {
  proxy?: string | undefined
  'proxy-password-stdin'?: boolean | undefined
  'min-tls'?: string | undefined
  pin?: string[] | undefined
  ca?: string[] | undefined
  save?: boolean | undefined
}

function readCa(file: string): TrustedCa {
  let pem: string
  try {
    pem = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`--ca: cannot read ${file.slice(0, 200)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  try {
    return readOfficeCa(pem)
  } catch (e) {
    if (e instanceof NotACaCertificate) throw new UsageError(`--ca ${file.slice(0, 200)}: ${e.message}`)
    throw e
  }
}

export function parseOfficeArgs(values: OfficeValues): OfficeArgs {
  const args: OfficeArgs = {
    proxyPasswordStdin: values['proxy-password-stdin'] ?? false,
    // curl's list form (sha256//A;sha256//B) is taken too
    pins: (values.pin ?? [])
      .flatMap((p) => p.split(';'))
      .map((p) => parseFlag(SpkiPinSchema, p.replace(/^sha256\/\//, 'sha256/'), '--pin')),
    cas: (values.ca ?? []).map(readCa),
    save: values.save ?? false,
  }
  if (values.proxy !== undefined) {
    const parsed = parseProxyUrl(values.proxy)
    if (!parsed.ok) throw new UsageError(`--proxy: ${parsed.message}`)
    args.proxy = parsed.proxy
  }
  if (args.proxy?.username && !args.proxyPasswordStdin) {
    throw new UsageError('--proxy names a user: give its password with --proxy-password-stdin (second line of stdin)')
  }
  if (args.proxyPasswordStdin && !args.proxy?.username) {
    throw new UsageError(`--proxy-password-stdin needs --proxy with a user name (${PROXY_URL_HINT})`)
  }
  if (values['min-tls'] !== undefined) args.minTls = parseFlag(TlsVersionSchema, values['min-tls'], '--min-tls')
  return args
}

/**
 * The secrets on stdin: the mail password, and with --proxy-password-stdin the proxy's on the next
 * line. Exactly one trailing newline is dropped; a missing second line is a usage error.
 */
export function splitSecrets(raw: string, withProxy: boolean): { password: string; proxyPassword?: string } {
  if (!withProxy) return { password: raw }
  const nl = raw.indexOf('\n')
  if (nl < 0) {
    throw new UsageError('stdin must hold the mail password on its first line and the proxy password on the second')
  }
  return { password: raw.slice(0, nl).replace(/\r$/, ''), proxyPassword: raw.slice(nl + 1).replace(/\r?\n$/, '') }
}
