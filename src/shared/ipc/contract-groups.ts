import { z } from 'zod'
import type { AccountView } from '../account.js'
import { GROUP_LIMITS, type Group, type GroupView } from '../group.js'
import { EmailSchema, IncomingServerSchema, PasswordSchema, ServerSchema } from '../mail.js'
import type { TestReport } from '../report.js'

/**
 * The IPC inputs and outputs of groups of accounts (issue 17 part B), kept beside the main contract
 * (contract.ts includes them in INPUTS and Outputs). Adding a mailbox answers as validate-and-save
 * does (ValidateResult), with the live stages on the test's progress events.
 */

const Id = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} is 1-64 letters, digits, - or _.`)
const GroupId = Id('A group id')
const AccountId = Id('An account id')
const TestId = Id('A test id')

const GroupName = z
  .string()
  .trim()
  .min(1, 'Give the group a name.')
  .max(GROUP_LIMITS.name, `A group name has at most ${GROUP_LIMITS.name} characters.`)

const GroupDefaultsSchema = z.strictObject({
  incoming: IncomingServerSchema,
  outgoing: ServerSchema,
  login: z.enum(['address', 'local-part']).optional(),
})

export const GROUP_INPUTS = {
  /** Every group, with its members. */
  listGroups: z.undefined(),
  /** A group with the given servers, or a saved account's (its servers and login rule). */
  createGroup: z.union([
    z.strictObject({ name: GroupName, fromAccountId: AccountId }),
    z
      .strictObject({ name: GroupName, defaults: GroupDefaultsSchema, allowPlaintext: z.literal(true).optional() })
      .refine(
        (v) =>
          (v.defaults.incoming.security !== 'none' && v.defaults.outgoing.security !== 'none') ||
          v.allowPlaintext === true,
        'Unencrypted connections need an explicit opt-in (allowPlaintext).',
      ),
  ]),
  renameGroup: z.strictObject({ id: GroupId, name: GroupName }),
  /** Removes the group; its accounts stay, ungrouped. */
  removeGroup: z.strictObject({ id: GroupId }),
  /** Moves a saved account into a group, or (null) out of any. */
  assignGroup: z.strictObject({ accountId: AccountId, groupId: GroupId.nullable() }),
  /** The two fields: tested with the group's servers, saved only if both accept the password. */
  addToGroup: z.strictObject({
    groupId: GroupId,
    testId: TestId,
    email: EmailSchema,
    password: PasswordSchema,
    displayName: z.string().max(200).optional(),
  }),
} as const

export interface GroupOutputs {
  listGroups: { groups: GroupView[] }
  createGroup: Group
  renameGroup: Group
  removeGroup: { removed: boolean; ungrouped: number }
  assignGroup: { accountId: string; groupId: string | null }
  addToGroup: {
    saved: boolean
    report: TestReport
    account?: AccountView
    reason?: string
  }
}
