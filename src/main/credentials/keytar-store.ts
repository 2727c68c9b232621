import type * as KeytarModule from 'keytar'
import { AppError } from '../app-error.js'
import type { SecretStore } from './secret-store.js'

type Keytar = typeof KeytarModule

export const DEFAULT_SERVICE = 'mailkey'

/**
 * Turns keytar's low-level failures into what the user can do about them (messages measured in
 * ../shared/notes/toolchain.md §4). Never falls back to storing a secret anywhere else.
 */
export function keychainError(error: unknown): AppError {
  const raw = error instanceof Error ? error.message : String(error)
  let advice = 'Mailkey could not use the system keychain, so nothing was saved.'
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket/i.test(raw)) {
    advice =
      'No desktop session bus (D-Bus) is running, so the keychain cannot be reached. Start Mailkey from your desktop session.'
  } else if (/org\.freedesktop\.secrets was not provided|ServiceUnknown/i.test(raw)) {
    advice = 'No keychain service is installed. Install GNOME Keyring (gnome-keyring) or KWallet, then try again.'
  } else if (/collection\/login|locked|Cannot create an item in a locked collection|prompt/i.test(raw)) {
    advice =
      'Your keychain is locked or has no default collection. Unlock it (for example in “Passwords and Keys”), then try again.'
  } else if (/Cannot find module|keytar\.node|was compiled against/i.test(raw)) {
    advice = 'The keychain module is not installed correctly. Reinstall Mailkey.'
  }
  return new AppError('KEYCHAIN_UNAVAILABLE', `${advice} (${raw.slice(0, 200)})`)
}

/** keytar behind the SecretStore interface; `service` is overridable so tests never touch real entries. */
export function createKeytarStore(
  service: string = DEFAULT_SERVICE,
  load: () => Promise<Keytar> = loadKeytar,
): SecretStore {
  let keytar: Promise<Keytar> | undefined
  const lib = (): Promise<Keytar> => (keytar ??= load())
  const guard = async <T>(fn: (k: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await fn(await lib())
    } catch (e) {
      throw keychainError(e)
    }
  }
  return {
    set: (key, secret) => guard((k) => k.setPassword(service, key, secret)),
    get: (key) => guard((k) => k.getPassword(service, key)),
    delete: (key) => guard((k) => k.deletePassword(service, key)),
    keys: () => guard(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  }
}

async function loadKeytar(): Promise<Keytar> {
  const mod = (await import('keytar')) as Keytar & { default?: Keytar }
  return mod.default ?? mod
}
