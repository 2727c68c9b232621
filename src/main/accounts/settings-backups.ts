import { readdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { readSettingsText } from './settings-file.js'

/** `settings.<reason>-<time>.json`, as settings-store.ts moves a file aside. */
const BACKUP = /^settings\.([a-z-]+)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.json$/
/** Account ids as they appear in a settings file, damaged or not. */
const ACCOUNT_ID = /"id"\s*:\s*"([A-Za-z0-9_-]{1,64})"/g

/** A settings file that was moved aside and is still kept. */
export interface SettingsBackup {
  /** The file name in the settings folder (the handle for dismissing it). */
  name: string
  reason: string
  /** When it was moved aside (ISO time). */
  at: string
  /**
   * The account ids it names: their keychain entries are not orphans while it is kept. Read from the
   * raw text, so a damaged file still protects the entries it mentions (an alias id too: more, never fewer).
   */
  accountIds: string[]
}

function isoFrom(stamp: string): string {
  return stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z')
}

/** The settings backups kept in `dir`, newest first. A backup that cannot be read names no account. */
export function listBackups(dir: string): SettingsBackup[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .flatMap((name) => {
      const m = BACKUP.exec(name)
      if (!m) return []
      let text = ''
      try {
        text = readSettingsText(join(dir, name))
      } catch {
        // not a regular file, too large, gone: it protects nothing, and is still listed for dismissal
      }
      const accountIds = [...new Set([...text.matchAll(ACCOUNT_ID)].map((x) => x[1] ?? ''))].filter(Boolean)
      return [{ name, reason: m[1] ?? '', at: isoFrom(m[2] ?? ''), accountIds }]
    })
    .sort((a, b) => b.at.localeCompare(a.at))
}

/**
 * The user is done with a backup: it is renamed `…dismissed.json` (kept on disk, never deleted) and no
 * longer protects keychain entries, which may then show as orphans. False when there is no such backup.
 */
export function dismissBackup(dir: string, name: string): boolean {
  if (!BACKUP.test(name)) return false
  try {
    renameSync(join(dir, name), join(dir, name.replace(/\.json$/, '.dismissed.json')))
    return true
  } catch {
    return false
  }
}
