import type { Account, AccountView } from '../../shared/account.js'
import { DIRECT_CONNECTION, type CertificatePin, type ConnectionSettings } from '../../shared/connection.js'
import type { ValidateResult } from '../../shared/ipc/contract.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import { appPasswordProvider, normalizePastedSecret } from '../../shared/app-password.js'
import { providerById, type ProviderId } from '../../shared/providers.js'
import { worksWithFallback, type RoundTripReport, type StageEvent, type TestReport } from '../../shared/report.js'
import { sameServer } from '../../shared/same-server.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { LoginSource, PasswordLogin } from '../mail/login.js'
import type { AccessTokens } from '../oauth/access-tokens.js'
import type { PendingGrants } from '../oauth/pending-grants.js'
import type { ConnectionOptions } from '../mail/protocol-options.js'
import { roundTrip } from '../mail/round-trip.js'
import type { OfficeOptions } from '../mail/server-connection.js'
import type { TestRequest } from '../mail/test-request.js'
import { DEFAULT_TIMEOUTS } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'
import { checkNewPins, draftOffice, withCheckedCas } from './office-options.js'
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
  /**
   * Sending signs in as someone else (an SMTP relay, a host with separate logins): its user name, or
   * null for the one login on both servers; unset keeps what the saved account had (none for a new one).
   */
  outgoingUsername?: string | null | undefined
  /** That login's own password; unset: the account's saved one, else the same password as incoming. */
  outgoingPassword?: string | undefined
  /** Office connection options; unset: a direct connection (or, editing, the saved ones). */
  connection?: ConnectionSettings | undefined
  /** The proxy's password typed now; unset: the saved one, for the proxy it was saved for. */
  proxyPassword?: string | undefined
  /** Outgoing servers to fall back to, in order (tested too). */
  outgoingFallbacks?: Server[] | undefined
  /**
   * Pins main already approved for this draft without seeing them in this session: a group's (issue
   * 17), taken from an account that was tested with them. Never set from the renderer's input.
   */
  approvedPins?: readonly CertificatePin[] | undefined
}

/** A draft to save: both servers, the name, and (optionally) the test that proved it. */
export interface SaveDraft extends SetupDraft {
  displayName?: string | undefined
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  testId?: string | undefined
  /** The group the account goes into (shared/group.ts); unset keeps what the saved account had. */
  groupId?: string | null | undefined
  /** Reply-To of messages sent as the address (its sender name is `displayName`). */
  replyTo?: string | null | undefined
}

