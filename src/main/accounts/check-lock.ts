/**
 * One check of an account at a time. A re-test or reset the user asks for waits for a check already
 * running on that account (the background re-check, another window's click); the background re-check
 * never waits: it skips a busy account and comes back to it later.
 */
export class CheckLock {
  /** Per account, a promise that settles (never rejects) when its check is over. */
  private readonly running = new Map<string, Promise<void>>()

  busy(accountId: string): boolean {
    return this.running.has(accountId)
  }

  /** Runs `check` once no other check of the account runs; checks of other accounts run side by side. */
  async run<T>(accountId: string, check: () => Promise<T>): Promise<T> {
    // bounded: each waiter re-checks after the one it waited for, and checks end by their own timeouts
    for (let before = this.running.get(accountId); before; before = this.running.get(accountId)) await before
    return this.hold(accountId, check)
  }

  /** Runs `check` only when nothing checks the account now; undefined when it was busy. */
  runIfIdle<T>(accountId: string, check: () => Promise<T>): Promise<T> | undefined {
    return this.busy(accountId) ? undefined : this.hold(accountId, check)
  }

  private hold<T>(accountId: string, check: () => Promise<T>): Promise<T> {
    const p = check()
    const over = (): void => {
      if (this.running.get(accountId) === settled) this.running.delete(accountId)
    }
    const settled: Promise<void> = p.then(over, over)
    this.running.set(accountId, settled)
    return p
  }
}
