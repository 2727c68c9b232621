import type * as KeytarModule from 'keytar'
import { keychainError } from './keychain-problem.js'
import type { SecretStore } from './secret-store.js'

type Keytar = typeof KeytarModule

const DEFAULT_SERVICE = 'mailkey'

/**
 * keytar behind the SecretStore interface; `service` is overridable so tests never touch real entries.
 *
 * Calls run one at a time. The Secret Service lists items and then reads each one, so a listing that
 * overlaps a delete (the health check's throwaway entry, a removed account) fails with "No such
 * interface org.freedesktop.Secret.Item", which would read as a locked keychain.
 */
export function createKeytarStore(
  service: string = DEFAULT_SERVICE,
  load: () => Promise<Keytar> = loadKeytar,
): SecretStore {
  let keytar: Promise<Keytar> | undefined
  const lib = (): Promise<Keytar> => (keytar ??= load())
  let queue: Promise<unknown> = Promise.resolve()
  const guard = <T>(fn: (k: Keytar) => Promise<T>, writing = false): Promise<T> => {
    const run = async (): Promise<T> => {
      try {
        return await fn(await lib())
      } catch (e) {
        throw keychainError(e, writing)
      }
    }
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }
  return {
    set: (key, secret) => guard((k) => k.setPassword(service, key, secret), true),
    get: (key) => guard((k) => k.getPassword(service, key)),
    delete: (key) => guard((k) => k.deletePassword(service, key)),
    keys: () => guard(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  }
}

async function loadKeytar(): Promise<Keytar> {
  const mod = (await import('keytar')) as Keytar & { default?: Keytar }
  return mod.default ?? mod
}
