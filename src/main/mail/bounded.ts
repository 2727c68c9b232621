import { ProbeCancelled, ProbeFailure, type FailureFacts } from './probe-failure.js'

export interface Bounds {
  signal: AbortSignal
  timeoutMs: number
  /** What to report when the time is up. */
  onTimeout: () => FailureFacts
  /** Releases whatever `run` opened (socket, client) on timeout, cancel or failure. */
  cleanup: () => void
}

/**
 * Runs one network step with a deadline and a cancel: whichever comes first settles the promise once,
 * and the step's resources are released on every path but success.
 */
export function bounded<T>(
  bounds: Bounds,
  run: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void, release: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      bounds.signal.removeEventListener('abort', onAbort)
      if (release) bounds.cleanup()
      fn()
    }
    const onAbort = (): void => finish(() => reject(new ProbeCancelled()), true)
    const timer = setTimeout(() => finish(() => reject(new ProbeFailure(bounds.onTimeout())), true), bounds.timeoutMs)
    if (bounds.signal.aborted) return onAbort()
    bounds.signal.addEventListener('abort', onAbort, { once: true })
    try {
      run(
        (value) => finish(() => resolve(value), false),
        (error) => finish(() => reject(error), true),
      )
    } catch (error) {
      finish(() => reject(error instanceof Error ? error : new Error(String(error))), true)
    }
  })
}
