/** How many items may run at once, in all and per key. */
export interface PoolLimits {
  concurrency: number
  perKey: number
}

/**
 * Runs `work` once for every item, at most `limits.concurrency` at a time, and at most `limits.perKey`
 * at a time among the items that share a key. An item with several keys (an account's incoming and
 * outgoing hosts) holds a place under each. Items start in order, except that one whose key is full
 * lets later ones pass (no head-of-line blocking). Once `signal` aborts, nothing new starts; the
 * promise settles when every started item has finished. `work` must not throw (report failures as data).
 */
export function runLimited<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
  limits: PoolLimits,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  if (limits.concurrency < 1 || limits.perKey < 1) throw new RangeError('limits must be at least 1')
  const pending = items.map((item) => ({ item, keys: [...new Set(keysOf(item))] }))
  const perKey = new Map<string, number>()
  let active = 0
  return new Promise<void>((resolve) => {
    const fits = (keys: readonly string[]): boolean => keys.every((k) => (perKey.get(k) ?? 0) < limits.perKey)
    const pump = (): void => {
      for (let i = 0; i < pending.length && active < limits.concurrency && !signal?.aborted;) {
        const next = pending[i]
        if (!next || !fits(next.keys)) {
          i++
          continue
        }
        pending.splice(i, 1)
        active++
        for (const k of next.keys) perKey.set(k, (perKey.get(k) ?? 0) + 1)
        void work(next.item).finally(() => {
          active--
          for (const k of next.keys) perKey.set(k, (perKey.get(k) ?? 1) - 1)
          pump()
        })
      }
      if (active === 0 && (pending.length === 0 || signal?.aborted)) resolve()
    }
    signal?.addEventListener('abort', pump, { once: true })
    pump()
  })
}
