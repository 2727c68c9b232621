import type { MailkeyApi } from '../../../shared/ipc/contract.js'
import type { Result } from '../../../shared/result.js'

/** The bridge to main; a function so tests can swap `window.mailkey` between renders. */
export function mailkey(): MailkeyApi {
  return window.mailkey
}

/**
 * Handlers return failures as data, but the bridge itself can still reject (a crashed main process,
 * a closed test page). Either way the UI gets a Result it can show, never an unhandled rejection.
 */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call()
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Mailkey could not reach its background process (${detail}).` },
    }
  }
}
