import type { Diagnosis } from '../../shared/diagnosis.js'
import type { SendTestResult } from '../../shared/ipc/contract.js'
import type { Server } from '../../shared/mail.js'
import type { SendAttempt } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import { diagnoseFailure } from '../mail/diagnose-failure.js'
import { authKind, resolveLogin } from '../mail/login.js'
import { factsFrom } from '../mail/probe-failure.js'
import type { TlsTrust } from '../mail/protocol-options.js'
import { Redactor } from '../mail/redact.js'
import { sendWithFallback, SendingFailed } from '../mail/send-with-fallback.js'
import { DEFAULT_TIMEOUTS, type Timeouts } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'
import { officeOf } from './office-options.js'
import { assertAliasServerFits } from './secret-binding.js'

export interface SendTestDeps {
  accounts: AccountsService
  credentials: Credentials
  trust: TlsTrust
  /** DEFAULT_TIMEOUTS unless set (tests shorten them). */
  timeouts?: Timeouts | undefined
}

/**
 * "Send a test email to…": one short message from the account (or one of its aliases) to any address,
 * with the sender's name and Reply-To. The account's own address goes out through the first of its
 * outgoing servers that works, and the result says when a fallback took it and why the primary failed.
 */
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
  const replyTo = alias ? alias.replyTo : account.replyTo
  // an alias with its own server sends through it alone; the account's own servers fall back in order
  const servers = alias?.smtp ? [alias.smtp] : [account.outgoing, ...account.outgoingFallbacks]
  // the password, or the access token once fetched: no reply may quote it
  const redactor = new Redactor([login])
  try {
    const ready = await resolveLogin(login, AbortSignal.timeout(DEFAULT_TIMEOUTS.commandMs))
    redactor.protect(ready)
    const sent = await sendWithFallback(
      servers.map((server) => ({ server, login: ready })),
      {
        from,
        to: input.to,
        replyTo,
        subject: 'Mailkey test message',
        text: `This is a test message from ${from.address}, sent by Mailkey to check that sending works.`,
      },
      {
        base: { trust: deps.trust, timeouts: deps.timeouts ?? DEFAULT_TIMEOUTS },
        office: await officeOf(account, deps.credentials),
        providerId: account.providerId,
        savedSecret: true,
        redactor,
      },
    )
    const { server, failedBefore, ...message } = sent
    return { sent: true, ...message, server, ...(failedBefore.length > 0 ? { failedBefore } : {}) }
  } catch (e) {
    if (e instanceof SendingFailed && e.attempts[0]) {
      const [primary, ...rest] = e.attempts
      return {
        sent: false,
        diagnosis: primary.diagnosis,
        ...(rest.length > 0 ? { failedBefore: e.attempts.map((a) => attemptOf(a.server, a.diagnosis)) } : {}),
      }
    }
    const diagnosis = diagnoseFailure(factsFrom(e), {
      protocol: 'smtp',
      server: servers[0],
      providerId: account.providerId,
      savedSecret: true,
      redactor,
      auth: authKind(login),
    })
    return { sent: false, diagnosis }
  }
}

function attemptOf(server: Server, d: Diagnosis): SendAttempt {
  return { host: server.host, port: server.port, security: server.security, cause: d.cause, title: d.title }
}
