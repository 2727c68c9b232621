import Conf, { type Options } from 'conf'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate, NewerSettingsError } from './migrations.js'
import { readSettingsText, stripBom, UnreadableSettingsError, type UnreadableReason } from './settings-file.js'
import { SETTINGS_DEFAULTS, SETTINGS_ROOT_SCHEMA, SETTINGS_SCHEMA, type SettingsData } from './settings-schema.js'

export const SETTINGS_NAME = 'settings'

/** Told to the user once when the settings file could not be used as it was. */
export interface SettingsNotice {
  reason: 'invalid-json' | 'schema' | 'newer-version' | UnreadableReason
  /** Where the old file was moved; nothing is ever deleted. */
  backupPath: string
  message: string
}

export interface OpenedSettings {
  store: Conf<SettingsData>
  notice?: SettingsNotice
  /** The file's format version before migration, when it was migrated. */
  migratedFrom?: number
}

/** Makes the store: electron-store in the app (a Conf subclass), plain Conf in the CLI and tests. */
export type StoreFactory = (options: Options<SettingsData>) => Conf<SettingsData>

const confFactory: StoreFactory = (options) => new Conf<SettingsData>(options)

const MESSAGES: Record<SettingsNotice['reason'], string> = {
  'invalid-json': 'Your Mailkey settings file was damaged, so Mailkey started with empty settings.',
  schema: 'Your Mailkey settings file had entries Mailkey cannot use, so Mailkey started with empty settings.',
  'newer-version':
    'Your Mailkey settings were saved by a newer version of Mailkey, so this version started with empty settings.',
  'not-a-file': 'Your Mailkey settings path was not a regular file, so Mailkey started with empty settings.',
  'too-large': 'Your Mailkey settings file was far too large to be real, so Mailkey started with empty settings.',
}

function settingsOptions(dir: string): Options<SettingsData> {
  return {
    cwd: dir,
    configName: SETTINGS_NAME,
    schema: SETTINGS_SCHEMA,
    rootSchema: SETTINGS_ROOT_SCHEMA,
    defaults: SETTINGS_DEFAULTS,
    // never let conf "fix" a bad file by overwriting it: we move it aside and say so
    clearInvalidConfig: false,
    // the file holds no secret, but it is nobody else's business which accounts exist
    configFileMode: 0o600,
  }
}

/** Moves the file aside; `original` is what the user had, when the file was already migrated. */
function moveAside(file: string, reason: SettingsNotice['reason'], now: Date, original?: string): SettingsNotice {
  const backupPath = file.replace(/\.json$/, `.${reason}-${now.toISOString().replace(/[:.]/g, '-')}.json`)
  if (original === undefined) {
    renameSync(file, backupPath)
  } else {
    writeFileSync(backupPath, original, { mode: 0o600 })
    rmSync(file)
  }
  return { reason, backupPath, message: `${MESSAGES[reason]} The old file was kept as ${backupPath}.` }
}

function failureReason(e: unknown): SettingsNotice['reason'] {
  if (e instanceof NewerSettingsError) return 'newer-version'
  if (e instanceof UnreadableSettingsError) return e.reason
  return 'invalid-json'
}

/**
 * Opens the settings in `dir`: migrates an older file with our own tested steps, and moves a damaged,
 * schema-invalid or too-new file, or one that is no regular file or far too large, aside (never silently
 * clears it), starting from defaults and saying so. A byte order mark alone is no damage: it is dropped. Writes are atomic (conf writes a temp file and renames it).
 */
export function openSettings(
  dir: string,
  create: StoreFactory = confFactory,
  now: () => Date = () => new Date(),
): OpenedSettings {
  const file = join(dir, `${SETTINGS_NAME}.json`)
  let notice: SettingsNotice | undefined
  let migratedFrom: number | undefined
  let original: string | undefined
  if (existsSync(file)) {
    try {
      const raw = readSettingsText(file)
      const text = stripBom(raw)
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('not an object')
      const result = migrate(parsed as Record<string, unknown>)
      // a migration, or just a byte order mark that conf's own reading would take for damage
      if (result.data !== parsed || text !== raw) {
        if (result.data !== parsed) migratedFrom = result.from
        original = raw
        writeFileSync(`${file}.tmp`, JSON.stringify(result.data, null, '\t'), { mode: 0o600 })
        renameSync(`${file}.tmp`, file)
      }
    } catch (e) {
      notice = moveAside(file, failureReason(e), now())
    }
  }
  try {
    return {
      store: create(settingsOptions(dir)),
      ...(notice ? { notice } : {}),
      ...(migratedFrom ? { migratedFrom } : {}),
    }
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith('Config schema violation')) throw e
    notice = moveAside(file, 'schema', now(), original)
    return { store: create(settingsOptions(dir)), notice }
  }
}
