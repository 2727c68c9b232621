import { describe, expect, it } from 'vitest'
import { runLimited } from '../../src/main/accounts/limited-pool.js'

/** Runs items that each take `ms`, recording the most running at once, in all and per key. */
async function observe(
  items: { id: number; keys: string[] }[],
  limits: { concurrency: number; perKey: number },
  signal?: AbortSignal,
) {
  let running = 0
  let peak = 0
  const perKey = new Map<string, number>()
  const peakKey = new Map<string, number>()
  const order: number[] = []
  await runLimited(
    items,
    (i) => i.keys,
    limits,
    async (item) => {
      order.push(item.id)
      running++
      peak = Math.max(peak, running)
      for (const k of new Set(item.keys)) {
        perKey.set(k, (perKey.get(k) ?? 0) + 1)
        peakKey.set(k, Math.max(peakKey.get(k) ?? 0, perKey.get(k) ?? 0))
      }
      await new Promise((r) => setTimeout(r, 5 + (item.id % 3)))
      running--
      for (const k of new Set(item.keys)) perKey.set(k, (perKey.get(k) ?? 1) - 1)
    },
    signal,
  )
  return { peak, peakKey, order }
}

describe('runLimited', () => {
  it('never runs more than the limits, in all or per key, and runs every item once', async () => {
    const items = Array.from({ length: 30 }, (_, id) => ({
      id,
      keys:
        [
          ['gmail', 'gmail'],
          ['gmail', 'smtp.x'],
          ['y', 'y'],
          ['z', 'smtp.x'],
        ][id % 4] ?? [],
    }))
    const r = await observe(items, { concurrency: 4, perKey: 2 })
    expect(r.peak).toBe(4)
    expect(Math.max(...r.peakKey.values())).toBe(2)
    expect([...r.order].sort((a, b) => a - b)).toEqual(items.map((i) => i.id))
  })

  it('a full key does not hold back the items behind it', async () => {
    const items = [0, 1, 2, 3].map((id) => ({ id, keys: ['gmail'] })).concat([{ id: 9, keys: ['other'] }])
    const r = await observe(items, { concurrency: 4, perKey: 2 })
    expect(r.order.slice(0, 3)).toEqual([0, 1, 9])
  })

  it('starts nothing new once aborted, and settles when the running ones end', async () => {
    const abort = new AbortController()
    const items = Array.from({ length: 10 }, (_, id) => ({ id, keys: [`k${id}`] }))
    setTimeout(() => abort.abort(), 8)
    const r = await observe(items, { concurrency: 2, perKey: 1 }, abort.signal)
    expect(r.order.length).toBeGreaterThanOrEqual(2)
    expect(r.order.length).toBeLessThan(10)
  })

  it('refuses limits below 1 and settles at once with no items', async () => {
    expect(() =>
      runLimited(
        [],
        () => [],
        { concurrency: 0, perKey: 1 },
        () => Promise.resolve(),
      ),
    ).toThrow(RangeError)
    await expect(
      runLimited(
        [],
        () => [],
        { concurrency: 1, perKey: 1 },
        () => Promise.resolve(),
      ),
    ).resolves.toBeUndefined()
  })
})
