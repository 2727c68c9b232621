import type { AccountView } from '../../shared/account.js'
import type { ValidateResult } from '../../shared/ipc/contract.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import { appPasswordProvider, normalizePastedSecret } from '../../shared/app-password.js'
import { providerById, type ProviderId } from '../../shared/providers.js'
import { bothPassed, type RoundTripReport, type StageEvent, type TestReport } from '../../shared/report.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { LoginSource } from '../mail/login.js'
import type { AccessTokens } from '../oauth/access-tokens.js'
import type { PendingGrants } from '../oauth/pending-grants.js'
import type { ConnectionOptions } from '../mail/protocol-options.js'
import { roundTrip } from '../mail/round-trip.js'
import type { TestRequest } from '../mail/test-request.js'
import { DEFAULT_TIMEOUTS } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'
import { assertSavedSecretFits } from './secret-binding.js'

/**
 * A configuration being set up in the wizard (or edited): the servers, and the secret as a password
 * typed now, a sign-in just finished (`grantId`, OAuth) or, when editing, the saved account's
 * (`accountId`).
 */
export interface SetupDraft {
  email: string
  username?: string | undefined
  password?: string | undefined
  /** An OAuth sign-in finished in this session, not saved yet (oauth/pending-grants.ts). */
  grantId?: string | undefined
  accountId?: string | undefined
  incoming?: IncomingServer | undefined
  outgoing?: Server | undefined
}

/** A draft to save: both servers, the name, and (optionally) the test that proved it. */
export interface SaveDraft extends SetupDraft {
  displayName?: string | undefined
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  testId?: string | undefined
}

interface DraftLogins {
  incoming: LoginSource
  outgoing: LoginSource
  saved: boolean
}

export interface SetupDeps {
  accounts: AccountsService
  credentials: Credentials
  tester: ConnectionTester
  /** How round trips connect (the validation message). */
  connection: Omit<ConnectionOptions, 'timeouts'>
  roundTripLimitMs: number
  /** The provider of an address in the app's catalog, when the draft names none. */
  providerOf: (email: string) => ProviderId | null
  /**
   * The trust gate: throws when a host discovery could not vouch for has not been confirmed by the
   * user (discovery/host-confirmations.ts). Runs before every use of a secret.
   */
  beforeSecretSent?: (email: string, hosts: readonly (string | undefined)[]) => void
  /** Sign-ins finished in the wizard and not saved yet. */
  pending: PendingGrants
  /** The saved accounts' access tokens: a sign-in's fresh token goes here when it is saved. */
  tokens: AccessTokens
  now?: () => Date
}

/**
 * The wizard's use cases: test a draft, save it, and "validate and save" (save only once both servers
 * pass and, if asked, the validation message arrives). The IPC handlers only parse and call these.
 */
export class AccountSetup {
  constructor(private readonly deps: SetupDeps) {}

  /** Tests a draft's servers with its typed password, or with the saved account's secrets. */
  async test(
    testId: string,
    draft: SetupDraft & { timeoutMs?: number | undefined },
    emit: (e: StageEvent) => void,
  ): Promise<TestReport> {
    const logins = await this.logins(draft)
    return this.deps.tester.run(testId, { ...request(draft, logins), timeoutMs: draft.timeoutMs }, emit)
  }

  /**
   * Saves a draft; it is marked verified only when `testId` proved exactly this configuration (main's
   * own evidence, not the renderer's word).
   */
  async save(draft: SaveDraft): Promise<AccountView> {
    const logins = await this.logins(draft)
    const verifiedAt = this.deps.tester.provenAt(draft.testId, request(draft, logins))
    return this.persist(draft, verifiedAt)
  }

