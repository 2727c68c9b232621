// Where the Electron binary is, without require('electron') (which would start a download).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The Electron executable, or null when it is not installed (offline machines). */
export function electronBinary(root = process.cwd()) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(override || join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}
