import { useEffect, useState } from 'react'
import type { Stage } from '../../../shared/mail.js'
import { STAGE_LIMIT_MS } from '../../../shared/stage-limits.js'
import type { StageRow } from './test-run.js'

/** A stage is news only once it has taken a while: a quick one shows no countdown at all. */
const SHOW_AFTER_MS = 2000

export interface TimeLeft {
  stage: Stage
  /** How long main still waits at most. */
  ms: number
  /** The wait has lasted long enough to be worth saying. */
  shown: boolean
}

/** "up to 7 s more": the time left, in whole seconds rounded up, never below zero. */
export function waitText(ms: number): string {
  return ms > 0 ? `up to ${Math.ceil(ms / 1000)} s more` : 'any moment'
}

/**
 * The time left in the running stage that has a known limit (a connect or a greeting, see
 * STAGE_LIMIT_MS), ticking once a second while it runs; null when no such stage runs.
 */
export function useTimeLeft(rows: readonly StageRow[]): TimeLeft | null {
  const running = rows.find((r) => r.state === 'running' && STAGE_LIMIT_MS[r.stage] !== undefined)?.stage ?? null
  const [clock, setClock] = useState<{ stage: Stage; at: number; now: number } | null>(null)
  useEffect(() => {
    if (running === null) return
    const at = Date.now()
    const timer = setInterval(() => setClock({ stage: running, at, now: Date.now() }), 1000)
    return () => {
      clearInterval(timer)
      setClock(null)
    }
  }, [running])
  if (running === null || clock?.stage !== running) return null
  const elapsed = clock.now - clock.at
  return { stage: running, ms: (STAGE_LIMIT_MS[running] ?? 0) - elapsed, shown: elapsed >= SHOW_AFTER_MS }
}
