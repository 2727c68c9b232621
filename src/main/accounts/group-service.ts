import { randomBytes } from 'node:crypto'
import type { Account } from '../../shared/account.js'
import { GROUP_LIMITS, groupLogin, type Group, type GroupDefaults, type GroupView } from '../../shared/group.js'
import type { ValidateResult } from '../../shared/ipc/contract.js'
import type { StageEvent } from '../../shared/report.js'
import { AppError } from '../app-error.js'
import type { AccountsService } from './accounts-service.js'
import type { GroupsRepository } from './groups-repository.js'
import type { AccountSetup } from './setup-service.js'

/** A new group: its defaults given, or taken from a saved account's servers and login. */
export type NewGroup = { name: string } & ({ defaults: GroupDefaults } | { fromAccountId: string })

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
 * Groups of accounts (an office, a client; issue 17 part B): a name, the servers the mailboxes share,
 * and each mailbox's own login. Adding a mailbox takes only its address and password: the rest comes
 * from the group, and the mailbox is saved only once both servers accepted it, through the wizard's
 * own validate-and-save (the same pasted-secret normaliser and host trust gate), so a refused password
 * saves nothing and the report says why. Removing a group keeps its accounts, ungrouped.
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

  /** Creates a group; INVALID_INPUT for an empty, too long or taken name, or past GROUP_LIMITS.count. */
  create(input: NewGroup): Group {
    const name = this.checkName(input.name)
    if (this.deps.groups.list().length >= GROUP_LIMITS.count)
      throw new AppError('INVALID_INPUT', `Mailkey keeps at most ${GROUP_LIMITS.count} groups. Remove one first.`)
    let defaults: GroupDefaults
    if ('fromAccountId' in input) {
      const account = this.deps.accounts.get(input.fromAccountId)
      defaults = { incoming: account.incoming, outgoing: account.outgoing, login: loginOf(account) }
    } else {
      defaults = input.defaults
    }
    const group: Group = {
      id: randomBytes(9).toString('base64url'),
      name,
      defaults,
      createdAt: (this.deps.now?.() ?? new Date()).toISOString(),
    }
    this.deps.groups.put(group)
    return group
  }

  rename(id: string, name: string): Group {
    const group = this.get(id)
    const renamed = { ...group, name: this.checkName(name, id) }
    this.deps.groups.put(renamed)
    return renamed
  }

  /** Removes the group; its accounts stay, ungrouped. Answers how many accounts it had. */
  remove(id: string): { removed: boolean; ungrouped: number } {
    const members = this.deps.accounts.listSaved().filter((a) => a.groupId === id)
    for (const a of members) this.deps.accounts.update({ ...a, groupId: null })
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
   * Adds a mailbox in two fields: servers and login rule from the group, then both servers tested with
   * the password (live, under `testId`), and saved into the group only when both accepted it. A refused
   * password saves nothing: the result's report carries the diagnosis. An address already saved is an
   * input error (adding must never replace another account's servers).
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
