import type Conf from 'conf'
import type { ExportFormat, SaveOutcome } from '../shared/export.js'
import type { AppNotice } from '../shared/ipc/contract.js'
import type { KeychainHealth } from '../shared/keychain.js'
import { PROVIDERS, providerForAddress, type Provider } from '../shared/providers.js'
import type { StageEvent } from '../shared/report.js'
import type { CheckResult } from './accounts/account-check-result.js'
import { confAccounts } from './accounts/accounts-repository.js'
import { AccountsService } from './accounts/accounts-service.js'
import { AliasService } from './accounts/alias-service.js'
import { BackgroundRecheck, type RecheckOptions } from './accounts/background-recheck.js'
import { CheckLock } from './accounts/check-lock.js'
import { retestAccount } from './accounts/retest-account.js'
import { sendTestMessage } from './accounts/send-test-message.js'
import type { SettingsData } from './accounts/settings-schema.js'
import { AccountSetup } from './accounts/setup-service.js'
import { resetStaleCredential } from './accounts/stale-credential-reset.js'
import { Credentials } from './credentials/credentials.js'
import { checkKeychain } from './credentials/keychain-health.js'
import { AppError } from './app-error.js'
import { exportAccounts, type ExportDocument } from './export/index.js'
import type { SecretStore } from './credentials/secret-store.js'
import { createProviderDetector, lookupMx, type MxLookup, type ProviderDetector } from './discovery/detect-provider.js'
import { ConnectionTester } from './mail/connection-tester.js'
import type { TlsTrust } from './mail/protocol-options.js'
import { ROUND_TRIP_LIMIT_MS } from './mail/round-trip.js'

type Emit = (e: StageEvent) => void

/** The services behind the IPC surface and the CLI; none of them imports electron. */
export interface Services {
  accounts: AccountsService
  /** The one door to the keychain. */
  credentials: Credentials
  setup: AccountSetup
  aliases: AliasService
  tester: ConnectionTester
  retest: (id: string, testId: string, emit: Emit, timeoutMs?: number) => Promise<CheckResult>
  resetStaleCredential: (
    id: string,
    testId: string,
    password: string,
    emit: Emit,
    timeoutMs?: number,
  ) => Promise<CheckResult & { saved: boolean }>
  sendTestMessage: (input: Parameters<typeof sendTestMessage>[1]) => ReturnType<typeof sendTestMessage>
  detectProvider: ProviderDetector
  keychainHealth: () => Promise<KeychainHealth>
  /** One check of an account at a time: the user's re-test and reset wait here, the background skips. */
  checks: CheckLock
  /** The quiet hourly re-check of saved accounts, built but not started (the app starts it). */
  recheck: (options: RecheckOptions) => BackgroundRecheck
  /** Opens an allowed https link in the system browser. */
  openExternal: (url: string) => Promise<void>
  /** Saves a document where the user chooses (the app's Save dialog; tests put it in a folder). */
  saveFile: (doc: ExportDocument) => Promise<SaveOutcome>
  /** One account's settings in a format another mail app reads, saved through `saveFile`; never a secret. */
  exportAccount: (accountId: string, format: ExportFormat) => Promise<SaveOutcome>
  /** What happened at start that the user must hear about (e.g. settings moved aside). */
  notices: readonly AppNotice[]
}

export interface ServiceConfig {
  store: Conf<SettingsData>
  secrets: SecretStore
  openExternal: (url: string) => Promise<void>
  /** Where exports are saved; unset (the CLI): exporting says it needs the app. */
  saveFile?: (doc: ExportDocument) => Promise<SaveOutcome>
  /** Trusted CAs for the mail servers; the system's when unset. Tests pass the bed's CA. */
  trust?: TlsTrust
  /** Provider presets; tests add the bed as a provider. */
  catalog?: readonly Provider[]
  mx?: MxLookup
  notices?: readonly AppNotice[]
  /** How long a round trip waits for its message (60 s; tests shorten it). */
  roundTripLimitMs?: number
  now?: () => Date
}

/** Builds the services from their configuration: the one place they are wired together. */
export function createServices(config: ServiceConfig): Services {
  const catalog = config.catalog ?? PROVIDERS
  const trust = config.trust ?? {}
  const providerOf = (email: string): Provider['id'] | null => providerForAddress(email, catalog)?.id ?? null
  const credentials = new Credentials(config.secrets)
  const accounts = new AccountsService(confAccounts(config.store), credentials, config.now)
  const tester = new ConnectionTester({ trust, providerOf })
  const roundTripLimitMs = config.roundTripLimitMs ?? ROUND_TRIP_LIMIT_MS
  const deps = { accounts, credentials, tester, ...(config.now ? { now: config.now } : {}) }
  const checks = new CheckLock()
  const services: Services = {
    accounts,
    credentials,
    tester,
    setup: new AccountSetup({ ...deps, connection: { trust }, roundTripLimitMs, providerOf }),
    aliases: new AliasService(accounts, credentials, tester, trust, config.now, roundTripLimitMs),
    retest: (id, testId, emit, timeoutMs) => checks.run(id, () => retestAccount(deps, id, testId, emit, timeoutMs)),
    resetStaleCredential: (id, testId, password, emit, timeoutMs) =>
      checks.run(id, () => resetStaleCredential(deps, id, testId, password, emit, timeoutMs)),
    sendTestMessage: (input) => sendTestMessage({ accounts, credentials, trust }, input),
    detectProvider: createProviderDetector(catalog, config.mx ?? lookupMx),
    keychainHealth: () => checkKeychain(config.secrets),
    checks,
    // keychainHealth is looked up at call time, like saveFile: tests replace it
    recheck: (options) =>
      new BackgroundRecheck(
        {
          accounts,
          checks,
          keychainHealth: () => services.keychainHealth(),
          retest: (id, testId, now) => retestAccount({ ...deps, now }, id, testId, () => undefined),
        },
        options,
      ),
    openExternal: config.openExternal,
    saveFile: config.saveFile ?? noSaving,
    // saveFile is looked up at call time, so a test can put files where it reads them
    exportAccount: (accountId, format) =>
      services.saveFile(exportAccounts(format, [accounts.get(accountId)], { now: config.now?.() ?? new Date() })),
    notices: config.notices ?? [],
  }
  return services
}

function noSaving(): Promise<SaveOutcome> {
  return Promise.reject(new AppError('FORBIDDEN', 'Saving a file needs the Mailkey app window.'))
}