  /**
   * "Validate and save": tests both servers (and, when asked, sends one message from the address to
   * itself and reads it back over IMAP); only then is the account saved, as verified. Otherwise nothing
   * is saved and the result says why.
   */
  async validateAndSave(
    draft: SaveDraft & { testId: string; validationMessage: boolean },
    emit: (e: StageEvent) => void,
  ): Promise<ValidateResult> {
    const { deps } = this
    const logins = await this.logins(draft)
    const report = await deps.tester.run(draft.testId, request(draft, logins), emit)
    if (!bothPassed(report))
      return { saved: false, report, reason: 'A server did not accept the settings, so nothing was saved.' }
    let trip: RoundTripReport | undefined
    if (draft.validationMessage) {
      trip = await deps.tester.guard(draft.testId, (signal) =>
        roundTrip({
          signal,
          smtp: draft.outgoing,
          smtpLogin: logins.outgoing,
          imap: draft.incoming,
          imapLogin: logins.incoming,
          from: { name: draft.displayName ?? '', address: draft.email },
          to: draft.email,
          providerId: this.providerId(draft),
          savedSecret: logins.saved,
          connection: { ...deps.connection, timeouts: DEFAULT_TIMEOUTS },
          limitMs: deps.roundTripLimitMs,
        }),
      )
      if (trip.outcome !== 'arrived') {
        return {
          saved: false,
          report,
          roundTrip: trip,
          reason: `The validation message did not prove delivery: ${trip.title}. Nothing was saved.`,
        }
      }
    }
    const account = await this.persist(draft, (deps.now?.() ?? new Date()).toISOString())
    return { saved: true, report, ...(trip ? { roundTrip: trip } : {}), account }
  }

  /**
   * Saves through the one saving path. A sign-in (`grantId`) moves from memory to the keychain only
   * now, and its access token to the saved accounts' cache, so the next test needs no refresh.
   */
  private async persist(draft: SaveDraft, verifiedAt: string | null): Promise<AccountView> {
    const grant = draft.grantId ? this.deps.pending.get(draft.grantId, draft.email) : undefined
    const saved = await this.deps.accounts.save({
      accountId: draft.accountId,
      email: draft.email,
      displayName: draft.displayName,
      username: grant ? draft.email : draft.username,
      providerId: this.providerId(draft),
      incoming: draft.incoming,
      outgoing: draft.outgoing,
      password: grant || draft.password === undefined ? undefined : this.pasted(draft, draft.password),
      ...(grant
        ? {
            oauth: {
              settings: grant.settings,
              secrets: { refreshToken: grant.refreshToken, clientSecret: grant.clientSecret },
            },
          }
        : {}),
      verifiedAt,
    })
    if (grant) {
      const taken = this.deps.pending.take(grant.id, draft.email)
      this.deps.tokens.forget(saved.id)
      if (taken.accessToken) this.deps.tokens.seed(saved.id, taken.accessToken)
    }
    return saved
  }

  private providerId(draft: SaveDraft): ProviderId | null {
    return draft.providerId ?? this.deps.providerOf(draft.email)
  }

  /** A typed or pasted secret as it is sent and saved: an app password loses its group separators. */
  private pasted(draft: SetupDraft & { providerId?: ProviderId | null }, raw: string): string {
    const id = draft.providerId ?? this.deps.providerOf(draft.email)
    const hosts = [draft.incoming?.host, draft.outgoing?.host].filter((h): h is string => h !== undefined)
    return normalizePastedSecret(raw, id ? providerById(id) : appPasswordProvider({ hosts }))
  }

  /**
   * The draft's logins: a sign-in just finished (its token on both sides), the typed password on both
   * sides, or the saved account's logins, and those only for the exact servers they were saved for
   * (PASSWORD_REQUIRED otherwise). Every secret passes the trust gate first.
   */
  private async logins(draft: SetupDraft & { providerId?: ProviderId | null }): Promise<DraftLogins> {
    this.deps.beforeSecretSent?.(draft.email, [draft.incoming?.host, draft.outgoing?.host])
    if (draft.grantId !== undefined) {
      const login = this.deps.pending.login(draft.grantId, draft.email)
      return { incoming: login, outgoing: login, saved: false }
    }
    const username = draft.username ?? draft.email
    if (draft.password !== undefined || draft.accountId === undefined) {
      const login = { username, password: this.pasted(draft, draft.password ?? '') }
      return { incoming: login, outgoing: login, saved: false }
    }
    const account = this.deps.accounts.get(draft.accountId)
    assertSavedSecretFits(account, draft)
    const saved = await this.deps.credentials.logins(account)
    if (!('password' in saved.incoming)) return { ...saved, saved: true }
    const incoming = { username, password: saved.incoming.password }
    return { incoming, outgoing: account.outgoingUsername !== null ? saved.outgoing : incoming, saved: true }
  }
}

function request(draft: SetupDraft, logins: DraftLogins): TestRequest {
  return {
    email: draft.email,
    ...(draft.incoming ? { incoming: { server: draft.incoming, login: logins.incoming } } : {}),
    ...(draft.outgoing ? { outgoing: { server: draft.outgoing, login: logins.outgoing } } : {}),
    savedSecret: logins.saved,
  }
}
