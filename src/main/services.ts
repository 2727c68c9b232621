import type Conf from 'conf'
import type { AccountView } from '../shared/account.js'
import type { TrustedCa } from '../shared/connection.js'
import type { AppNotice } from '../shared/ipc/contract.js'
import type { KeychainHealth } from '../shared/keychain.js'
import { PROVIDERS, providerForAddress, type Provider } from '../shared/providers.js'
import type { StageEvent } from '../shared/report.js'
import type { CheckResult } from './accounts/account-check-result.js'
import { confAccounts } from './accounts/accounts-repository.js'
import { AccountsService } from './accounts/accounts-service.js'
import { AliasService } from './accounts/alias-service.js'
import { retestAccount } from './accounts/retest-account.js'
import { sendTestMessage } from './accounts/send-test-message.js'
import type { SettingsData } from './accounts/settings-schema.js'
import { inspectCa, setAccountTrust } from './accounts/office-options.js'
import { AccountSetup } from './accounts/setup-service.js'
import { resetStaleCredential } from './accounts/stale-credential-reset.js'
import { Credentials } from './credentials/credentials.js'
import { checkKeychain } from './credentials/keychain-health.js'
import type { SecretStore } from './credentials/secret-store.js'
import { createProviderDetector, lookupMx, type MxLookup, type ProviderDetector } from './discovery/detect-provider.js'
import { ConnectionTester } from './mail/connection-tester.js'
import type { TlsTrust } from './mail/protocol-options.js'
import { ROUND_TRIP_LIMIT_MS } from './mail/round-trip.js'
import type { Timeouts } from './mail/timeouts.js'

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
  /** An office CA file checked (a CA, in date) and described; INVALID_INPUT says why not. */
  inspectCa: (pem: string) => TrustedCa
  /** A saved account's pins and office CAs, replaced (new pins must be certificates Mailkey saw). */
  setAccountTrust: (input: Parameters<typeof setAccountTrust>[1]) => Promise<AccountView>
  detectProvider: ProviderDetector
  keychainHealth: () => Promise<KeychainHealth>
  /** Opens an allowed https link in the system browser. */
  openExternal: (url: string) => Promise<void>
  /** What happened at start that the user must hear about (e.g. settings moved aside). */
  notices: readonly AppNotice[]
}

export interface ServiceConfig {
  store: Conf<SettingsData>
  secrets: SecretStore
  openExternal: (url: string) => Promise<void>
  /** Trusted CAs for the mail servers; the system's when unset. Tests pass the bed's CA. */
  trust?: TlsTrust
  /** Provider presets; tests add the bed as a provider. */
  catalog?: readonly Provider[]
  mx?: MxLookup
  notices?: readonly AppNotice[]
  /** How long a round trip waits for its message (60 s; tests shorten it). */
  roundTripLimitMs?: number
  /** The timeouts of test messages and round trips (DEFAULT_TIMEOUTS; tests shorten them). */
  timeouts?: Timeouts
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
  return {
    accounts,
    credentials,
    tester,
    setup: new AccountSetup({ ...deps, connection: { trust }, roundTripLimitMs, providerOf }),
    aliases: new AliasService(accounts, credentials, tester, trust, config.now, roundTripLimitMs),
    retest: (id, testId, emit, timeoutMs) => retestAccount(deps, id, testId, emit, timeoutMs),
    resetStaleCredential: (id, testId, password, emit, timeoutMs) =>
      resetStaleCredential(deps, id, testId, password, emit, timeoutMs),
    sendTestMessage: (input) => sendTestMessage({ accounts, credentials, trust, timeouts: config.timeouts }, input),
    inspectCa,
    setAccountTrust: (input) => accounts.view(setAccountTrust({ accounts, tester }, input)),
    detectProvider: createProviderDetector(catalog, config.mx ?? lookupMx),
    keychainHealth: () => checkKeychain(config.secrets),
    openExternal: config.openExternal,
    notices: config.notices ?? [],
  }
}
