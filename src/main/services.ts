import type Conf from 'conf'
import type { AppNotice } from '../shared/ipc/contract.js'
import { PROVIDERS, providerForAddress, type Provider } from '../shared/providers.js'
import { AccountChecks } from './accounts/account-checks.js'
import { confAccounts } from './accounts/accounts-repository.js'
import { AccountsService } from './accounts/accounts-service.js'
import { AliasService } from './accounts/alias-service.js'
import type { SettingsData } from './accounts/settings-schema.js'
import { Credentials } from './credentials/credentials.js'
import { checkKeychain } from './credentials/keychain-health.js'
import type { SecretStore } from './credentials/secret-store.js'
import { createProviderDetector, lookupMx, type MxLookup } from './discovery/detect-provider.js'
import type { Services } from './ipc/handlers.js'
import { ConnectionTester } from './mail/connection-tester.js'
import type { TlsTrust } from './mail/open-socket.js'
import { ROUND_TRIP_LIMIT_MS } from './mail/round-trip.js'

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
  now?: () => Date
}

/** Wires the services the IPC handlers (and the test bridge) use. No electron import. */
export function createServices(config: ServiceConfig): Services {
  const catalog = config.catalog ?? PROVIDERS
  const trust = config.trust ?? {}
  const accounts = new AccountsService(confAccounts(config.store), new Credentials(config.secrets), config.now)
  const tester = new ConnectionTester({ trust, providerOf: (email) => providerForAddress(email, catalog)?.id ?? null })
  return {
    accounts,
    checks: new AccountChecks(accounts, tester, config.now),
    aliases: new AliasService(accounts, tester, trust, config.now, config.roundTripLimitMs),
    tester,
    trust,
    detectProvider: createProviderDetector(catalog, config.mx ?? lookupMx),
    keychainHealth: () => checkKeychain(config.secrets),
    openExternal: config.openExternal,
    notices: config.notices ?? [],
    roundTripLimitMs: config.roundTripLimitMs ?? ROUND_TRIP_LIMIT_MS,
  }
}
