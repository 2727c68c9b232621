import type Conf from 'conf'
import {
  checkIspdbBase,
  DEFAULT_ISPDB_BASE,
  DEFAULT_PREFERENCES,
  type Preferences,
  type PreferencesView,
} from '../../shared/preferences.js'
import { AppError } from '../app-error.js'
import type { SettingsData } from './settings-schema.js'

/**
 * The app-wide preferences in the settings file (`preferences`, schema v8). Reading never fails: a
 * value the file holds but Mailkey cannot use (edited by hand) reads as the default. Setting checks
 * the value (shared/preferences.ts) and fails with INVALID_INPUT saying why; null resets it.
 */
export class PreferencesService {
  constructor(private readonly store: Conf<SettingsData>) {}

  get(): PreferencesView {
    return { ...this.saved(), defaultIspdbBase: DEFAULT_ISPDB_BASE }
  }

  /** The provider database discovery asks now: the user's mirror, or undefined for Thunderbird's. */
  ispdbBase(): string | undefined {
    return this.saved().ispdbBase ?? undefined
  }

  set(input: Preferences): PreferencesView {
    let ispdbBase: string | null = null
    if (input.ispdbBase !== null) {
      const checked = checkIspdbBase(input.ispdbBase)
      if (!checked.ok) throw new AppError('INVALID_INPUT', checked.message)
      // Thunderbird's own address is the default, not a choice to remember
      ispdbBase = checked.value === DEFAULT_ISPDB_BASE ? null : checked.value
    }
    this.store.set('preferences', { ...this.saved(), ispdbBase })
    return this.get()
  }

  private saved(): Preferences {
    const stored = this.store.get('preferences') ?? DEFAULT_PREFERENCES
    const base = stored.ispdbBase === null ? null : checkIspdbBase(stored.ispdbBase)
    return { ispdbBase: base?.ok ? base.value : null }
  }
}
