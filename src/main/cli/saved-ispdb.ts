import { readSettingsSnapshot } from '../accounts/settings-snapshot.js'
import { checkIspdbBase } from '../../shared/preferences.js'
import { configDir } from './config-dir.js'
import type { DiscoveryFlags } from './discover-args.js'
import type { CliIo } from './io.js'

/**
 * The discovery flags with the app's provider database setting filled in: `--ispdb` wins for its run;
 * without it, the address saved in the app's settings (the same file, read without opening the
 * store), else Thunderbird's. A saved address Mailkey cannot use (the file edited by hand) is said so
 * on stderr and left out.
 */
export function withSavedIspdb<F extends DiscoveryFlags>(flags: F, io: CliIo): F {
  if (flags.ispdb !== undefined) return flags
  const saved = readSettingsSnapshot(configDir(io.env))?.preferences?.ispdbBase
  if (!saved) return flags
  const checked = checkIspdbBase(saved)
  if (!checked.ok) {
    io.stderr.write(`mailkey: the saved provider database address is not used: ${checked.message}\n`)
    return flags
  }
  return { ...flags, ispdb: checked.value }
}
