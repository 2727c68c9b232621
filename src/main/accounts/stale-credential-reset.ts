import { appPasswordProvider, normalizePastedSecret } from '../../shared/app-password.js'
import { providerById } from '../../shared/providers.js'
import { bothPassed, type StageEvent } from '../../shared/report.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { LoginSource } from '../mail/login.js'
import type { AccessTokens } from '../oauth/access-tokens.js'
import type { PendingGrants } from '../oauth/pending-grants.js'
import type { CheckResult } from './account-check-result.js'
import type { AccountsService } from './accounts-service.js'
import { officeOf } from './office-options.js'

export interface ResetDeps {
  accounts: AccountsService
  credentials: Credentials
  tester: ConnectionTester
  /** Sign-ins finished in this session (an OAuth account's "Sign in again"). */
  pending?: PendingGrants
  /** The saved accounts' access tokens: a new sign-in's token replaces the dead one's. */
  tokens?: AccessTokens
  now?: () => Date
}

/** The replacement secret: a password typed now, or a sign-in just finished (OAuth accounts). */
export type NewSecret = { password: string } | { grantId: string }

/**
 * The stale-credential reset: the new secret is tested on both servers first; only if both accept it
 * does it replace the saved one (for both servers, as one app password or one sign-in serves both),
 * through the one saving path. Otherwise nothing changes, so a typo (or the wrong account picked in
 * the browser) never leaves the account with no working secret.
 */
export async function resetStaleCredential(
  deps: ResetDeps,
  id: string,
  testId: string,
  secret: NewSecret,
  emit: (e: StageEvent) => void,
  timeoutMs?: number,
): Promise<CheckResult & { saved: boolean }> {
  const { accounts, tester } = deps
  const account = accounts.get(id)
  // the same normaliser as every other path: "abcd efgh ijkl mnop" is the app password without spaces
  const provider = account.providerId
    ? providerById(account.providerId)
    : appPasswordProvider({ hosts: [account.incoming.host, account.outgoing.host] })
  const password = 'password' in secret ? normalizePastedSecret(secret.password, provider) : undefined
  const pending = 'grantId' in secret ? deps.pending : undefined
  if ('grantId' in secret && !pending) throw new Error('a sign-in needs the pending grants')
  const login: LoginSource =
    'grantId' in secret && pending
      ? pending.login(secret.grantId, account.email)
      : { username: account.username, password: password ?? '' }
  // a relay that signs in as someone else keeps its own saved secret
  const relay =
    account.outgoingUsername !== null && !account.oauth ? await deps.credentials.outgoingLogin(account) : null
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
  const grant = 'grantId' in secret && pending ? pending.get(secret.grantId, account.email) : undefined
  const saved = await accounts.save({
    accountId: account.id,
    email: account.email,
    displayName: account.displayName,
    username: account.username,
    providerId: account.providerId,
    incoming: account.incoming,
    outgoing: account.outgoing,
    ...(password !== undefined ? { password } : {}),
    ...(grant
      ? {
          oauth: {
            settings: grant.settings,
            secrets: { refreshToken: grant.refreshToken, clientSecret: grant.clientSecret },
          },
        }
      : {}),
    verifiedAt: (deps.now?.() ?? new Date()).toISOString(),
  })
  if (grant && pending) {
    const taken = pending.take(grant.id, account.email)
    deps.tokens?.forget(account.id)
    if (taken.accessToken) deps.tokens?.seed(account.id, taken.accessToken)
  }
  return { report, account: saved, saved: true }
}
