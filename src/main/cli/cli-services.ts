import { openSettings } from '../accounts/settings-store.js'
import { createKeytarStore } from '../credentials/keytar-store.js'
import { createServices, type Services } from '../services.js'
import { appIsRunning, configDir } from './config-dir.js'
import type { CliIo } from './io.js'

/** The app's services on the app's settings folder and keychain service (both overridable by env). */
export function cliServices(io: CliIo): { dir: string; services: Services } {
  const dir = configDir(io.env)
  const { store, notice } = openSettings(dir)
  if (notice) io.stderr.write(`mailkey: ${notice.message}\n`)
  const secrets = createKeytarStore(io.env['MAILKEY_KEYCHAIN_SERVICE'] || undefined)
  return {
    dir,
    services: createServices({
      store,
      secrets,
      openExternal: () => Promise.reject(new Error('no browser in the CLI')),
      settingsDir: dir,
    }),
  }
}

/** One process writes the settings: while the app holds its lock, a writing command stops here. */
export function refuseWhileAppRuns(dir: string, io: CliIo): boolean {
  if (!appIsRunning(dir)) return false
  io.stderr.write('mailkey: Mailkey is open and owns the settings; make this change there, or close it first.\n')
  return true
}
