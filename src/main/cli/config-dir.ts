import { readlinkSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Electron's userData folder name: the package name, as there is no productName. */
const APP_DIR_NAME = 'mailkey'

/**
 * Where the app keeps its settings (Electron's `userData`), so the CLI reads and writes the same file.
 * MAILKEY_CONFIG_DIR overrides it for both.
 */
export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['MAILKEY_CONFIG_DIR']
  if (override) return override
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), APP_DIR_NAME)
}

/**
 * Whether the app holds its single-instance lock in `dir` right now. On Linux and macOS Chromium keeps
 * it as a `SingletonLock` symlink to "<host>-<pid>"; the pid must still be alive. (Windows uses a
 * named mutex, which is invisible from here: there this answers false.)
 */
export function appIsRunning(dir: string): boolean {
  let target: string
  try {
    target = readlinkSync(join(dir, 'SingletonLock'))
  } catch {
    return false
  }
  const pid = Number(/-(\d+)$/.exec(target)?.[1])
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
