import { describe, expect, it } from 'vitest'
import { StageClock } from '../../src/main/mail/stage-clock.js'
import { plannedStages } from '../../src/shared/mail.js'

function fakeTime(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000
  return { now: () => t, advance: (ms) => (t += ms) }
}

describe('StageClock', () => {
  it('times each planned stage and reports running/done in order', () => {
    const time = fakeTime()
    const events: string[] = []
    const clock = new StageClock(plannedStages('tls'), (s, state, ms) => events.push(`${s}:${state}:${ms}`), time.now)
    clock.start()
    time.advance(5)
    clock.complete('dns')
    time.advance(20)
    clock.complete('connect')
    time.advance(30)
    clock.complete('tls')
    expect(clock.current).toBe('greeting')
    expect(clock.timings).toEqual([
      { stage: 'dns', ms: 5 },
      { stage: 'connect', ms: 20 },
      { stage: 'tls', ms: 30 },
    ])
    expect(events.slice(0, 4)).toEqual(['dns:running:0', 'dns:done:5', 'connect:running:0', 'connect:done:20'])
  })

  it('closes skipped stages when a later one completes (a library that reports less often)', () => {
    const time = fakeTime()
    const clock = new StageClock(plannedStages('starttls'), undefined, time.now)
    clock.start()
    clock.complete('greeting')
    expect(clock.timings.map((t) => t.stage)).toEqual(['dns', 'connect', 'greeting'])
    expect(clock.current).toBe('starttls')
  })

  it('ignores a stage outside the plan and a second completion of the same stage', () => {
    const clock = new StageClock(plannedStages('none'))
    clock.start()
    clock.complete('tls')
    clock.complete('dns')
    clock.complete('dns')
    expect(clock.timings.map((t) => t.stage)).toEqual(['dns'])
  })

  it('fail() marks the running stage failed and returns it; nothing runs afterwards', () => {
    const time = fakeTime()
    const events: string[] = []
    const clock = new StageClock(plannedStages('tls'), (s, state) => events.push(`${s}:${state}`), time.now)
    clock.start()
    clock.complete('dns')
    time.advance(7)
    expect(clock.fail()).toBe('connect')
    expect(clock.timings.at(-1)).toEqual({ stage: 'connect', ms: 7 })
    expect(events.at(-1)).toBe('connect:failed')
    expect(clock.current).toBeUndefined()
    expect(clock.fail()).toBeUndefined()
  })
})
