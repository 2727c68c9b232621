import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMEOUTS } from '../../src/main/mail/timeouts.js'
import { STAGE_LIMIT_MS } from '../../src/shared/stage-limits.js'

describe('the countdown the UI shows is the wait main really allows', () => {
  it('connect and greeting limits are main’s default timeouts', () => {
    expect(STAGE_LIMIT_MS).toEqual({ connect: DEFAULT_TIMEOUTS.connectMs, greeting: DEFAULT_TIMEOUTS.greetingMs })
  })
})
