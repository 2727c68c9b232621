import type { Account, AccountView } from '../../shared/account.js'
import type { IncomingFilter } from '../../shared/filters/filter.js'
import { judge } from '../../shared/filters/match.js'
import { pastePlace } from '../../shared/filters/paste-place.js'
import type { FilterPreview, FilterScript, FilterUpload } from '../../shared/filters/results.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import { sieveScript } from '../export/sieve-script.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import { diagnoseFailure } from '../mail/diagnose-failure.js'
import { authKind, resolveLogin, type LoginSource } from '../mail/login.js'
import { uploadSieveScript } from '../mail/managesieve/upload-script.js'
import { factsFrom, ProbeCancelled } from '../mail/probe-failure.js'
import { Redactor } from '../mail/redact.js'
import type { TlsTrust } from '../mail/protocol-options.js'
import { recentMessages } from '../mail/recent-messages.js'
import { timeoutsFrom } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'

/** How many of the newest messages a preview reads (issue 17). */
export const PREVIEW_COUNT = 50
/** ManageSieve's port (RFC 5804 §1.8, IANA "sieve"). */
export const MANAGESIEVE_PORT = 4190
/** The name the script is stored under on the server; uploading again replaces it. */
export const SCRIPT_NAME = 'mailkey'

export interface FilterDeps {
  accounts: AccountsService
  credentials: Credentials
  tester: ConnectionTester
  trust: TlsTrust
}

/**
 * An account's incoming filter: kept in settings, previewed against the real inbox, turned into a
 * Sieve script, and uploaded where the server offers ManageSieve. Previews and uploads run under a
 * test id, so the usual cancel stops them.
 */
export class FilterService {
  constructor(private readonly deps: FilterDeps) {}

  /** Saves (or, with null, removes) the account's filter; entries are checked by the IPC contract. */
  async set(accountId: string, filter: IncomingFilter | null): Promise<AccountView> {
    const account = this.deps.accounts.get(accountId)
    const updated: Account = { ...account, filter }
    this.deps.accounts.update(updated)
    return this.deps.accounts.view(updated)
  }

  /**
   * The newest 50 messages of INBOX, each judged by `filter` (the saved one when unset). Reading
   * fails as a diagnosis (the same causes as a test), never as an exception; POP3 accounts cannot be
   * previewed (INVALID_INPUT).
   */
  async preview(
    accountId: string,
    testId: string,
    filter?: IncomingFilter,
    timeoutMs?: number,
  ): Promise<FilterPreview> {
    const account = this.deps.accounts.get(accountId)
    const judged = filter ?? account.filter
    if (!judged)
      throw new AppError(
        'INVALID_INPUT',
        'This account has no filter yet. Add an address, a domain or a keyword first.',
      )
    if (account.incoming.protocol !== 'imap') {
      throw new AppError('INVALID_INPUT', 'The preview reads the inbox over IMAP, and this account uses POP3.')
    }
    const source = await this.incomingLogin(account)
    const connection = { trust: this.deps.trust, timeouts: timeoutsFrom(timeoutMs) }
    return this.deps.tester.guard(testId, async (signal) => {
      const redactor = new Redactor([source])
      try {
        // an OAuth account's access token is fetched (or refreshed) here, as part of the preview
        const login = await resolveLogin(source, signal)
        redactor.protect(login)
        const inbox = await recentMessages(account.incoming, login, { connection, limit: PREVIEW_COUNT, signal })
        return { ok: true, total: inbox.total, messages: inbox.messages.map((m) => ({ ...m, ...judge(judged, m) })) }
      } catch (e) {
        if (e instanceof ProbeCancelled) throw e
        const diagnosis = diagnoseFailure(factsFrom(e), {
          protocol: 'imap',
          server: account.incoming,
          providerId: account.providerId,
          savedSecret: true,
          redactor,
          auth: authKind(source),
        })
        return { ok: false, diagnosis }
      }
    })
  }

  /** The saved filter (or `filter`) as a Sieve script; INVALID_INPUT when it has no entries. */
  script(accountId: string, filter?: IncomingFilter): FilterScript {
    const account = this.deps.accounts.get(accountId)
    const used = filter ?? account.filter
    if (!used)
      throw new AppError(
        'INVALID_INPUT',
        'This account has no filter yet. Add an address, a domain or a keyword first.',
      )
    const local =
      account.email
        .split('@')[0]
        ?.replace(/[^A-Za-z0-9._-]/g, '_')
        .slice(0, 40) || 'account'
    return {
      script: sieveScript(used, account),
      fileName: `mailkey-${local}.sieve`,
      pasteAt: pastePlace(account.providerId),
    }
  }

  /**
   * Uploads the saved filter's script over ManageSieve and makes it the active script. `shownScript`
   * is the script the user was shown: if the saved filter no longer makes exactly that script, nothing
   * is sent (INVALID_INPUT), so what runs on the server is what was shown. The server is the incoming
   * host on port 4190 unless given; another port may be given, but no host other than the account's
   * own incoming or outgoing one (INVALID_INPUT): the saved password never goes anywhere else.
   * Failures come back with where to paste the script instead.
   */
  async upload(
    accountId: string,
    testId: string,
    shownScript: string,
    server?: { host?: string | undefined; port?: number | undefined },
    timeoutMs?: number,
  ): Promise<FilterUpload> {
    const account = this.deps.accounts.get(accountId)
    const { script, pasteAt } = this.script(accountId)
    if (script !== shownScript) {
      throw new AppError(
        'INVALID_INPUT',
        'The filter changed since its script was shown. Look at the script again before uploading.',
      )
    }
    const target = { host: server?.host ?? account.incoming.host, port: server?.port ?? MANAGESIEVE_PORT }
    // the saved password goes only to the servers it was saved for (DESIGN.md, Credentials)
    const own = [account.incoming.host, account.outgoing.host].map((h) => h.toLowerCase().replace(/\.$/, ''))
    if (!own.includes(target.host.toLowerCase().replace(/\.$/, ''))) {
      throw new AppError(
        'INVALID_INPUT',
        `Mailkey sends the saved password only to this account's own servers (${account.incoming.host}); ${target.host.slice(0, 100)} is not one of them.`,
      )
    }
    const source = await this.incomingLogin(account)
    const connection = { trust: this.deps.trust, timeouts: timeoutsFrom(timeoutMs) }
    const outcome = await this.deps.tester.guard(testId, async (signal) =>
      uploadSieveScript(
        target,
        await resolveLogin(source, signal),
        { name: SCRIPT_NAME, text: script },
        {
          connection,
          signal,
        },
      ),
    )
    if (outcome.ok) {
      return {
        uploaded: true,
        scriptName: SCRIPT_NAME,
        server: target,
        implementation: outcome.implementation,
        ...(outcome.warnings ? { warnings: outcome.warnings } : {}),
      }
    }
    return {
      uploaded: false,
      reason: outcome.reason,
      message: outcome.message,
      ...(outcome.serverText ? { serverText: outcome.serverText } : {}),
      server: target,
      pasteAt,
    }
  }

  /** The saved incoming login: a password, or an OAuth sign-in whose token is fetched when used. */
  private async incomingLogin(account: Account): Promise<LoginSource> {
    const login = await this.deps.credentials.incomingLogin(account)
    if (!login) throw new AppError('NOT_FOUND', 'The saved password is missing from the keychain. Enter it again.')
    return login
  }
}
