import type Conf from 'conf'
import type { AccountView } from '../shared/account.js'
import type { TrustedCa } from '../shared/connection.js'
import type { AppNotice, SettingsBackupView } from '../shared/ipc/contract.js'
import type { ExportFormat, ImportOutcome, SaveOutcome } from '../shared/export.js'
import type { KeychainHealth } from '../shared/keychain.js'
import { PRESETS, providerForAddress, type Provider } from '../shared/providers.js'
import type { StageEvent } from '../shared/report.js'
import type { CheckResult } from './accounts/account-check-result.js'
import { confAccounts, confOAuthGrants, type OAuthGrantsRepository } from './accounts/accounts-repository.js'
import { AccountsService } from './accounts/accounts-service.js'
import { AliasService } from './accounts/alias-service.js'
import { AccountChecks } from './accounts/check-all.js'
import { FilterService } from './accounts/filter-service.js'
import { GroupService } from './accounts/group-service.js'
import { confGroups } from './accounts/groups-repository.js'
import { OAuthSignIn } from './accounts/oauth-sign-in.js'
import { revokeSignIn } from './accounts/revoke-sign-in.js'
import { BackgroundRecheck, type RecheckOptions } from './accounts/background-recheck.js'
import { CheckLock } from './accounts/check-lock.js'
import { retestAccount } from './accounts/retest-account.js'
import { sendTestMessage } from './accounts/send-test-message.js'
import { dismissBackup, listBackups, type SettingsBackup } from './accounts/settings-backups.js'
import type { SettingsData } from './accounts/settings-schema.js'
import { inspectCa, setAccountTrust } from './accounts/office-options.js'
import { AccountSetup } from './accounts/setup-service.js'
import { PreferencesService } from './accounts/preferences-service.js'
import { resetStaleCredential, type NewSecret } from './accounts/stale-credential-reset.js'
import { Credentials } from './credentials/credentials.js'
import { checkKeychain } from './credentials/keychain-health.js'
import { AppError } from './app-error.js'
import { exportDocument, type ExportDocument } from './export/index.js'
import { buildExport, type ExportRequest } from './export/export-request.js'
import { importAccounts } from './accounts/import-accounts.js'
import { ACCOUNT_FILE_MAX_BYTES, sizeProblem } from './export/account-file-limits.js'
import type { OpenedFile } from './open-file.js'
import type { ImportResult } from '../shared/ipc/contract-transfer.js'
import type { SecretStore } from './credentials/secret-store.js'
import { discoveryNet, type NetOptions } from './discovery/default-net.js'
import { DiscoveryService } from './discovery/discovery-service.js'
import { resolveVia } from './discovery/net/resolve.js'
import { ConnectionTester } from './mail/connection-tester.js'
import type { TlsTrust } from './mail/protocol-options.js'
import { ROUND_TRIP_LIMIT_MS } from './mail/round-trip.js'
import type { Timeouts } from './mail/timeouts.js'
import { AccessTokens } from './oauth/access-tokens.js'
import { PendingGrants } from './oauth/pending-grants.js'

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
  /** Check all: every saved account re-tested, a few at a time (issue 17). */
  checks: AccountChecks
  /** Groups of accounts with shared servers; a mailbox added in two fields (issue 17 part B). */
  groups: GroupService
  /** Incoming filters: preview against the inbox, Sieve script, ManageSieve upload (issue 17). */
  filters: FilterService
  resetStaleCredential: (
    id: string,
    testId: string,
    secret: NewSecret,
    emit: Emit,
    timeoutMs?: number,
  ) => Promise<CheckResult & { saved: boolean }>
  /** "Sign in with …" (OAuth): the browser sign-in, cancellable by its flow id. */
  signIn: OAuthSignIn
  /** OAuth sign-ins saved for an address without an account (`mailkey oauth authorize`). */
  oauthGrants: OAuthGrantsRepository
  /** The saved sign-ins' access tokens, in memory. */
  tokens: AccessTokens
  sendTestMessage: (input: Parameters<typeof sendTestMessage>[1]) => ReturnType<typeof sendTestMessage>
  /** Finds the servers for an address and keeps the trust gate's hosts (discovery/). */
  discovery: DiscoveryService
  /** App-wide preferences: the provider database discovery asks (issue 14). */
  preferences: PreferencesService
  /** An office CA file checked (a CA, in date) and described; INVALID_INPUT says why not. */
  inspectCa: (pem: string) => TrustedCa
  /** A saved account's pins and office CAs, replaced (new pins must be certificates Mailkey saw). */
  setAccountTrust: (input: Parameters<typeof setAccountTrust>[1]) => Promise<AccountView>
  keychainHealth: () => Promise<KeychainHealth>
  /** One check of an account at a time: the user's re-test and reset wait here, the background skips. */
  checkLock: CheckLock
  /** The quiet hourly re-check of saved accounts, built but not started (the app starts it). */
  recheck: (options: RecheckOptions) => BackgroundRecheck
  /** Opens an allowed https link in the system browser. */
  openExternal: (url: string) => Promise<void>
  /** Saves a document where the user chooses (the app's Save dialog; tests put it in a folder). */
  saveFile: (doc: ExportDocument) => Promise<SaveOutcome>
  /** Opens a file the user chooses (the app's Open dialog; tests hand a file in). */
  openFile: NonNullable<ServiceConfig['openFile']>
  /** One account's settings in a format another mail app reads, saved through `saveFile`; never a secret. */
  exportAccount: (accountId: string, format: ExportFormat) => Promise<SaveOutcome>
  /** Several accounts (or all, or a domain's) in one document; passwords only when asked (issue 17). */
  buildExport: (request: ExportRequest) => Promise<ExportDocument>
  /** Mailkey's accounts file imported all or nothing, every problem with its field (issue 17). */
  importAccounts: (text: string) => Promise<ImportOutcome>
  /** Several accounts in one document, saved where the user chooses (`saveFile`). */
  exportAccounts: (request: ExportRequest) => Promise<SaveOutcome>
  /** The user picks Mailkey's accounts file in the Open dialog (`openFile`); it is imported all or nothing. */
  importFromFile: () => Promise<ImportResult>
  /** What happened at start that the user must hear about (e.g. settings moved aside). */
  notices: readonly AppNotice[]
  /** Stops every running test and round trip, closing their sockets (the clean-up on quit). */
  shutdown: () => Promise<void>
  /** Settings files moved aside and still kept: their accounts' keychain entries are kept too. */
  backups: {
    list: () => SettingsBackupView[]
    /** The user is done with one: its entries may show as orphans from now on. */
    dismiss: (name: string) => boolean
  }
}

