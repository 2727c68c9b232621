import type { Account, StaleCredential } from '../../shared/account.js'
import { worksWithFallback, type StageEvent } from '../../shared/report.js'
import type { Credentials } from '../credentials/credentials.js'
import { isRejection, staleReason } from '../credentials/stale-reason.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { TestRequest } from '../mail/test-request.js'
import { rejectedSides, type CheckResult } from './account-check-result.js'
import type { AccountsService } from './accounts-service.js'
import { officeOf } from './office-options.js'

/** Between a rejection and the attempt that confirms it: long enough for a flaky moment to pass. */
const CONFIRM_DELAY_MS = 500

export interface RetestDeps {
  accounts: AccountsService
  credentials: Credentials
  tester: ConnectionTester
  now?: () => Date
  pause?: (ms: number) => Promise<void>
}

/**
 * Re-tests a saved account with its saved secrets and records the outcome: verified when both servers
 * pass, stale when a server refused the secret.
 *
 * A saved secret is called stale only after a confirmed rejection: the server refused it, and refused
 * it again on a second attempt a moment later. A network error never marks it (Delta Chat waits for a
 * second failure for the same reason: a false "your password is wrong" is worse than a late one).
 */
export async function retestAccount(
  deps: RetestDeps,
  id: string,
  testId: string,
  emit: (e: StageEvent) => void,
  timeoutMs?: number,
): Promise<CheckResult> {
  const { accounts, tester } = deps
  const now = deps.now ?? (() => new Date())
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const account = accounts.get(id)
  const logins = await deps.credentials.logins(account)
  const request: TestRequest = {
    email: account.email,
    incoming: { server: account.incoming, login: logins.incoming },
    outgoing: { server: account.outgoing, login: logins.outgoing },
    outgoingFallbacks: account.outgoingFallbacks.map((server) => ({ server, login: logins.outgoing })),
    timeoutMs,
    savedSecret: true,
    office: await officeOf(account, deps.credentials),
  }
  const report = await tester.run(testId, request, emit)
  let stale: StaleCredential | null = account.stale
  const rejected = rejectedSides(report)
  if (rejected.length > 0) {
    await pause(CONFIRM_DELAY_MS)
    // the same id, so cancelling the re-test also stops (or prevents) the confirming attempt
    const again = await tester.run(
      testId,
      {
        ...request,
        incoming: rejected.includes('incoming') ? request.incoming : undefined,
        outgoing: rejected.includes('outgoing') ? request.outgoing : undefined,
        outgoingFallbacks: undefined,
      },
      emit,
    )
    const confirmed = rejectedSides(again)
    const first = confirmed[0]
    const cause = first ? again[first]?.cause : undefined
    if (first && isRejection(cause)) {
      stale = {
        since: account.stale?.since ?? now().toISOString(),
        side: confirmed.length > 1 ? 'both' : first,
        cause,
        reason: staleReason(account.providerId, cause),
      }
    }
  } else if (worksWithFallback(report)) {
    stale = null
  }
  const checkedAt = now().toISOString()
  const updated: Account = {
    ...account,
    stale,
    lastVerifiedAt: worksWithFallback(report) ? checkedAt : account.lastVerifiedAt,
    lastCheckedAt: checkedAt,
  }
  accounts.update(updated)
  return { report, account: await accounts.view(updated) }
}
