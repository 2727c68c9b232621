import { randomBytes } from 'node:crypto'
import { createKeytarStore } from '../../src/main/credentials/keytar-store.js'
import type { SecretStore } from '../../src/main/credentials/secret-store.js'

/**
 * Whether a Secret Service answers here. `npm test` runs the suites inside their own D-Bus session with
 * an unlocked gnome-keyring and sets REQUIRE_KEYRING=1, so there a missing keychain fails instead of
 * skipping. A plain `vitest run` outside such a session skips these tests and says why.
 */
export async function keychainProblem(): Promise<string | null> {
  try {
    await createKeytarStore(`mailkey-probe-${process.pid}`).keys()
    return null
  } catch (e) {
    const why = `Secret Service unavailable: ${(e as Error).message}`
    if (process.env['REQUIRE_KEYRING'] === '1')
      throw new Error(`Secret Service required but unavailable: ${why}`, { cause: e })
    return why
  }
}

/** A keychain store under a service name of its own, emptied by `clear()`. */
export function scratchKeychain(): SecretStore & { service: string; clear(): Promise<void> } {
  const service = `mailkey-test-${randomBytes(6).toString('hex')}`
  const store = createKeytarStore(service)
  return {
    ...store,
    service,
    async clear() {
      for (const key of await store.keys()) await store.delete(key)
    },
  }
}
