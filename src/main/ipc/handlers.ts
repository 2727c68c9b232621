import type { Method } from '../../shared/ipc/channels.js'
import type { AppNotice, Outputs, ParsedInput } from '../../shared/ipc/contract.js'
import type { KeychainHealth } from '../../shared/keychain.js'
import type { StageEvent } from '../../shared/report.js'
import { providerForAddress } from '../../shared/providers.js'
import type { AccountChecks } from '../accounts/account-checks.js'
import type { AccountsService } from '../accounts/accounts-service.js'
import type { AliasService } from '../accounts/alias-service.js'
import { exportIdentities } from '../accounts/identities-export.js'
import { validateAndSave } from '../accounts/validate-and-save.js'
import { AppError } from '../app-error.js'
import type { Login } from '../credentials/credentials.js'
import { diagnose } from '../diagnosis/index.js'
import type { ProviderDetector } from '../discovery/detect-provider.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { TlsTrust } from '../mail/open-socket.js'
import { sendTestMessage } from '../mail/test-message.js'
import { isAllowedExternalUrl } from '../url-allowlist.js'

/** The services behind the IPC surface; none of them imports electron. */
export interface Services {
  accounts: AccountsService
  checks: AccountChecks
  tester: ConnectionTester
  detectProvider: ProviderDetector
  keychainHealth: () => Promise<KeychainHealth>
  /** Opens an allowed https link in the system browser. */
  openExternal: (url: string) => Promise<void>
  /** What happened at start that the user must hear about (e.g. settings moved aside). */
  notices: readonly AppNotice[]
  aliases: AliasService
  /** Trusted CAs for mail servers (the validation round trip and test messages use them too). */
  trust: TlsTrust
  roundTripLimitMs: number
}

/** Per-call context: where this caller's progress events go. */
export interface CallContext {
  emit: (event: StageEvent) => void
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Outputs[M]> }

/** The secrets of a test or save: typed now, or taken from the saved account being edited. */
async function secretsFor(
  s: Services,
  input: { password?: string | undefined; accountId?: string | undefined },
): Promise<{ password: string; outgoingLogin?: Login; saved: boolean }> {
  if (input.password !== undefined || input.accountId === undefined)
    return { password: input.password ?? '', saved: false }
  const account = s.accounts.get(input.accountId)
  const logins = await s.accounts.savedLogins(account)
  return {
    password: logins.incoming.password,
    ...(account.outgoingUsername !== null ? { outgoingLogin: logins.outgoing } : {}),
    saved: true,
  }
}

export function createHandlers(s: Services): Handlers {
  return {
    detectProvider: (input) => s.detectProvider(input.email),
    testConnection: async (input, ctx) => {
      const secrets = await secretsFor(s, input)
      return s.tester.run(
        {
          testId: input.testId,
          email: input.email,
          username: input.username,
          password: secrets.password,
          outgoingLogin: secrets.outgoingLogin,
          incoming: input.incoming,
          outgoing: input.outgoing,
          timeoutMs: input.timeoutMs,
          hasSavedSecret: secrets.saved,
        },
        ctx.emit,
      )
    },
    cancelTest: (input) => Promise.resolve({ cancelled: s.tester.cancel(input.testId) }),
    listAccounts: () => s.accounts.list(),
    saveAccount: async (input) => {
      const secrets = await secretsFor(s, input)
      const verifiedAt = s.tester.provenAt(input.testId, {
        email: input.email,
        username: input.username,
        password: secrets.password,
        outgoingLogin: secrets.outgoingLogin,
        incoming: input.incoming,
        outgoing: input.outgoing,
      })
      return s.accounts.save({
        accountId: input.accountId,
        email: input.email,
        displayName: input.displayName,
        username: input.username,
        providerId: input.providerId ?? providerForAddress(input.email)?.id ?? null,
        incoming: input.incoming,
        outgoing: input.outgoing,
        password: input.password,
        verifiedAt,
      })
    },
    removeAccount: async (input) => ({ removed: await s.accounts.remove(input.id) }),
    openExternal: async (input) => {
      if (!isAllowedExternalUrl(input.url)) {
        throw new AppError('FORBIDDEN', 'Mailkey only opens secure links to known provider help pages.')
      }
      await s.openExternal(input.url)
      return { opened: true }
    },
    getNotices: () => Promise.resolve({ notices: [...s.notices] }),
    keychainStatus: () => s.keychainHealth(),
    retestAccount: (input, ctx) => s.checks.retest(input.id, input.testId, ctx.emit),
    resetCredentials: (input, ctx) => s.checks.resetCredentials(input.id, input.testId, input.password, ctx.emit),
    listOrphans: async () => ({ keys: await s.accounts.orphans() }),
    removeOrphans: async () => ({ removed: await s.accounts.removeOrphans() }),
    getTranscript: (input) => Promise.resolve(s.tester.transcriptsOf(input.testId)),
    addAlias: (input) => {
      const { accountId, allowPlaintext: _p, ...alias } = input
      return s.aliases.add(accountId, alias)
    },
    removeAlias: (input) => s.aliases.remove(input.accountId, input.aliasId),
    setDefaultAlias: (input) => s.aliases.setDefault(input.accountId, input.aliasId),
    checkAlias: (input, ctx) =>
      s.aliases.check(input.accountId, input.aliasId, input.testId, input.roundTrip, ctx.emit),
    exportIdentities: (input) => Promise.resolve({ text: exportIdentities(s.accounts.get(input.accountId)) }),
    validateAndSave: async (input, ctx) => {
      const secrets = await secretsFor(s, input)
      const { allowPlaintext: _p, testId, validationMessage, ...save } = input
      return validateAndSave(
        s,
        {
          ...save,
          providerId: input.providerId ?? providerForAddress(input.email)?.id ?? null,
          testId,
          validationMessage,
          login: { username: input.username ?? input.email, password: secrets.password },
          outgoingLogin: secrets.outgoingLogin,
        },
        ctx.emit,
      )
    },
    sendTestMessage: (input) => sendTestMessage(s.accounts, input, s.trust),
    explainError: (input) =>
      Promise.resolve(
        diagnose({
          text: input.text,
          ...(input.protocol ? { protocol: input.protocol } : {}),
          ...(input.code ? { code: input.code } : {}),
        }),
      ),
  }
}