export interface ServiceConfig {
  store: Conf<SettingsData>
  secrets: SecretStore
  openExternal: (url: string) => Promise<void>
  /** Opens an OAuth authorization page: only the configured authorization endpoint (url-allowlist.ts). */
  openAuthorization?: (url: string, authorizationEndpoint: string) => Promise<void>
  /** Where exports are saved; unset (the CLI): exporting says it needs the app. */
  saveFile?: (doc: ExportDocument) => Promise<SaveOutcome>
  /** Where imports are read from (the app's Open dialog); unset (the CLI): importing says it needs the app. */
  openFile?: (request: { title: string; extensions: string[]; maxBytes: number }) => Promise<OpenedFile | null>
  /** Trusted CAs for the mail servers; the system's when unset. Tests pass the bed's CA. */
  trust?: TlsTrust
  /** Provider presets; tests add the bed as a provider. */
  catalog?: readonly Provider[]
  /** Discovery's network (DNS servers, provider database, test ports); the system's by default. */
  discovery?: NetOptions & { deadlineMs?: number }
  /** MX answers without DNS (tests), best first; the rest of discovery's DNS stays as configured. */
  mx?: (domain: string) => Promise<string[]>
  notices?: readonly AppNotice[]
  /** The settings folder, where backups of moved-aside settings are kept; none when unset. */
  settingsDir?: string
  /** How long a round trip waits for its message (60 s; tests shorten it). */
  roundTripLimitMs?: number
  /** The timeouts of test messages and round trips (DEFAULT_TIMEOUTS; tests shorten them). */
  timeouts?: Timeouts
  now?: () => Date
}

