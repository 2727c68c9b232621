import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Account } from '../../shared/account.js'
import { AppError } from '../app-error.js'
import type { AccountsRepository } from './accounts-repository.js'
import { SCHEMA_VERSION, SETTINGS_DEFAULTS, type SettingsData } from './settings-schema.js'

/** The settings file's name, as settings-store.ts (conf) writes it. */
export const SETTINGS_FILE = 'settings.json'

function isAccountLike(a: unknown): boolean {
  if (typeof a !== 'object' || a === null) return false
  const r = a as Record<string, unknown>
  return (
    typeof r['id'] === 'string' &&
    typeof r['email'] === 'string' &&
    Array.isArray(r['aliases']) &&
    typeof r['incoming'] === 'object' &&
    typeof r['outgoing'] === 'object'
  )
}

/**
 * The saved settings for a command that only shows them (`alias list`, `credentials list`), read
 * without opening the store: loading conf and compiling its schema costs three times Node's own
 * start-up. Undefined when the file needs the store's care (damaged, another format version, entries
 * of an unexpected shape): then the caller opens the store, which migrates or moves the file aside and
 * says so (settings-store.ts). A missing file is the defaults.
 */
export function readSettingsSnapshot(dir: string): SettingsData | undefined {
  const file = join(dir, SETTINGS_FILE)
  if (!existsSync(file)) return structuredClone(SETTINGS_DEFAULTS)
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const data = parsed as Record<string, unknown>
  if (data['schemaVersion'] !== SCHEMA_VERSION || !Array.isArray(data['accounts'])) return undefined
  return data['accounts'].every(isAccountLike) ? (data as SettingsData) : undefined
}

/** Accounts from a snapshot; read-only: a command that changes settings opens the store. */
export function snapshotAccounts(data: SettingsData): AccountsRepository {
  const all = (): Account[] => data.accounts
  const readOnly = (): never => {
    throw new AppError('INVALID_INPUT', 'These settings were opened read-only.')
  }
  return {
    list: all,
    get: (id) => all().find((a) => a.id === id),
    findByEmail: (email) => all().find((a) => a.email.toLowerCase() === email.toLowerCase()),
    put: readOnly,
    remove: readOnly,
  }
}