interface DraftLogins {
  incoming: LoginSource
  outgoing: LoginSource
  saved: boolean
  /** Who sending signs in as when it is not the incoming login (null: the same login). */
  outgoingUsername: string | null
  /** A sending secret to store on save: typed now, or the incoming one copied for a new split login. */
  outgoingSecret?: string
  office: OfficeOptions
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
    return this.persist(draft, logins, verifiedAt)
  }

  /**
   * "Validate and save": tests both servers (and, when asked, sends one message from the address to
   * itself and reads it back over IMAP); only then is the account saved, as verified. Otherwise nothing
   * is saved and the result says why.
   */
  async validateAndSave(
    draft: SaveDraft & { testId: string; validationMessage: boolean; timeoutMs?: number | undefined },
    emit: (e: StageEvent) => void,
  ): Promise<ValidateResult> {
    const { deps } = this
    const logins = await this.logins(draft)
    const report = await deps.tester.run(draft.testId, { ...request(draft, logins), timeoutMs: draft.timeoutMs }, emit)
    if (!worksWithFallback(report))
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
          replyTo: draft.replyTo ?? null,
          to: draft.email,
          providerId: this.providerId(draft),
          savedSecret: logins.saved,
          connection: { ...deps.connection, timeouts: DEFAULT_TIMEOUTS },
          office: logins.office,
          smtpFallbacks: draft.outgoingFallbacks ?? [],
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
    const account = await this.persist(draft, logins, (deps.now?.() ?? new Date()).toISOString())
    return { saved: true, report, ...(trip ? { roundTrip: trip } : {}), account }
  }

  /**
   * Saves through the one saving path. A sign-in (`grantId`) moves from memory to the keychain only
   * now, and its access token to the saved accounts' cache, so the next test needs no refresh.
   */
  private async persist(draft: SaveDraft, logins: DraftLogins, verifiedAt: string | null): Promise<AccountView> {
    const grant = draft.grantId ? this.deps.pending.get(draft.grantId, draft.email) : undefined
    const saved = await this.deps.accounts.save({
      connection: logins.office.settings,
      ...(draft.proxyPassword !== undefined ? { proxyPassword: draft.proxyPassword } : {}),
      ...(draft.outgoingFallbacks ? { outgoingFallbacks: draft.outgoingFallbacks } : {}),
      ...(draft.replyTo !== undefined ? { replyTo: draft.replyTo } : {}),
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
        : { outgoingUsername: logins.outgoingUsername, outgoingPassword: logins.outgoingSecret }),
      verifiedAt,
      groupId: draft.groupId,
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
   * The draft's office options (issue 16): the proxy's password typed now or kept for the proxy it was
   * saved for, office CAs checked, new pins only for certificates Mailkey saw.
   */
  private async office(draft: SetupDraft, account: Account | undefined): Promise<OfficeOptions> {
    const settings = withCheckedCas(draft.connection ?? account?.connection ?? DIRECT_CONNECTION)
    checkNewPins(settings, account, this.deps.tester, draft.approvedPins)
    return draftOffice(settings, draft.proxyPassword, account, this.deps.credentials)
  }

  /**
   * The draft's logins: a sign-in just finished (its token on both sides), else incoming: the typed
   * password, or (editing, none typed) the saved one, and a saved one only for the exact servers it
   * was saved for (PASSWORD_REQUIRED otherwise). Outgoing: the same login, unless sending signs in as
   * someone else; then its own password typed now, else the account's own saved one (for its saved
   * server only), else the incoming password (one password, two user names). Every secret passes the
   * trust gate first. And the draft's office options.
   */
  private async logins(draft: SetupDraft & { providerId?: ProviderId | null }): Promise<DraftLogins> {
    this.deps.beforeSecretSent?.(draft.email, [draft.incoming?.host, draft.outgoing?.host])
    const account = draft.accountId !== undefined ? this.deps.accounts.get(draft.accountId) : undefined
    const office = await this.office(draft, account)
    if (draft.grantId !== undefined) {
      const login = this.deps.pending.login(draft.grantId, draft.email)
      return { incoming: login, outgoing: login, saved: false, outgoingUsername: null, office }
    }
    const username = draft.username ?? draft.email
    let incoming: PasswordLogin
    if (draft.password !== undefined || account === undefined) {
      incoming = { username, password: this.pasted(draft, draft.password ?? '') }
    } else {
      assertSavedSecretFits(account, draft)
      const saved = await this.deps.credentials.logins(account)
      // an OAuth account signs both servers in with its token
      if (!('password' in saved.incoming)) return { ...saved, saved: true, outgoingUsername: null, office }
      incoming = { username, password: saved.incoming.password }
    }
    const typed = draft.password !== undefined || account === undefined
    const outgoingUsername =
      draft.outgoingUsername === undefined ? (account?.outgoingUsername ?? null) : draft.outgoingUsername
    if (outgoingUsername === null) return { incoming, outgoing: incoming, saved: !typed, outgoingUsername, office }
    if (draft.outgoingPassword !== undefined) {
      const password = this.pasted(draft, draft.outgoingPassword)
      const outgoing = { username: outgoingUsername, password }
      return { incoming, outgoing, saved: !typed, outgoingUsername, outgoingSecret: password, office }
    }
    const keepsServer = account && draft.outgoing && sameServer(account.outgoing, draft.outgoing)
    const own =
      account?.outgoingUsername != null && keepsServer ? await this.deps.credentials.outgoingLogin(account) : null
    if (own)
      return { incoming, outgoing: { ...own, username: outgoingUsername }, saved: !typed, outgoingUsername, office }
    const outgoing = { username: outgoingUsername, password: incoming.password }
    return { incoming, outgoing, saved: !typed, outgoingUsername, outgoingSecret: incoming.password, office }
  }
}

function request(draft: SetupDraft, logins: DraftLogins): TestRequest {
  return {
    email: draft.email,
    ...(draft.incoming ? { incoming: { server: draft.incoming, login: logins.incoming } } : {}),
    ...(draft.outgoing ? { outgoing: { server: draft.outgoing, login: logins.outgoing } } : {}),
    ...(draft.outgoingFallbacks?.length
      ? { outgoingFallbacks: draft.outgoingFallbacks.map((server) => ({ server, login: logins.outgoing })) }
      : {}),
    savedSecret: logins.saved,
    office: logins.office,
  }
}
