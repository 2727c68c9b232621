import type { Method } from '../../shared/ipc/channels.js'
import type { Outputs, ParsedInput } from '../../shared/ipc/contract.js'
import type { StageEvent } from '../../shared/mail.js'
import { providerForAddress } from '../../shared/providers.js'
import type { AccountsService } from '../accounts/accounts-service.js'
import { AppError } from '../app-error.js'
import type { ProviderDetector } from '../discovery/detect-provider.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import { isAllowedExternalUrl } from '../url-allowlist.js'

/** The services behind the IPC surface; none of them imports electron. */
export interface Services {
  accounts: AccountsService
  tester: ConnectionTester
  detectProvider: ProviderDetector
  /** Opens an allowed https link in the system browser. */
  openExternal: (url: string) => Promise<void>
}

/** Per-call context: where this caller's progress events go. */
export interface CallContext {
  emit: (event: StageEvent) => void
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Outputs[M]> }

export function createHandlers(s: Services): Handlers {
  return {
    detectProvider: (input) => s.detectProvider(input.email),
    testConnection: (input, ctx) => s.tester.run(input, ctx.emit),
    cancelTest: (input) => Promise.resolve({ cancelled: s.tester.cancel(input.testId) }),
    listAccounts: () => Promise.resolve(s.accounts.list()),
    saveAccount: async (input) => {
      const verifiedAt = s.tester.provenAt(input.testId, input)
      return s.accounts.save({
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
  }
}
