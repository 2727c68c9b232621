import { LookupError } from './lookup-error.js'

/** How one entry of a run ended. */
export type EntryOutcome = 'found' | 'partial' | 'nothing' | 'failed' | 'timeout' | 'cancelled'

export interface RunnerEntry<T> {
  /**
   * Starts this long after the run (a staggered start), or as soon as every entry before it has ended,
   * whichever comes first; cancelled before it starts, it costs nothing.
   */
  delayMs?: number
  /** Resolves with a value, or null for "nothing here"; a LookupError says why it failed. */
  run(signal: AbortSignal): Promise<T | null>
}

export interface Settled<T> {
  index: number
  outcome: EntryOutcome
  /** From the entry's own start to its end (0 when it never started). */
  ms: number
  value?: T
  detail?: string
}

export interface RunnerOptions<T> {
  /** The whole run ends by then (ms); entries still running are stopped as `timeout`. */
  deadlineMs: number
  signal?: AbortSignal
  /** A value that settles the run (default: any value); others are kept as `partial` and the run goes on. */
  isComplete?: (value: T) => boolean
  onStart?: (index: number) => void
  onSettle?: (settled: Settled<T>) => void
}

export interface RunnerResult<T> {
  /** The highest-priority complete value, if any. */
  winner?: { index: number; value: T }
  /** Every entry, in priority order. */
  settled: Settled<T>[]
  ms: number
}

/**
 * Runs entries at once (each after its own delay) and returns the highest-priority complete value: as
 * soon as entry i completes and every entry before it has ended without one, the run ends and the
 * entries after i are cancelled. Lower-priority values that arrive first wait for the higher ones (the
 * model is Thunderbird for Android's PriorityParallelRunner). At the deadline everything still running
 * is stopped and the best complete value so far wins. Never rejects.
 */
export function runByPriority<T>(entries: readonly RunnerEntry<T>[], opts: RunnerOptions<T>): Promise<RunnerResult<T>> {
  const started = Date.now()
  const complete = opts.isComplete ?? (() => true)
  const settled: (Settled<T> | undefined)[] = entries.map(() => undefined)
  const controllers = entries.map(() => new AbortController())
  const timers: NodeJS.Timeout[] = []
  const startedAt: (number | undefined)[] = entries.map(() => undefined)

  return new Promise((resolve) => {
    let done = false
    const mark = (s: Settled<T>): void => {
      settled[s.index] = s
      opts.onSettle?.(s)
    }
    /** Stops every entry from `from` on that has not ended, recording how. */
    const stop = (outcome: 'cancelled' | 'timeout', from: number): void => {
      for (let i = from; i < entries.length; i++) {
        if (settled[i]) continue
        controllers[i]?.abort()
        const begun = startedAt[i]
        mark({ index: i, outcome, ms: begun === undefined ? 0 : Date.now() - begun })
      }
    }
    const best = (): { index: number; value: T } | undefined => {
      const s = settled.find((x) => x?.outcome === 'found' && x.value !== undefined)
      return s?.value !== undefined ? { index: s.index, value: s.value } : undefined
    }
    const finish = (winner?: { index: number; value: T }): void => {
      done = true
      clearTimeout(deadline)
      timers.forEach(clearTimeout)
      opts.signal?.removeEventListener('abort', onAbort)
      resolve({
        ...(winner ? { winner } : {}),
        settled: settled.map((s, index) => s ?? { index, outcome: 'cancelled', ms: 0 }),
        ms: Date.now() - started,
      })
    }
    /** Ends the run once the highest-priority entry still in question has a complete value. */
    const decide = (): void => {
      for (let i = 0; i < entries.length; i++) {
        const s = settled[i]
        if (!s) return // a higher priority is still running: wait for it
        if (s.outcome === 'found' && s.value !== undefined) {
          stop('cancelled', i + 1)
          return finish({ index: i, value: s.value })
        }
      }
      finish()
    }
    const settle = (s: Settled<T>): void => {
      if (done || settled[s.index]) return
      mark(s)
      decide()
      if (!done) startWaiting()
    }
    const deadline = setTimeout(() => {
      const winner = best()
      stop('timeout', 0)
      finish(winner)
    }, opts.deadlineMs)
    const onAbort = (): void => {
      if (done) return
      stop('cancelled', 0)
      finish()
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true })

    const starters: (() => void)[] = []
    /** An entry waiting for its slot starts now when everything before it has ended. */
    const startWaiting = (): void => {
      for (let i = 0; i < entries.length; i++) {
        if (startedAt[i] === undefined) {
          starters[i]?.()
          return
        }
        if (!settled[i]) return
      }
    }
    entries.forEach((entry, index) => {
      const start = (): void => {
        if (done || settled[index] || startedAt[index] !== undefined) return
        startedAt[index] = Date.now()
        opts.onStart?.(index)
        const signal = controllers[index]?.signal ?? AbortSignal.abort()
        let running: Promise<T | null>
        try {
          running = entry.run(signal)
        } catch (e) {
          running = Promise.reject(e instanceof Error ? e : new Error(String(e)))
        }
        running.then(
          (value) => {
            const ms = Date.now() - (startedAt[index] ?? started)
            if (value === null) settle({ index, outcome: 'nothing', ms })
            else settle({ index, outcome: complete(value) ? 'found' : 'partial', ms, value })
          },
          (e: unknown) => {
            const ms = Date.now() - (startedAt[index] ?? started)
            const detail = e instanceof LookupError ? e.detail : e instanceof Error ? e.message : String(e)
            const outcome = e instanceof LookupError ? e.outcome : 'failed'
            settle({ index, outcome, ms, detail })
          },
        )
      }
      starters[index] = start
      if (entry.delayMs) timers.push(setTimeout(start, entry.delayMs))
      else start()
    })
    if (opts.signal?.aborted) onAbort()
    else if (entries.length === 0) finish()
  })
}
