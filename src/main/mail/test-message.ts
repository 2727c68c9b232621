import type { SendTestResult } from '../../shared/ipc/contract.js'
import type { AccountsService } from '../accounts/accounts-service.js'
import { AppError } from '../app-error.js'
import { diagnose } from '../diagnosis/index.js'
import type { TlsTrust } from './open-socket.js'
import { factsFrom } from './probe-failure.js'
import { sendMessage } from './send-message.js'
import { DEFAULT_TIMEOUTS } from './timeouts.js'

/** "Send a test email to…": one short message from the account (or one of its aliases) to any address. */
export async function sendTestMessage(
  accounts: AccountsService,
  input: { accountId: string; to: string; aliasId?: string | undefined },
  trust: TlsTrust,
): Promise<SendTestResult> {
  const account = accounts.get(input.accountId)
  const alias = input.aliasId ? account.aliases.find((a) => a.id === input.aliasId) : undefined
  if (input.aliasId && !alias) throw new AppError('NOT_FOUND', 'That alias no longer exists.')
  const login = alias
    ? await accounts.credentials.aliasLogin(account, alias)
    : await accounts.credentials.outgoingLogin(account)
  if (!login) throw new AppError('NOT_FOUND', 'The saved password is missing from the keychain. Enter it again.')
  const from = alias
    ? { name: alias.name, address: alias.address }
    : { name: account.displayName, address: account.email }
  try {
    const sent = await sendMessage(
      alias?.smtp ?? account.outgoing,
      login,
      {
        from,
        to: input.to,
        replyTo: alias?.replyTo,
        subject: 'Mailkey test message',
        text: `This is a test message from ${from.address}, sent by Mailkey to check that sending works.`,
      },
      trust,
      DEFAULT_TIMEOUTS,
    )
    return { sent: true, ...sent }
  } catch (e) {
    const facts = factsFrom(e)
    return {
      sent: false,
      diagnosis: diagnose({
        text: facts.serverText ?? '',
        message: facts.message,
        protocol: 'smtp',
        providerId: account.providerId,
        hasSavedSecret: true,
        ...(facts.code ? { code: facts.code } : {}),
      }),
    }
  }
}
