import type * as KeytarModule from 'keytar'
import { keychainError } from './keychain-problem.js'
import type { SecretStore } from './secret-store.js'

type Keytar = typeof KeytarModule

export const DEFAULT_SERVICE = 'mailkey'

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
