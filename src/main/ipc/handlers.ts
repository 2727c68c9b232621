import type { CheckAllEvent } from '../../shared/check-all.js'
import type { Method } from '../../shared/ipc/channels.js'
import type { Outputs, ParsedInput } from '../../shared/ipc/contract.js'
import type { DiscoveryEvent } from '../../shared/discovery.js'
import type { StageEvent } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import { diagnosePasted } from '../mail/diagnose-failure.js'
import { exportIdentities } from '../export/identities.js'
import { discoverIssuer } from '../oauth/discover.js'
import type { Services } from '../services.js'
import { isAllowedExternalUrl } from '../url-allowlist.js'

/** Per-call context: where this caller's progress events go. */
export interface CallContext {
  emit: (event: StageEvent) => void
  /** Where this caller's check-all rows go (unset: nowhere). */
  emitCheckAll?: (event: CheckAllEvent) => void
  emitDiscovery?: (event: DiscoveryEvent) => void
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: CallContext) => Promise<Outputs[M]> }

/**
 * One handler per channel, each only glue: the input arrives parsed (dispatch.ts), the handler calls
 * one service and returns its answer. Looking up secrets, defaults and saving live in the services.
 */
export function createHandlers(s: Services): Handlers {
  return {
    detectProvider: (input, ctx) =>
      s.discovery.detect(input.email, {
        allowHttp: input.allowHttp,
        cancellable: true,
        ...(ctx.emitDiscovery ? { onEvent: ctx.emitDiscovery } : {}),
      }),
    getPreferences: () => Promise.resolve(s.preferences.get()),
    setPreferences: (input) => Promise.resolve(s.preferences.set(input)),
    cancelDetection: (input) => Promise.resolve({ cancelled: s.discovery.cancel(input.email) }),
    confirmHost: (input) => {
      s.discovery.confirm(input.email, input.host)
      return Promise.resolve({ confirmed: true as const })
    },
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
    resetCredentials: ({ id, testId, password, grantId }, ctx) =>
      s.resetStaleCredential(id, testId, grantId !== undefined ? { grantId } : { password: password ?? '' }, ctx.emit),
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
    listBackups: () => Promise.resolve({ backups: s.backups.list() }),
    dismissBackup: (input) => Promise.resolve({ dismissed: s.backups.dismiss(input.name) }),
    checkAllAccounts: (input, ctx) =>
      s.checks.checkAll({
        runId: input.runId,
        scope: input.accountIds ? { kind: 'ids', ids: input.accountIds } : { kind: 'all' },
        ...(ctx.emitCheckAll ? { onEvent: ctx.emitCheckAll } : {}),
      }),
    cancelCheckAll: (input) => Promise.resolve({ cancelled: s.checks.cancel(input.runId) }),
    setFilter: (input) => s.filters.set(input.accountId, input.filter),
    previewFilter: (input) => s.filters.preview(input.accountId, input.testId, input.filter),
    exportFilter: (input) => Promise.resolve(s.filters.script(input.accountId, input.filter)),
    uploadFilter: (input) => s.filters.upload(input.accountId, input.testId, input.script, input.sieve),
    exportAccount: (input) => s.exportAccount(input.accountId, input.format),
    exportAccounts: (input) => s.exportAccounts(input),
    importAccounts: () => s.importFromFile(),
    inspectCa: (input) => Promise.resolve(s.inspectCa(input.pem)),
    setAccountTrust: (input) => s.setAccountTrust(input),
    explainError: ({ text, protocol, code }) =>
      Promise.resolve(
        diagnosePasted({ text, origin: 'pasted', ...(protocol ? { protocol } : {}), ...(code ? { code } : {}) }),
      ),
    oauthAuthorize: ({ flowId, email, client, accountId, timeoutMs }) =>
      s.signIn.authorize(flowId, {
        email,
        timeoutMs,
        ...(client ? { client } : { accountId: accountId ?? '' }),
      }),
    oauthCancel: (input) => Promise.resolve({ cancelled: s.signIn.cancel(input.flowId) }),
    oauthDiscover: (input) => discoverIssuer(input.issuer),
    listGroups: () => Promise.resolve({ groups: s.groups.list() }),
    createGroup: (input) => s.groups.create(input),
    renameGroup: (input) => Promise.resolve(s.groups.rename(input.id, input.name)),
    removeGroup: (input) => s.groups.remove(input.id),
    assignGroup: (input) => {
      const moved = s.groups.assign(input.accountId, input.groupId)
      return Promise.resolve({ accountId: moved.id, groupId: moved.groupId ?? null })
    },
    addToGroup: ({ groupId, ...member }, ctx) => s.groups.addMailbox(groupId, member, ctx.emit),
  }
}
