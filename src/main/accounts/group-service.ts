import { randomBytes } from 'node:crypto'
import type { Account } from '../../shared/account.js'
import { DIRECT_CONNECTION, isDirect } from '../../shared/connection-defaults.js'
import { GROUP_LIMITS, groupLogin, type Group, type GroupDefaults, type GroupView } from '../../shared/group.js'
import type { ValidateResult } from '../../shared/ipc/contract.js'
import type { StageEvent } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import type { AccountsService } from './accounts-service.js'
import type { GroupsRepository } from './groups-repository.js'
import type { AccountSetup } from './setup-service.js'

/**
 * A new group: its defaults given (with the password of their proxy, when it names a user), or taken
 * from a saved account: its servers, login rule and office connection options, proxy password included.
 */
export type NewGroup = { name: string } & (
  { defaults: GroupDefaults; proxyPassword?: string | undefined } | { fromAccountId: string }
)

/** A mailbox to add to a group: the two fields, and the test id its live progress goes under. */
export interface NewMember {
  email: string
  password: string
  testId: string
  displayName?: string | undefined
  timeoutMs?: number | undefined
}

export interface GroupServiceDeps {
  groups: GroupsRepository
  accounts: AccountsService
  /** The group's proxy password lives in the keychain under the group's id (`<groupId>:proxy`). */
  credentials: Pick<Credentials, 'proxyPassword' | 'storeProxy' | 'deleteProxy'>
  setup: Pick<AccountSetup, 'validateAndSave'>
  now?: () => Date
}

const key = (name: string): string => name.trim().toLowerCase()

/** The login rule an existing account follows: its whole address, or the part before the @. */
function loginOf(account: Account): GroupDefaults['login'] {
  const local = account.email.slice(0, account.email.lastIndexOf('@'))
  return account.username.toLowerCase() === local.toLowerCase() && local !== '' ? 'local-part' : 'address'
}

/**
 * Groups of accounts (an office, a client; issue 17 part B): a name, the servers and office connection
 * options (proxy, lowest TLS, trusted certificates) the mailboxes share, and each mailbox's own login.
 * Adding a mailbox takes only its address and password: the rest comes from the group, and the mailbox
 * is saved only once both servers accepted it, through the wizard's own validate-and-save (the same
 * pasted-secret normaliser and host trust gate), so a refused password saves nothing and the report
 * says why. Removing a group keeps its accounts, ungrouped.
 */
export class GroupService {
  constructor(private readonly deps: GroupServiceDeps) {}

