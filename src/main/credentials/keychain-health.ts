import type { KeychainHealth } from '../../shared/keychain.js'
import { AppError } from '../app-error.js'
import { keychainAdvice, keychainProblem } from './keychain-problem.js'
import type { SecretStore } from './secret-store.js'

/** Not an account id (ids never start with "_"), so it can never be taken for an account's entry. */
export const HEALTH_KEY = '__mailkey-health-check__'

/**
 * Checks the keychain the way saving will use it: write, read back, delete a throwaway entry. Reading
 * alone succeeds on a locked keyring; writing does not. Run at start and before asking for a password.
 */
export async function checkKeychain(secrets: SecretStore): Promise<KeychainHealth> {
  const probe = `health-${Date.now()}`
  try {
    await secrets.set(HEALTH_KEY, probe)
    const back = await secrets.get(HEALTH_KEY)
    await secrets.delete(HEALTH_KEY)
    if (back !== probe) throw new Error('the keychain did not return what was stored')
    return { ok: true }
  } catch (e) {
    // the store already turned the failure into advice; recover the system's words for the detail
    const raw = e instanceof AppError ? (/\(([^)]*)\)$/.exec(e.message)?.[1] ?? e.message) : String(e)
    const problem = keychainProblem(raw)
    return { ok: false, problem, advice: keychainAdvice(problem), detail: raw }
  }
}
