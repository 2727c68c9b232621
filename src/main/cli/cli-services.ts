import { AccountsService } from '../accounts/accounts-service.js'
import { listBackups } from '../accounts/settings-backups.js'
import { readSettingsSnapshot, snapshotAccounts } from '../accounts/settings-snapshot.js'
import { Credentials } from '../credentials/credentials.js'
import { checkKeychain } from '../credentials/keychain-health.js'
import { createKeytarStore } from '../credentials/keytar-store.js'
import type { SecretStore } from '../credentials/secret-store.js'
import type { KeychainHealth } from '../../shared/keychain.js'
import type { Services } from '../services.js'
import { appIsRunning, configDir } from './config-dir.js'
import type { CliIo } from './io.js'

function keychain(io: CliIo): SecretStore {
  return createKeytarStore(io.env['MAILKEY_KEYCHAIN_SERVICE'] || undefined)
}

/**
 * The app's services on the app's settings folder and keychain service (both overridable by env). The
 * settings store (conf) and the services load here, when a command needs them, not at start-up.
 */
export async function cliServices(io: CliIo): Promise<{ dir: string; services: Services }> {
  const [{ openSettings }, { createServices }] = await Promise.all([
    import('../accounts/settings-store.js'),
    import('../services.js'),
  ])
  const dir = configDir(io.env)
  const { store, notice } = openSettings(dir)
  if (notice) io.stderr.write(`mailkey: ${notice.message}\n`)
  return {
    dir,
    services: createServices({
      store,
      secrets: keychain(io),
      openExternal: () => Promise.reject(new Error('no browser in the CLI')),
      settingsDir: dir,
    }),
  }
}

/**
 * The saved accounts, for commands that only show them (`alias list`/`export`, `credentials list`):
 * read from the file without the store, unless the file needs the store's care (a migration, a damaged
 * file: then the full path runs and says what it did).
 */
export async function cliAccounts(io: CliIo): Promise<AccountsService> {
  const dir = configDir(io.env)
  const snapshot = readSettingsSnapshot(dir)
  if (!snapshot) return (await cliServices(io)).services.accounts
  // the same owners of keychain entries as the app's: the accounts, the sign-ins saved without one,
  // and the accounts of a settings backup not yet dismissed
  return new AccountsService(snapshotAccounts(snapshot), new Credentials(keychain(io)), undefined, {
    otherOwners: () => snapshot.oauthGrants ?? [],
    keptIds: () => listBackups(dir).flatMap((b) => b.accountIds),
  })
}

/** Whether the keychain can be used (`credentials check`): no settings needed. */
export function cliKeychainHealth(io: CliIo): Promise<KeychainHealth> {
  return checkKeychain(keychain(io))
}

/** One process writes the settings: while the app holds its lock, a writing command stops here. */
export function refuseWhileAppRuns(dir: string, io: CliIo): boolean {
  if (!appIsRunning(dir)) return false
  io.stderr.write('mailkey: Mailkey is open and owns the settings; make this change there, or close it first.\n')
  return true
}