  /** Every group, by name, with its members in the accounts' order. */
  list(): GroupView[] {
    const accounts = this.deps.accounts.listSaved()
    return [...this.deps.groups.list()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((g) => ({
        ...g,
        members: accounts
          .filter((a) => a.groupId === g.id)
          .map((a) => ({ id: a.id, email: a.email, lastVerifiedAt: a.lastVerifiedAt, stale: a.stale !== null })),
      }))
  }

  /** The group named `name` (case-blind, spaces around ignored), or undefined. */
  findByName(name: string): Group | undefined {
    return this.deps.groups.list().find((g) => key(g.name) === key(name))
  }

  /** The group, or NOT_FOUND. */
  get(id: string): Group {
    const group = this.deps.groups.get(id)
    if (!group) throw new AppError('NOT_FOUND', 'That group no longer exists.')
    return group
  }

  /**
   * Creates a group; INVALID_INPUT for an empty, too long or taken name, past GROUP_LIMITS.count, or a
   * proxy that names a user without its password (given, or in the keychain for the account it is
   * taken from). The proxy password is copied to the group's own keychain entry before the group is
   * saved, so a group never exists without the secret its mailboxes need.
   */
  async create(input: NewGroup): Promise<Group> {
    const name = this.checkName(input.name)
    if (this.deps.groups.list().length >= GROUP_LIMITS.count)
      throw new AppError('INVALID_INPUT', `Mailkey keeps at most ${GROUP_LIMITS.count} groups. Remove one first.`)
    let defaults: GroupDefaults
    let proxyPassword: string | null | undefined
    if ('fromAccountId' in input) {
      const account = this.deps.accounts.get(input.fromAccountId)
      defaults = { incoming: account.incoming, outgoing: account.outgoing, login: loginOf(account) }
      if (!isDirect(account.connection)) defaults.connection = account.connection
      proxyPassword = await this.deps.credentials.proxyPassword(account)
      if (account.connection.proxy?.username && proxyPassword === null)
        throw new AppError(
          'INVALID_INPUT',
          `The password of ${account.email}'s proxy is missing from the keychain: enter it on that account first.`,
        )
    } else {
      defaults = input.defaults
      proxyPassword = input.proxyPassword
      if (defaults.connection?.proxy?.username && !proxyPassword)
        throw new AppError('INVALID_INPUT', 'Enter the proxy’s password: the group’s mailboxes connect through it.')
    }
    const group: Group = {
      id: randomBytes(9).toString('base64url'),
      name,
      defaults,
      createdAt: (this.deps.now?.() ?? new Date()).toISOString(),
    }
    if (defaults.connection?.proxy?.username && proxyPassword)
      await this.deps.credentials.storeProxy(group.id, proxyPassword)
    this.deps.groups.put(group)
    return group
  }

  rename(id: string, name: string): Group {
    const group = this.get(id)
    const renamed = { ...group, name: this.checkName(name, id) }
    this.deps.groups.put(renamed)
    return renamed
  }

  /**
   * Removes the group and its proxy password; its accounts stay, ungrouped, with their own copies of
   * the servers, options and secrets. Answers how many accounts it had.
   */
  async remove(id: string): Promise<{ removed: boolean; ungrouped: number }> {
    const members = this.deps.accounts.listSaved().filter((a) => a.groupId === id)
    for (const a of members) this.deps.accounts.update({ ...a, groupId: null })
    // only a group whose proxy names a user has an entry: the others need no keychain to go
    if (this.deps.groups.get(id)?.defaults.connection?.proxy?.username) await this.deps.credentials.deleteProxy(id)
    return { removed: this.deps.groups.remove(id), ungrouped: members.length }
  }

  /** Puts a saved account into a group (or, with null, out of any); its servers stay its own. */
  assign(accountId: string, groupId: string | null): Account {
    const account = this.deps.accounts.get(accountId)
    if (groupId !== null) this.get(groupId)
    const moved = { ...account, groupId }
    this.deps.accounts.update(moved)
    return moved
  }

  /**
   * Adds a mailbox in two fields: servers, login rule and connection options (the proxy with its
   * password from the group's keychain entry, lowest TLS, trusted certificates, office CAs) from the
   * group, then both servers tested with the password (live, under `testId`), and saved into the group
   * only when both accepted it. A refused password saves nothing: the result's report carries the
   * diagnosis. An address already saved is an input error (adding must never replace another
   * account's servers); so is a group proxy whose password is gone from the keychain.
   */
  async addMailbox(groupId: string, member: NewMember, emit: (e: StageEvent) => void): Promise<ValidateResult> {
    const group = this.get(groupId)
    const email = member.email.trim()
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new AppError('INVALID_INPUT', 'Enter the mailbox address (name@domain).')
    if (member.password === '') throw new AppError('INVALID_INPUT', 'Enter the password.')
    if (this.deps.accounts.findByEmail(email))
      throw new AppError(
        'INVALID_INPUT',
        `${email} is already saved in Mailkey. Move that account into the group instead.`,
      )
    const connection = group.defaults.connection ?? DIRECT_CONNECTION
    const proxyPassword = await this.deps.credentials.proxyPassword({ id: group.id, connection })
    if (connection.proxy?.username && proxyPassword === null)
      throw new AppError(
        'INVALID_INPUT',
        `The password of ${group.name}'s proxy is missing from the keychain. Remove the group and create it again from an account that connects through that proxy.`,
      )
    return this.deps.setup.validateAndSave(
      {
        email,
        username: groupLogin(group.defaults, email),
        password: member.password,
        displayName: member.displayName,
        providerId: null,
        incoming: group.defaults.incoming,
        outgoing: group.defaults.outgoing,
        outgoingUsername: null,
        connection,
        ...(proxyPassword !== null ? { proxyPassword } : {}),
        // the group's pins came from a tested account (or the user's own flags): no need to see them again
        approvedPins: connection.pins,
        testId: member.testId,
        validationMessage: false,
        groupId: group.id,
        ...(member.timeoutMs ? { timeoutMs: member.timeoutMs } : {}),
      },
      emit,
    )
  }

  private checkName(raw: string, except?: string): string {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name === '') throw new AppError('INVALID_INPUT', 'Give the group a name.')
    if (name.length > GROUP_LIMITS.name)
      throw new AppError('INVALID_INPUT', `A group name has at most ${GROUP_LIMITS.name} characters.`)
    const taken = this.findByName(name)
    if (taken && taken.id !== except)
      throw new AppError('INVALID_INPUT', `There is already a group named "${taken.name}".`)
    return name
  }
}
