import { randomBytes } from 'node:crypto'
import type { Account, AccountView, Alias, AliasCheckRecord } from '../../shared/account.js'
import { appPasswordProvider, normalizePastedSecret } from '../../shared/app-password.js'
import type { AliasCheckResult } from '../../shared/ipc/contract.js'
import type { Server } from '../../shared/mail.js'
import type { ProbeReport, StageEvent } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { TlsTrust } from '../mail/protocol-options.js'
import { ROUND_TRIP_LIMIT_MS, roundTrip, type RoundTripReport } from '../mail/round-trip.js'
import { DEFAULT_TIMEOUTS } from '../mail/timeouts.js'
import type { AccountsService } from './accounts-service.js'
import { assertAliasServerFits } from './secret-binding.js'
import { officeOf } from './office-options.js'

export interface NewAlias {
  name: string
  address: string
  replyTo?: string | undefined
  treatAsAlias?: boolean | undefined
  /** Its own SMTP server and login (another provider, or a relay); unset: the account's. */
  smtp?: Server | undefined
  smtpUsername?: string | undefined
  password?: string | undefined
}

/**
 * Send-as identities of an account: add, remove, choose the default, check. The check proves, level
 * by level, what no mail client checks: that the server takes the alias as sender, and (opt-in) that a
 * message from it arrives with its From intact (Gmail silently rewrites it otherwise).
 */
export class AliasService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly credentials: Credentials,
    private readonly tester: ConnectionTester,
    private readonly trust: TlsTrust,
    private readonly now: () => Date = () => new Date(),
    private readonly roundTripLimitMs: number = ROUND_TRIP_LIMIT_MS,
  ) {}

  private alias(account: Account, aliasId: string): Alias {
    const alias = account.aliases.find((a) => a.id === aliasId)
    if (!alias) throw new AppError('NOT_FOUND', 'That alias no longer exists.')
    return alias
  }

  private async save(account: Account): Promise<AccountView> {
    this.accounts.update(account)
    return this.accounts.view(account)
  }

  async add(accountId: string, input: NewAlias): Promise<AccountView> {
    const account = this.accounts.get(accountId)
    const address = input.address.toLowerCase()
    if (address === account.email.toLowerCase() || account.aliases.some((a) => a.address.toLowerCase() === address)) {
      throw new AppError('INVALID_INPUT', `${input.address} is already an address of this account.`)
    }
    const ownLogin = input.smtp !== undefined && input.smtpUsername !== undefined
    if (ownLogin && input.password === undefined)
      throw new AppError('INVALID_INPUT', 'Enter the password for the alias’s own server.')
    // without a login of its own, an alias's server must be the account's: the saved secret goes nowhere else
    if (!ownLogin) assertAliasServerFits(account, { smtp: input.smtp ?? null, smtpUsername: null })
    const alias: Alias = {
      id: randomBytes(6).toString('base64url'),
      name: input.name,
      address: input.address,
      replyTo: input.replyTo ?? null,
      treatAsAlias: input.treatAsAlias ?? true,
      smtp: input.smtp ?? null,
      smtpUsername: ownLogin ? (input.smtpUsername ?? null) : null,
      isDefault: false,
      lastCheck: null,
    }
    if (ownLogin && input.password !== undefined) {
      // the alias's own server names whose app password this is (smtp.gmail.com: a Google one)
      const provider = appPasswordProvider({ hosts: input.smtp ? [input.smtp.host] : [] })
      await this.credentials.storeAlias(account.id, alias.id, normalizePastedSecret(input.password, provider))
    }
    return this.save({ ...account, aliases: [...account.aliases, alias] })
  }

  async remove(accountId: string, aliasId: string): Promise<AccountView> {
    const account = this.accounts.get(accountId)
    const alias = this.alias(account, aliasId)
    if (alias.smtpUsername !== null) await this.credentials.deleteAlias(account.id, alias.id)
    return this.save({ ...account, aliases: account.aliases.filter((a) => a.id !== aliasId) })
  }

  /** Makes one alias the default From (or none: `aliasId` null means the account's own address). */
  setDefault(accountId: string, aliasId: string | null): Promise<AccountView> {
    const account = this.accounts.get(accountId)
    if (aliasId !== null) this.alias(account, aliasId)
    return this.save({ ...account, aliases: account.aliases.map((a) => ({ ...a, isDefault: a.id === aliasId })) })
  }

  async check(
    accountId: string,
    aliasId: string,
    testId: string,
    withRoundTrip: boolean,
    emit: (e: StageEvent) => void,
  ): Promise<AliasCheckResult> {
    const account = this.accounts.get(accountId)
    const alias = this.alias(account, aliasId)
    assertAliasServerFits(account, alias)
    const login = await this.credentials.requireAliasLogin(account, alias)
    const smtp = alias.smtp ?? account.outgoing
    const office = await officeOf(account, this.credentials)
    const sender = await this.tester.run(
      testId,
      {
        email: account.email,
        outgoing: { server: smtp, login, senderCheck: { from: alias.address, to: account.email } },
        savedSecret: true,
        office,
      },
      emit,
    )
    const senderReport = sender.outgoing as ProbeReport
    let trip: RoundTripReport | undefined
    if (withRoundTrip && senderReport.ok) {
      const imapLogin = await this.credentials.incomingLogin(account)
      if (!imapLogin)
        throw new AppError('NOT_FOUND', 'The saved password for this account is missing from the keychain.')
      trip = await this.tester.guard(testId, (signal) =>
        roundTrip({
          signal,
          smtp,
          smtpLogin: login,
          imap: account.incoming,
          imapLogin,
          from: { name: alias.name, address: alias.address },
          replyTo: alias.replyTo,
          to: account.email,
          providerId: account.providerId,
          savedSecret: true,
          connection: { trust: this.trust, timeouts: DEFAULT_TIMEOUTS },
          office,
          limitMs: this.roundTripLimitMs,
        }),
      )
    }
    const lastCheck: AliasCheckRecord = {
      at: this.now().toISOString(),
      sender: senderReport.ok
        ? { ok: true, title: `${smtp.host} accepts ${alias.address} as sender` }
        : {
            ok: false,
            title: senderReport.title ?? 'The sender check failed',
            ...(senderReport.cause ? { cause: senderReport.cause } : {}),
          },
      ...(trip
        ? {
            roundTrip: {
              ok: trip.outcome === 'arrived',
              title: trip.title,
              ...(trip.cause ? { cause: trip.cause } : {}),
              ...(trip.outcome === 'rewritten' ? { rewritten: true } : {}),
            },
          }
        : {}),
    }
    const updated = { ...account, aliases: account.aliases.map((a) => (a.id === alias.id ? { ...a, lastCheck } : a)) }
    return { sender: senderReport, ...(trip ? { roundTrip: trip } : {}), account: await this.save(updated) }
  }
}
