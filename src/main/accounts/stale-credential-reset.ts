import { bothPassed, type StageEvent } from '../../shared/report.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { CheckResult } from './account-check-result.js'
import type { AccountsService } from './accounts-service.js'
import { officeOf } from './office-options.js'

export interface ResetDeps {
  accounts: AccountsService
  credentials: Credentials
  tester: ConnectionTester
  now?: () => Date
}

/**
 * The stale-credential reset: the new secret is tested on both servers first; only if both accept it
 * does it replace the saved one (for both servers, as one app password serves both), through the one
 * saving path. Otherwise nothing changes, so a typo never leaves the account with no working secret.
 */
export async function resetStaleCredential(
  deps: ResetDeps,
  id: string,
  testId: string,
  password: string,
  emit: (e: StageEvent) => void,
  timeoutMs?: number,
): Promise<CheckResult & { saved: boolean }> {
  const { accounts, tester } = deps
  const account = accounts.get(id)
  const login = { username: account.username, password }
  // a relay that signs in as someone else keeps its own saved secret
  const relay = account.outgoingUsername !== null ? await deps.credentials.outgoingLogin(account) : null
  const report = await tester.run(
    testId,
    {
      email: account.email,
      incoming: { server: account.incoming, login },
      outgoing: { server: account.outgoing, login: relay ?? login },
      timeoutMs,
      office: await officeOf(account, deps.credentials),
    },
    emit,
  )
  if (!bothPassed(report)) return { report, account: await accounts.view(account), saved: false }
  const saved = await accounts.save({
    accountId: account.id,
    email: account.email,
    displayName: account.displayName,
    username: account.username,
    providerId: account.providerId,
    incoming: account.incoming,
    outgoing: account.outgoing,
    password,
    verifiedAt: (deps.now?.() ?? new Date()).toISOString(),
  })
  return { report, account: saved, saved: true }
}
