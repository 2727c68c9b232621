import type { Account, AccountView, StaleCredential } from '../../shared/account.js'
import type { Side } from '../../shared/mail.js'
import type { StageEvent, TestReport } from '../../shared/report.js'
import { isRejection, staleReason } from '../credentials/stale-reason.js'
import type { ConnectionTester, TestInput } from '../mail/connection-tester.js'
import type { AccountsService } from './accounts-service.js'

/** Between a rejection and the attempt that confirms it: long enough for a flaky moment to pass. */
const CONFIRM_DELAY_MS = 500

const SIDES: readonly Side[] = ['incoming', 'outgoing']

function rejectedSides(report: TestReport): Side[] {
  return SIDES.filter((s) => report[s] && !report[s].ok && isRejection(report[s].cause))
}

function bothPassed(report: TestReport): boolean {
  return SIDES.every((s) => report[s]?.ok === true)
}

export interface CheckResult {
  report: TestReport
  account: AccountView
}

/**
 * Re-testing a saved account, and replacing its secret when it went stale.
 *
 * A saved secret is called stale only after a confirmed rejection: the server refused it, and refused
 * it again on a second attempt a moment later. A network error never marks it (Delta Chat waits for a
 * second failure for the same reason: a false "your password is wrong" is worse than a late one).
 */
export class AccountChecks {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tester: ConnectionTester,
    private readonly now: () => Date = () => new Date(),
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  private async input(account: Account, testId: string, timeoutMs: number | undefined): Promise<TestInput> {
    const logins = await this.accounts.savedLogins(account)
    return {
      testId,
      email: account.email,
      username: logins.incoming.username,
      password: logins.incoming.password,
      ...(account.outgoingUsername !== null ? { outgoingLogin: logins.outgoing } : {}),
      incoming: account.incoming,
      outgoing: account.outgoing,
      hasSavedSecret: true,
      timeoutMs,
    }
  }

  async retest(id: string, testId: string, emit: (e: StageEvent) => void, timeoutMs?: number): Promise<CheckResult> {
    const account = this.accounts.get(id)
    const input = await this.input(account, testId, timeoutMs)
    const report = await this.tester.run(input, emit)
    let stale: StaleCredential | null = account.stale
    const rejected = rejectedSides(report)
    if (rejected.length > 0) {
      await this.pause(CONFIRM_DELAY_MS)
      const again = await this.tester.run(
        {
          ...input,
          // the same id, so cancelling the re-test also stops (or prevents) the confirming attempt
          testId,
          incoming: rejected.includes('incoming') ? account.incoming : undefined,
          outgoing: rejected.includes('outgoing') ? account.outgoing : undefined,
        },
        emit,
      )
      const confirmed = rejectedSides(again)
      const first = confirmed[0]
      const cause = first ? again[first]?.cause : undefined
      if (first && isRejection(cause)) {
        stale = {
          since: account.stale?.since ?? this.now().toISOString(),
          side: confirmed.length > 1 ? 'both' : first,
          cause,
          reason: staleReason(account.providerId, cause),
        }
      }
    } else if (bothPassed(report)) {
      stale = null
    }
    const updated: Account = {
      ...account,
      stale,
      lastVerifiedAt: bothPassed(report) ? this.now().toISOString() : account.lastVerifiedAt,
    }
    this.accounts.update(updated)
    return { report, account: await this.accounts.view(updated) }
  }

  /**
   * The reset: the new secret is tested on both servers first; only if both accept it does it
   * replace the saved one (for both servers, as one app password serves both). Otherwise nothing
   * changes, so a typo never leaves the account with no working secret.
   */
  async resetCredentials(
    id: string,
    testId: string,
    password: string,
    emit: (e: StageEvent) => void,
    timeoutMs?: number,
  ): Promise<CheckResult & { saved: boolean }> {
    const account = this.accounts.get(id)
    const splitOutgoing =
      account.outgoingUsername !== null ? await this.accounts.credentials.outgoingLogin(account) : null
    const report = await this.tester.run(
      {
        testId,
        email: account.email,
        username: account.username,
        password,
        ...(splitOutgoing ? { outgoingLogin: splitOutgoing } : {}),
        incoming: account.incoming,
        outgoing: account.outgoing,
        timeoutMs,
      },
      emit,
    )
    if (!bothPassed(report)) return { report, account: await this.accounts.view(account), saved: false }
    await this.accounts.credentials.storeShared(account.id, password)
    const updated: Account = { ...account, stale: null, lastVerifiedAt: this.now().toISOString() }
    this.accounts.update(updated)
    return { report, account: await this.accounts.view(updated), saved: true }
  }
}
