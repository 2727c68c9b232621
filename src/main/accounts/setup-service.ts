import type { Account, AccountView } from '../../shared/account.js'
import { DIRECT_CONNECTION, type ConnectionSettings } from '../../shared/connection.js'
import type { ValidateResult } from '../../shared/ipc/contract.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import { worksWithFallback, type RoundTripReport, type StageEvent, type TestReport } from '../../shared/report.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { Login } from '../mail/login.js'
import type { ConnectionOptions } from '../mail/protocol-options.js'
import { roundTrip } from '../mail/round-trip.js'
import type { OfficeOptions } from '../mail/server-connection.js'
import type { TestRequest } from '../mail/test-request.js'
import { DEFAULT_TIMEOUTS } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'
import { checkNewPins, draftOffice, withCheckedCas } from './office-options.js'

/**
 * A configuration being set up in the wizard (or edited): the servers, and the secret as a password
 * typed now or, when editing, the saved account's (`accountId`) — never both.
 */
export interface SetupDraft {
  email: string
  username?: string | undefined
  password?: string | undefined
  accountId?: string | undefined
  incoming?: IncomingServer | undefined
  outgoing?: Server | undefined
  /** Office connection options; unset: a direct connection (or, editing, the saved ones). */
  connection?: ConnectionSettings | undefined
  /** The proxy's password typed now; unset: the saved one, for the proxy it was saved for. */
  proxyPassword?: string | undefined
  /** Outgoing servers to fall back to, in order (tested too). */
  outgoingFallbacks?: Server[] | undefined
}

/** A draft to save: both servers, the name, and (optionally) the test that proved it. */
export interface SaveDraft extends SetupDraft {
  displayName?: string | undefined
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  testId?: string | undefined
  /** Reply-To of messages sent as the address (its sender name is `displayName`). */
  replyTo?: string | null | undefined
}

interface DraftLogins {
  incoming: Login
  outgoing: Login
  saved: boolean
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
    return this.persist(draft, verifiedAt, logins)
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
    const account = await this.persist(draft, (deps.now?.() ?? new Date()).toISOString(), logins)
    return { saved: true, report, ...(trip ? { roundTrip: trip } : {}), account }
  }

  private persist(draft: SaveDraft, verifiedAt: string | null, logins: DraftLogins): Promise<AccountView> {
    return this.deps.accounts.save({
      connection: logins.office.settings,
      ...(draft.proxyPassword !== undefined ? { proxyPassword: draft.proxyPassword } : {}),
      ...(draft.outgoingFallbacks ? { outgoingFallbacks: draft.outgoingFallbacks } : {}),
      ...(draft.replyTo !== undefined ? { replyTo: draft.replyTo } : {}),
      accountId: draft.accountId,
      email: draft.email,
      displayName: draft.displayName,
      username: draft.username,
      providerId: this.providerId(draft),
      incoming: draft.incoming,
      outgoing: draft.outgoing,
      password: draft.password,
      verifiedAt,
    })
  }

  private providerId(draft: SaveDraft): ProviderId | null {
    return draft.providerId ?? this.deps.providerOf(draft.email)
  }

  /**
   * The draft's logins: the typed password on both sides, or the saved account's logins; and its
   * office options, with the proxy's password typed now or kept for the proxy it was saved for.
   */
  private async logins(draft: SetupDraft): Promise<DraftLogins> {
    const { deps } = this
    const username = draft.username ?? draft.email
    const account: Account | undefined = draft.accountId !== undefined ? deps.accounts.get(draft.accountId) : undefined
    const settings = withCheckedCas(draft.connection ?? account?.connection ?? DIRECT_CONNECTION)
    checkNewPins(settings, account, deps.tester)
    const office = await draftOffice(settings, draft.proxyPassword, account, deps.credentials)
    if (draft.password !== undefined || !account) {
      const login = { username, password: draft.password ?? '' }
      return { incoming: login, outgoing: login, saved: false, office }
    }
    const saved = await deps.credentials.logins(account)
    const incoming = { username, password: saved.incoming.password }
    return { incoming, outgoing: account.outgoingUsername !== null ? saved.outgoing : incoming, saved: true, office }
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
