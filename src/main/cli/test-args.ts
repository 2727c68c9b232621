import { parseArgs } from 'node:util'
import {
  EmailSchema,
  HostSchema,
  PortSchema,
  SecuritySchema,
  UsernameSchema,
  type IncomingProtocol,
  type Security,
} from '../../shared/mail.js'
import { securityForPort } from '../../shared/ports.js'
import { asciiHost } from '../host-names.js'
import { discoveryFlags, DISCOVERY_OPTIONS, type DiscoveryFlags } from './discover-args.js'
import { parseFlag, UsageError } from './io.js'
import { OFFICE_OPTIONS, parseOfficeArgs, type OfficeArgs } from './office-args.js'

export interface Endpoint {
  host: string
  port: number
}

export interface TestArgs extends DiscoveryFlags {
  email: string
  /** `password` (from stdin) or `oauth2`: the sign-in saved for the address (`mailkey oauth authorize`). */
  auth: 'password' | 'oauth2'
  username?: string
  incoming?: { protocol: IncomingProtocol; endpoint: Endpoint; security?: Security }
  outgoing?: { endpoint: Endpoint; security?: Security }
  only?: 'incoming' | 'outgoing'
  json: boolean
  transcript: boolean
  office: OfficeArgs
}

/** HOST:PORT, with IPv6 literals in brackets ([::1]:993). */
export function parseEndpoint(raw: string, flag: string): Endpoint {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(raw) ?? /^([^:]+):(\d+)$/.exec(raw)
  if (!m) throw new UsageError(`${flag} wants HOST:PORT, for example imap.gmail.com:993 (got "${raw.slice(0, 80)}")`)
  const host = asciiHost(parseFlag(HostSchema, m[1], flag))
  if (host === null) throw new UsageError(`${flag}: ${m[1]?.slice(0, 80)} is not a valid server name`)
  return { host, port: parseFlag(PortSchema, Number(m[2]), flag) }
}

function security(raw: string | undefined, flag: string): Security | undefined {
  if (raw === undefined) return undefined
  const s = parseFlag(SecuritySchema, raw, flag)
  // `none` sends the password in the clear; the CLI does not offer it
  if (s === 'none') throw new UsageError(`${flag} must be tls or starttls`)
  return s
}

export function parseTestArgs(argv: string[]): TestArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        username: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        auth: { type: 'string' },
        imap: { type: 'string' },
        pop3: { type: 'string' },
        'incoming-security': { type: 'string' },
        smtp: { type: 'string' },
        'outgoing-security': { type: 'string' },
        only: { type: 'string' },
        'timeout-ms': { type: 'string' },
        json: { type: 'boolean' },
        transcript: { type: 'boolean' },
        ...DISCOVERY_OPTIONS,
        ...OFFICE_OPTIONS,
      },
    }))
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  if (!values.email) throw new UsageError('--email is required')
  const auth = values.auth ?? 'password'
  if (auth !== 'password' && auth !== 'oauth2') throw new UsageError('--auth must be password or oauth2')
  if (auth === 'password' && !values['password-stdin'])
    throw new UsageError('--password-stdin is required (the password is never a flag)')
  if (auth === 'oauth2' && (values['password-stdin'] || values.username !== undefined))
    throw new UsageError('--auth oauth2 signs in with the saved sign-in: no --password-stdin or --username')
  if (values.imap && values.pop3) throw new UsageError('use --imap or --pop3, not both')
  const args: TestArgs = {
    email: parseFlag(EmailSchema, values.email, '--email'),
    auth,
    json: values.json ?? false,
    transcript: values.transcript ?? false,
    ...discoveryFlags(values),
    office: parseOfficeArgs(values),
  }
  if (values.username !== undefined) args.username = parseFlag(UsernameSchema, values.username, '--username')
  const inSecurity = security(values['incoming-security'], '--incoming-security')
  const outSecurity = security(values['outgoing-security'], '--outgoing-security')
  if (values.imap || values.pop3) {
    const protocol: IncomingProtocol = values.imap ? 'imap' : 'pop3'
    args.incoming = {
      protocol,
      endpoint: parseEndpoint((values.imap ?? values.pop3) as string, `--${protocol}`),
      ...(inSecurity ? { security: inSecurity } : {}),
    }
  } else if (inSecurity) {
    throw new UsageError('--incoming-security needs --imap or --pop3')
  }
  if (values.smtp) {
    args.outgoing = {
      endpoint: parseEndpoint(values.smtp, '--smtp'),
      ...(outSecurity ? { security: outSecurity } : {}),
    }
  } else if (outSecurity) {
    throw new UsageError('--outgoing-security needs --smtp')
  }
  if (values.only !== undefined) {
    if (values.only !== 'incoming' && values.only !== 'outgoing')
      throw new UsageError('--only must be incoming or outgoing')
    args.only = values.only
  }
  return args
}

/** The security for a port given without one: the standard pairing, or a usage error for odd ports. */
export function securityOrStandard(port: number, given: Security | undefined, flag: string): Security {
  if (given) return given
  const s = securityForPort(port)
  if (!s) throw new UsageError(`port ${port} is not a standard mail port: say ${flag} tls or starttls`)
  return s
}
