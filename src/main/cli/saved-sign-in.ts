import type { IncomingServer, Server } from '../../shared/mail.js'
import type { PendingTokenLogin } from '../mail/login.js'
import { cliServices } from './cli-services.js'
import { AppError } from '../app-error.js'
import type { CliIo } from './io.js'

/**
 * The OAuth sign-in saved for an address: a saved account's (with its servers), or one saved by
 * `mailkey oauth authorize` for an address without an account. Its token login refreshes the access
 * token as the test's "authorizing" stage.
 */
export async function savedSignIn(
  email: string,
  io: CliIo,
): Promise<{ login: PendingTokenLogin; servers?: { incoming: IncomingServer; outgoing: Server } }> {
  const { services } = await cliServices(io)
  const account = (await services.accounts.list()).find((a) => a.email.toLowerCase() === email.toLowerCase())
  if (account?.oauth) {
    const login = await services.credentials.tokenLogin({ ...account, oauth: account.oauth })
    if (!login)
      throw new AppError(
        'NOT_FOUND',
        `The saved sign-in of ${email} is gone from the keychain: run mailkey oauth authorize ${email}.`,
      )
    return { login, servers: { incoming: account.incoming, outgoing: account.outgoing } }
  }
  const grant = services.oauthGrants.findByEmail(email)
  const login = grant ? await services.credentials.tokenLogin({ ...grant, username: grant.email }) : null
  if (!login)
    throw new AppError(
      'NOT_FOUND',
      `No OAuth sign-in is saved for ${email}: run mailkey oauth authorize ${email} first.`,
    )
  return { login }
}
