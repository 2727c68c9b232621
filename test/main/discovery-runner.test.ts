import { describe, expect, it } from 'vitest'
import { LookupError } from '../../src/main/discovery/lookup-error.js'
import { runByPriority, type RunnerEntry } from '../../src/main/discovery/priority-runner.js'

/** An entry that answers `value` after `ms` (null: nothing), recording whether it was cancelled. */
function after<T>(ms: number, value: T | null | Error, log: string[] = [], name = ''): RunnerEntry<T> {
  return {
    run: (signal) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => (value instanceof Error ? reject(value) : resolve(value)), ms)
        signal.addEventListener('abort', () => {
          clearTimeout(t)
          log.push(`${name} cancelled`)
          reject(new Error('aborted'))
        })
      }),
  }
}

describe('the priority runner', () => {
  it('a lower priority that answers first waits for the higher ones; the highest success wins', async () => {
    const r = await runByPriority([after(60, null), after(40, 'b'), after(5, 'c')], { deadlineMs: 1000 })
    expect(r.winner).toEqual({ index: 1, value: 'b' })
    expect(r.settled.map((s) => s.outcome)).toEqual(['nothing', 'found', 'found'])
    expect(r.ms).toBeGreaterThanOrEqual(55)
  })

  it('a success cancels every lower priority still running, at once', async () => {
    const log: string[] = []
    const r = await runByPriority([after(10, 'a', log, 'a'), after(500, 'b', log, 'b'), after(500, 'c', log, 'c')], {
      deadlineMs: 1000,
    })
    expect(r.winner?.value).toBe('a')
    expect(r.ms).toBeLessThan(200)
    expect(log.sort()).toEqual(['b cancelled', 'c cancelled'])
    expect(r.settled.map((s) => s.outcome)).toEqual(['found', 'cancelled', 'cancelled'])
  })

  it('incomplete values are kept as partial and the run goes on', async () => {
    const r = await runByPriority([after(5, 'half'), after(20, 'whole')], {
      deadlineMs: 1000,
      isComplete: (v) => v === 'whole',
    })
    expect(r.winner?.value).toBe('whole')
    expect(r.settled[0]).toMatchObject({ outcome: 'partial', value: 'half' })
  })

  it('at the deadline everything still running is stopped, and the best finished value wins', async () => {
    const log: string[] = []
    const r = await runByPriority([after(5000, 'slow', log, 'slow'), after(10, 'fast')], { deadlineMs: 100 })
    expect(r.ms).toBeLessThan(300)
    expect(r.winner?.value).toBe('fast')
    expect(r.settled.map((s) => s.outcome)).toEqual(['timeout', 'found'])
    expect(log).toEqual(['slow cancelled'])
  })

  it('failures carry their outcome and detail; a staggered entry starts early when all before it ended', async () => {
    const starts: number[] = []
    const t0 = Date.now()
    const r = await runByPriority(
      [
        after<string>(5, new LookupError('failed', 'bad XML')),
        { delayMs: 400, run: () => (starts.push(Date.now() - t0), Promise.resolve('late')) },
      ],
      { deadlineMs: 1000 },
    )
    expect(r.settled[0]).toMatchObject({ outcome: 'failed', detail: 'bad XML' })
    expect(r.winner?.value).toBe('late')
    expect(starts[0]).toBeLessThan(200)
  })

  it('an external cancel ends the run with nothing', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const r = await runByPriority([after(5000, 'x')], { deadlineMs: 10_000, signal: controller.signal })
    expect(r.winner).toBeUndefined()
    expect(r.settled[0]?.outcome).toBe('cancelled')
  })
})
