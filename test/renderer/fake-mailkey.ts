import { vi, type Mock } from 'vitest'
import type { AccountView } from '../../src/shared/account.js'
import type { CheckAllEvent } from '../../src/shared/check-all.js'
import type { DiscoveryEvent } from '../../src/shared/discovery.js'
import type { DetectedSettings, MailkeyApi } from '../../src/shared/ipc/contract.js'
import type { StageEvent, TestReport } from '../../src/shared/report.js'
import { checkIspdbBase, DEFAULT_ISPDB_BASE, type PreferencesView } from '../../src/shared/preferences.js'
import type { Result } from '../../src/shared/result.js'
import { GMAIL_DETECTED } from './fixtures.js'

type Fn<K extends keyof MailkeyApi> = Mock<MailkeyApi[K]>

/** A stand-in for the preload's `window.mailkey`: every method a spy, progress events sent by hand. */
export interface FakeMailkey {
  api: { [K in keyof MailkeyApi]: Fn<K> }
  /** Sends a progress event to every subscriber, as main does during a test. */
  emit: (event: StageEvent) => void
  /** Sends a check-all row event, as main does during "Check all". */
  emitCheckAll: (event: CheckAllEvent) => void
  /** Tells the window an account changed, as main's background re-check does. */
  changeAccount: (account: AccountView) => void
  listenerCount: () => number
  /** A discovery progress event, as main sends it while detectProvider runs. */
  emitDiscovery: (event: DiscoveryEvent) => void
  /** Settles the pending testConnection call; resolves once the app has had a turn to handle it. */
  finishTest: (result: Result<TestReport>) => Promise<void>
}

