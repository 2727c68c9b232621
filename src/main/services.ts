import type Conf from 'conf'
import { PROVIDERS, providerForAddress, type Provider } from '../shared/providers.js'
import { confAccounts } from './accounts/accounts-repository.js'
import { AccountsService } from './accounts/accounts-service.js'
import type { SettingsData } from './accounts/settings-schema.js'
import type { SecretStore } from './credentials/secret-store.js'
import { createProviderDetector, lookupMx, type MxLookup } from './discovery/detect-provider.js'
import type { Services } from './ipc/handlers.js'
import { ConnectionTester } from './mail/connection-tester.js'
import type { TlsTrust } from './mail/open-socket.js'

export interface ServiceConfig {
  store: Conf<SettingsData>
  secrets: SecretStore
  openExternal: (url: string) => Promise<void>
  /** Trusted CAs for the mail servers; the system's when unset. Tests pass the bed's CA. */
  trust?: TlsTrust
  /** Provider presets; tests add the bed as a provider. */
  catalog?: readonly Provider[]
  mx?: MxLookup
}

/** Wires the services the IPC handlers (and the test bridge) use. No electron import. */
export function createServices(config: ServiceConfig): Services {
  const catalog = config.catalog ?? PROVIDERS
  return {
    accounts: new AccountsService(confAccounts(config.store), config.secrets),
    tester: new ConnectionTester({
      trust: config.trust ?? {},
      providerOf: (email) => providerForAddress(email, catalog)?.id ?? null,
    }),
    detectProvider: createProviderDetector(catalog, config.mx ?? lookupMx),
    openExternal: config.openExternal,
  }
}
