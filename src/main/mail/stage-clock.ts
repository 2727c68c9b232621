import type { Stage } from '../../shared/mail.js'
import type { StageTiming } from '../../shared/report.js'

export type StageListener = (stage: Stage, state: 'running' | 'done' | 'failed', ms: number) => void

/**
 * Times the planned stages of one probe, in order. A protocol client reports "this stage is done";
 * the clock closes it (and any earlier stage that had no event of its own) and opens the next.
 */
export class StageClock {
  readonly timings: StageTiming[] = []
  private index = -1
  private startedAt = 0
  private readonly t0: number

  constructor(
    readonly planned: readonly Stage[],
    private readonly listener: StageListener = () => undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.t0 = now()
  }

  /** The stage running now, if any. */
  get current(): Stage | undefined {
    return this.planned[this.index]
  }

  /** Milliseconds since the clock was made. */
  elapsed(): number {
    return Math.round(this.now() - this.t0)
  }

  start(): void {
    if (this.index < 0) this.open(0)
  }

  /** Marks `stage` done (with every earlier stage still open) and opens the next planned one. */
  complete(stage: Stage): void {
    const target = this.planned.indexOf(stage)
    if (target < 0) return
    while (this.index >= 0 && this.index <= target && this.index < this.planned.length) {
      const current = this.planned[this.index]
      const ms = Math.round(this.now() - this.startedAt)
      this.timings.push({ stage: current, ms })
      this.listener(current, 'done', ms)
      this.open(this.index + 1)
    }
  }

  /** Marks the running stage failed and returns it (undefined when nothing was running). */
  fail(): Stage | undefined {
    const current = this.current
    if (current === undefined) return undefined
    const ms = Math.round(this.now() - this.startedAt)
    this.timings.push({ stage: current, ms })
    this.listener(current, 'failed', ms)
    this.index = this.planned.length
    return current
  }

  private open(i: number): void {
    this.index = i
    this.startedAt = this.now()
    const stage = this.planned[i]
    if (stage !== undefined) this.listener(stage, 'running', 0)
  }
}
