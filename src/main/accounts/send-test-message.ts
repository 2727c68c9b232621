import type { SendTestResult } from '../../shared/ipc/contract.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import { diagnoseFailure } from '../mail/diagnose-failure.js'
import { authKind, resolveLogin } from '../mail/login.js'
import { factsFrom } from '../mail/probe-failure.js'
import type { TlsTrust } from '../mail/protocol-options.js'
import { Redactor } from '../mail/redact.js'
import { sendMessage } from '../mail/send-message.js'
import { DEFAULT_TIMEOUTS } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'
import { assertAliasServerFits } from './secret-binding.js'

export interface SendTestDeps {
  accounts: AccountsService
  credentials: Credentials
  trust: TlsTrust
}

/** "Send a test email to…": one short message from the account (or one of its aliases) to any address. */
export async function sendTestMessage(
  deps: SendTestDeps,
  input: { accountId: string; to: string; aliasId?: string | undefined },
): Promise<SendTestResult> {
  const account = deps.accounts.get(input.accountId)
  const alias = input.aliasId ? account.aliases.find((a) => a.id === input.aliasId) : undefined
  if (input.aliasId && !alias) throw new AppError('NOT_FOUND', 'That alias no longer exists.')
  if (alias) assertAliasServerFits(account, alias)
  const login = alias
    ? await deps.credentials.aliasLogin(account, alias)
    : await deps.credentials.outgoingLogin(account)
  if (!login) throw new AppError('NOT_FOUND', 'The saved password is missing from the keychain. Enter it again.')
  const from = alias
    ? { name: alias.name, address: alias.address }
    : { name: account.displayName, address: account.email }
  const server = alias?.smtp ?? account.outgoing
  // the password, or the access token once fetched: no reply may quote it
  const redactor = new Redactor([login])
  try {
    const ready = await resolveLogin(login, AbortSignal.timeout(DEFAULT_TIMEOUTS.commandMs))
    redactor.protect(ready)
    const sent = await sendMessage(
      server,
      ready,
      {
        from,
        to: input.to,
        replyTo: alias?.replyTo,
        subject: 'Mailkey test message',
        text: `This is a test message from ${from.address}, sent by Mailkey to check that sending works.`,
      },
      { trust: deps.trust, timeouts: DEFAULT_TIMEOUTS },
    )
    return { sent: true, ...sent }
  } catch (e) {
    const diagnosis = diagnoseFailure(factsFrom(e), {
      protocol: 'smtp',
      server,
      providerId: account.providerId,
      savedSecret: true,
      redactor,
      auth: authKind(login),
    })
    return { sent: false, diagnosis }
  }
}