export function installFakeMailkey(
  options: { accounts?: AccountView[]; detected?: DetectedSettings } = {},
): FakeMailkey {
  const listeners = new Set<(e: StageEvent) => void>()
  const checkAllListeners = new Set<(e: CheckAllEvent) => void>()
  const discoveryListeners = new Set<(e: DiscoveryEvent) => void>()
  const accountListeners = new Set<(a: AccountView) => void>()
  let accounts = options.accounts ?? []
  let settleTest: ((r: Result<TestReport>) => void) | null = null
  // the preferences as main keeps them; an address main would refuse is refused the same way
  let preferences: PreferencesView = { ispdbBase: null, defaultIspdbBase: DEFAULT_ISPDB_BASE }
  const api = {
    detectProvider: vi.fn<MailkeyApi['detectProvider']>(() =>
      Promise.resolve({ ok: true, value: options.detected ?? GMAIL_DETECTED }),
    ),
    testConnection: vi.fn<MailkeyApi['testConnection']>(
      () =>
        new Promise<Result<TestReport>>((resolve) => {
          settleTest = resolve
        }),
    ),
    cancelTest: vi.fn<MailkeyApi['cancelTest']>(() => Promise.resolve({ ok: true, value: { cancelled: true } })),
    listAccounts: vi.fn<MailkeyApi['listAccounts']>(() => Promise.resolve({ ok: true, value: accounts })),
    saveAccount: vi.fn<MailkeyApi['saveAccount']>(),
    removeAccount: vi.fn<MailkeyApi['removeAccount']>((input) => {
      accounts = accounts.filter((a) => a.id !== input.id)
      return Promise.resolve({ ok: true, value: { removed: true } })
    }),
    openExternal: vi.fn<MailkeyApi['openExternal']>(() => Promise.resolve({ ok: true, value: { opened: true } })),
    getNotices: vi.fn<MailkeyApi['getNotices']>(() => Promise.resolve({ ok: true, value: { notices: [] } })),
    keychainStatus: vi.fn<MailkeyApi['keychainStatus']>(() => Promise.resolve({ ok: true, value: { ok: true } })),
    retestAccount: vi.fn<MailkeyApi['retestAccount']>(),
    resetCredentials: vi.fn<MailkeyApi['resetCredentials']>(),
    listOrphans: vi.fn<MailkeyApi['listOrphans']>(() => Promise.resolve({ ok: true, value: { keys: [] } })),
    removeOrphans: vi.fn<MailkeyApi['removeOrphans']>(() => Promise.resolve({ ok: true, value: { removed: 0 } })),
    listBackups: vi.fn<MailkeyApi['listBackups']>(() => Promise.resolve({ ok: true, value: { backups: [] } })),
    dismissBackup: vi.fn<MailkeyApi['dismissBackup']>(() => Promise.resolve({ ok: true, value: { dismissed: true } })),
    getTranscript: vi.fn<MailkeyApi['getTranscript']>(() => Promise.resolve({ ok: true, value: {} })),
    explainError: vi.fn<MailkeyApi['explainError']>(),
    // send-as aliases and validate-and-save: each test says what main answers
    addAlias: vi.fn<MailkeyApi['addAlias']>(),
    removeAlias: vi.fn<MailkeyApi['removeAlias']>(),
    setDefaultAlias: vi.fn<MailkeyApi['setDefaultAlias']>(),
    checkAlias: vi.fn<MailkeyApi['checkAlias']>(),
    exportIdentities: vi.fn<MailkeyApi['exportIdentities']>(),
    validateAndSave: vi.fn<MailkeyApi['validateAndSave']>(),
    sendTestMessage: vi.fn<MailkeyApi['sendTestMessage']>(),
    checkAllAccounts: vi.fn<MailkeyApi['checkAllAccounts']>(),
    cancelCheckAll: vi.fn<MailkeyApi['cancelCheckAll']>(() =>
      Promise.resolve({ ok: true, value: { cancelled: true } }),
    ),
    setFilter: vi.fn<MailkeyApi['setFilter']>(),
    previewFilter: vi.fn<MailkeyApi['previewFilter']>(),
    exportFilter: vi.fn<MailkeyApi['exportFilter']>(),
    uploadFilter: vi.fn<MailkeyApi['uploadFilter']>(),
    onCheckAllProgress: vi.fn<MailkeyApi['onCheckAllProgress']>((listener) => {
      checkAllListeners.add(listener)
      return () => checkAllListeners.delete(listener)
    }),
    // OAuth sign-in: each test says what main answers
    oauthAuthorize: vi.fn<MailkeyApi['oauthAuthorize']>(),
    oauthCancel: vi.fn<MailkeyApi['oauthCancel']>(() => Promise.resolve({ ok: true, value: { cancelled: true } })),
    oauthDiscover: vi.fn<MailkeyApi['oauthDiscover']>(),
    exportAccount: vi.fn<MailkeyApi['exportAccount']>(),
    // groups of accounts: none unless a test says otherwise
    listGroups: vi.fn<MailkeyApi['listGroups']>(() => Promise.resolve({ ok: true, value: { groups: [] } })),
    createGroup: vi.fn<MailkeyApi['createGroup']>(),
    renameGroup: vi.fn<MailkeyApi['renameGroup']>(),
    removeGroup: vi.fn<MailkeyApi['removeGroup']>(),
    assignGroup: vi.fn<MailkeyApi['assignGroup']>(),
    addToGroup: vi.fn<MailkeyApi['addToGroup']>(),
    exportAccounts: vi.fn<MailkeyApi['exportAccounts']>(),
    importAccounts: vi.fn<MailkeyApi['importAccounts']>(),
    inspectCa: vi.fn<MailkeyApi['inspectCa']>(),
    getPreferences: vi.fn<MailkeyApi['getPreferences']>(() => Promise.resolve({ ok: true, value: preferences })),
    setPreferences: vi.fn<MailkeyApi['setPreferences']>(({ ispdbBase }) => {
      const checked = ispdbBase === null ? null : checkIspdbBase(ispdbBase)
      if (checked && !checked.ok)
        return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: checked.message } })
      preferences = { ...preferences, ispdbBase: checked?.value ?? null }
      return Promise.resolve({ ok: true, value: preferences })
    }),
    setAccountTrust: vi.fn<MailkeyApi['setAccountTrust']>(),
    onTestProgress: vi.fn<MailkeyApi['onTestProgress']>((listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    confirmHost: vi.fn<MailkeyApi['confirmHost']>(() => Promise.resolve({ ok: true, value: { confirmed: true } })),
    cancelDetection: vi.fn<MailkeyApi['cancelDetection']>(() =>
      Promise.resolve({ ok: true, value: { cancelled: true } }),
    ),
    onDiscoveryProgress: vi.fn<MailkeyApi['onDiscoveryProgress']>((listener) => {
      discoveryListeners.add(listener)
      return () => discoveryListeners.delete(listener)
    }),
    onAccountChanged: vi.fn<MailkeyApi['onAccountChanged']>((listener) => {
      accountListeners.add(listener)
      return () => accountListeners.delete(listener)
    }),
  }
  Object.defineProperty(window, 'mailkey', { value: api, configurable: true, writable: true })
  return {
    api,
    emit: (event) => listeners.forEach((l) => l(event)),
    emitCheckAll: (event) => checkAllListeners.forEach((l) => l(event)),
    changeAccount: (account) => accountListeners.forEach((l) => l(account)),
    listenerCount: () => listeners.size,
    emitDiscovery: (event) => discoveryListeners.forEach((l) => l(event)),
    finishTest: (result) => {
      if (!settleTest) throw new Error('no test is running')
      settleTest(result)
      settleTest = null
      return new Promise((resolve) => setTimeout(resolve, 0))
    },
  }
}

/**
 * A promise settled by hand, for calls whose answer a test wants to hold back. `resolve` returns once
 * the app has had a turn to handle the answer (wrap it in act()).
 */
export function pending<T>(): { promise: Promise<T>; resolve: (value: T) => Promise<void> } {
  let settle: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => {
    settle = r
  })
  const resolve = (value: T): Promise<void> => {
    settle(value)
    return new Promise((done) => setTimeout(done, 0))
  }
  return { promise, resolve }
}
