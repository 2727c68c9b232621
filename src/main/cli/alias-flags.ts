import type { NewAlias } from '../accounts/alias-service.js'
import { EmailSchema, PasswordSchema, UsernameSchema } from '../../shared/mail.js'
import type { AliasValues } from './alias-command.js'
import { parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { parseEndpoint, securityOrStandard } from './test-args.js'

/**
 * The flags of `alias add`, `remove` and `check`, validated with the app's own schemas. Kept apart so
 * `alias list` and `alias export` start without loading them.
 */
export function email(value: string | undefined, flag: string): string {
  return parseFlag(EmailSchema, value ?? '', flag)
}

/** `alias add`'s flags as the alias to add (its own server and login, when given). */
export async function newAlias(v: AliasValues, io: CliIo): Promise<NewAlias> {
  const address = email(v.address, '--address')
  let smtp
  if (v.smtp) {
    const endpoint = parseEndpoint(v.smtp, '--smtp')
    const given = v['outgoing-security']
    if (given !== undefined && given !== 'tls' && given !== 'starttls')
      throw new UsageError('--outgoing-security must be tls or starttls')
    smtp = { ...endpoint, security: securityOrStandard(endpoint.port, given, '--outgoing-security') }
  }
  if (v.username !== undefined && (!smtp || !v['password-stdin'])) {
    throw new UsageError('--username needs --smtp and --password-stdin (an alias with its own login)')
  }
  let login: { smtpUsername: string; password: string } | undefined
  if (v.username !== undefined) {
    const smtpUsername = parseFlag(UsernameSchema, v.username, '--username')
    login = { smtpUsername, password: parseFlag(PasswordSchema, await readSecret(io.stdin), 'password') }
  }
  return {
    name: (v.name ?? '').trim().slice(0, 200),
    address,
    ...(v['reply-to'] ? { replyTo: email(v['reply-to'], '--reply-to') } : {}),
    treatAsAlias: !v['not-alias'],
    ...(smtp ? { smtp } : {}),
    ...(login ?? {}),
  }
}
