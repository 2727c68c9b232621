import type { Method } from '../../shared/ipc/channels.js'
import type { Outputs, ParsedInput } from '../../shared/ipc/contract.js'
import type { StageEvent } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import { diagnose } from '../diagnosis/index.js'
import { exportIdentities } from '../export/identities.js'
import type { Services } from '../services.js'
import { isAllowedExternalUrl } from '../url-allowlist.js'

/** Per-call context: where this caller's progress events go. */
export interface CallContext {
  emit: (event: StageEvent) => void
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Outputs[M]> }

/**
 * One handler per channel, each only glue: the input arrives parsed (dispatch.ts), the handler calls
 * one service and returns its answer. Looking up secrets, defaults and saving live in the services.
 */
export function createHandlers(s: Services): Handlers {
  return {
    detectProvider: (input) => s.detectProvider(input.email),
    testConnection: ({ testId, ...draft }, ctx) => s.setup.test(testId, draft, ctx.emit),
    cancelTest: (input) => Promise.resolve({ cancelled: s.tester.cancel(input.testId) }),
    listAccounts: () => s.accounts.list(),
    saveAccount: (input) => s.setup.save(input),
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
    retestAccount: (input, ctx) => s.retest(input.id, input.testId, ctx.emit),
    resetCredentials: (input, ctx) => s.resetStaleCredential(input.id, input.testId, input.password, ctx.emit),
    listOrphans: async () => ({ keys: await s.accounts.orphans() }),
    removeOrphans: async () => ({ removed: await s.accounts.removeOrphans() }),
    getTranscript: (input) => Promise.resolve(s.tester.transcriptsOf(input.testId)),
    addAlias: ({ accountId, allowPlaintext: _p, ...alias }) => s.aliases.add(accountId, alias),
    removeAlias: (input) => s.aliases.remove(input.accountId, input.aliasId),
    setDefaultAlias: (input) => s.aliases.setDefault(input.accountId, input.aliasId),
    checkAlias: (input, ctx) =>
      s.aliases.check(input.accountId, input.aliasId, input.testId, input.roundTrip, ctx.emit),
    exportIdentities: (input) => Promise.resolve({ text: exportIdentities(s.accounts.get(input.accountId)) }),
    validateAndSave: (input, ctx) => s.setup.validateAndSave(input, ctx.emit),
    sendTestMessage: (input) => s.sendTestMessage(input),
    inspectCa: (input) => Promise.resolve(s.inspectCa(input.pem)),
    setAccountTrust: (input) => s.setAccountTrust(input),
    explainError: ({ text, protocol, code }) =>
      Promise.resolve(diagnose({ text, ...(protocol ? { protocol } : {}), ...(code ? { code } : {}) })),
  }
}
