import type { Account, Alias } from '../../shared/account.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import { sameServer } from '../../shared/same-server.js'
import { AppError } from '../app-error.js'

export { sameServer }

/**
 * A saved secret belongs to the servers it was saved for (DESIGN.md, Credentials: "never send a saved
 * secret to a server other than the ones it was saved for"). Sending it anywhere else would hand it to
 * whoever runs that host, so the page could obtain a secret it can never read (issue 12, fault 1): a
 * changed server needs the secret typed again.
 */
function refuse(server: Server): never {
  throw new AppError(
    'PASSWORD_REQUIRED',
    `The server changed to ${server.host}:${server.port}. Enter the password again: Mailkey sends a saved password only to the servers it was saved for.`,
  )
}

/**
 * Throws PASSWORD_REQUIRED unless every server given is exactly (protocol, host, port, security) one
 * the account's saved secret was saved for: incoming with incoming, outgoing with outgoing.
 */
export function assertSavedSecretFits(
  account: Pick<Account, 'incoming' | 'outgoing'>,
  servers: { incoming?: IncomingServer | undefined; outgoing?: Server | undefined },
): void {
  if (servers.incoming && !sameServer(servers.incoming, account.incoming)) refuse(servers.incoming)
  if (servers.outgoing && !sameServer(servers.outgoing, account.outgoing)) refuse(servers.outgoing)
}

/**
 * An alias with its own SMTP server but no login of its own would send with the account's secret:
 * only allowed when that server is the account's own outgoing server.
 */
export function assertAliasServerFits(
  account: Pick<Account, 'outgoing'>,
  alias: Pick<Alias, 'smtp' | 'smtpUsername'>,
): void {
  if (alias.smtp && alias.smtpUsername === null && !sameServer(alias.smtp, account.outgoing)) refuse(alias.smtp)
}