/** Builds the services from their configuration: the one place they are wired together. */
export function createServices(config: ServiceConfig): Services {
  const catalog = config.catalog ?? PRESETS
  const trust = config.trust ?? {}
  const providerOf = (email: string): Provider['id'] | null => providerForAddress(email, catalog)?.id ?? null
  // the saved sign-ins' access tokens read their refresh tokens through the one keychain door
  let savedTokens!: AccessTokens
  const credentials = new Credentials(config.secrets, (door) => (savedTokens = new AccessTokens(door)))
  const oauthGrants = confOAuthGrants(config.store)
  const dir = config.settingsDir
  const backups = (): SettingsBackup[] => (dir ? listBackups(dir) : [])
  const repository = confAccounts(config.store)
  const groupsRepository = confGroups(config.store)
  const accounts = new AccountsService(repository, credentials, config.now, {
    beforeRemove: (account) => revokeSignIn(credentials, account).then(() => undefined),
    // a saved sign-in without an account yet, and a group (its proxy password) own keychain entries too
    otherOwners: () => [...oauthGrants.list(), ...groupsRepository.list()],
    keptIds: () => backups().flatMap((b) => b.accountIds),
  })
  const { deadlineMs, ...netOptions } = config.discovery ?? {}
  const net = discoveryNet({ ca: trust.ca, ...netOptions })
  const mx = config.mx
  const preferences = new PreferencesService(config.store)
  const discovery = new DiscoveryService({
    // the user's provider database mirror, read at each run: a change applies to the next lookup
    ispdbBase: () => preferences.ispdbBase(),
    catalog,
    net: mx
      ? {
          ...net,
          dns: {
            ...net.dns,
            mx: (d) => mx(d).then((hosts) => hosts.map((exchange, priority) => ({ exchange, priority }))),
          },
        }
      : net,
    saved: () => repository.list(),
    ...(deadlineMs ? { deadlineMs } : {}),
  })
  // the DNS servers discovery was given (tests, split DNS) resolve the tests' server names too
  const resolve = config.discovery?.dnsServers?.length ? resolveVia(net.dns) : undefined
  const tester = new ConnectionTester({ trust, providerOf, ...(resolve ? { resolve } : {}) })
  const roundTripLimitMs = config.roundTripLimitMs ?? ROUND_TRIP_LIMIT_MS
  const pending = new PendingGrants()
  const deps = { accounts, credentials, tester, ...(config.now ? { now: config.now } : {}) }
  const checkLock = new CheckLock()
  // one check of an account at a time: the user's re-test (and check all) and a reset wait their turn
  const retest: Services['retest'] = (id, testId, emit, timeoutMs) =>
    checkLock.run(id, () => retestAccount(deps, id, testId, emit, timeoutMs))
  const setup = new AccountSetup({
    ...deps,
    connection: { trust },
    roundTripLimitMs,
    providerOf,
    beforeSecretSent: (email, hosts) => discovery.hosts.check(email, hosts),
    pending,
    tokens: savedTokens,
  })
  const openAuthorization =
    config.openAuthorization ?? (() => Promise.reject(new Error('no browser to sign in with here')))
  const services: Services = {
    accounts,
    credentials,
    tester,
    setup,
    aliases: new AliasService(accounts, credentials, tester, trust, config.now, roundTripLimitMs),
    retest,
    checks: new AccountChecks({
      list: () => accounts.listSaved(),
      groups: () => groupsRepository.list(),
      retest,
      cancelTest: (testId) => tester.cancel(testId),
    }),
    groups: new GroupService({
      groups: groupsRepository,
      accounts,
      credentials,
      setup,
      ...(config.now ? { now: config.now } : {}),
    }),
    filters: new FilterService({ accounts, credentials, tester, trust }),
    resetStaleCredential: (id, testId, secret, emit, timeoutMs) =>
      checkLock.run(id, () =>
        resetStaleCredential({ ...deps, pending, tokens: savedTokens }, id, testId, secret, emit, timeoutMs),
      ),
    signIn: new OAuthSignIn({ accounts, credentials, pending, openAuthorization }),
    oauthGrants,
    tokens: savedTokens,
    sendTestMessage: (input) => sendTestMessage({ accounts, credentials, trust, timeouts: config.timeouts }, input),
    discovery,
    preferences,
    inspectCa,
    setAccountTrust: (input) => accounts.view(setAccountTrust({ accounts, tester }, input)),
    keychainHealth: () => checkKeychain(config.secrets),
    checkLock,
    // keychainHealth is looked up at call time, like saveFile: tests replace it
    recheck: (options) =>
      new BackgroundRecheck(
        {
          accounts,
          checks: checkLock,
          keychainHealth: () => services.keychainHealth(),
          retest: (id, testId, now) => retestAccount({ ...deps, now }, id, testId, () => undefined),
        },
        options,
      ),
    openExternal: config.openExternal,
    saveFile: config.saveFile ?? noSaving,
    // saveFile is looked up at call time, so a test can put files where it reads them
    exportAccount: (accountId, format) =>
      exportDocument(format, [accounts.get(accountId)], { now: config.now?.() ?? new Date() }).then((doc) =>
        services.saveFile(doc),
      ),
    buildExport: (request) =>
      buildExport(
        { list: () => accounts.listSaved(), get: (id) => accounts.get(id), credentials, ...nowOf(config) },
        request,
      ),
    importAccounts: (text) => importAccounts({ accounts, credentials, ...nowOf(config) }, text),
    // saveFile and openFile are looked up at call time, like exportAccount's
    exportAccounts: (request) => services.buildExport(request).then((doc) => services.saveFile(doc)),
    importFromFile: async () => {
      const file = await services.openFile({
        title: 'Import Mailkey accounts',
        extensions: ['json'],
        maxBytes: ACCOUNT_FILE_MAX_BYTES,
      })
      if (!file) return { cancelled: true }
      if ('tooBig' in file) return { imported: false, problems: [sizeProblem(file.tooBig)], fileName: file.name }
      return { ...(await services.importAccounts(file.text)), fileName: file.name }
    },
    openFile: config.openFile ?? noOpening,
    notices: config.notices ?? [],
    shutdown: () => tester.stopAll(),
    backups: {
      list: () => backups().map(({ accountIds, ...b }) => ({ ...b, accounts: accountIds.length })),
      dismiss: (name) => (dir ? dismissBackup(dir, name) : false),
    },
  }
  return services
}

function noOpening(): Promise<OpenedFile | null> {
  return Promise.reject(new AppError('FORBIDDEN', 'Opening a file needs the Mailkey app window.'))
}

function noSaving(): Promise<SaveOutcome> {
  return Promise.reject(new AppError('FORBIDDEN', 'Saving a file needs the Mailkey app window.'))
}

function nowOf(config: ServiceConfig): { now?: () => Date } {
  return config.now ? { now: config.now } : {}
}
