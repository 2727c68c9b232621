import type { AccountView } from '../../../shared/account.js'
import { appPasswordProvider, normalizePastedSecret } from '../../../shared/app-password.js'
import type { InputOf } from '../../../shared/ipc/contract.js'
import { EmailSchema, PasswordSchema, UsernameSchema } from '../../../shared/mail.js'
import { assertNever } from '../../../shared/result.js'
import { parseServer, withPort, withSecurity, type EditableSecurity, type ServerDraft } from '../lib/server-draft.js'

/** The "Add address" form as typed; the port stays text, as in the wizard's editor. */
export interface AliasDraft {
  name: string
  address: string
  replyTo: string
  treatAsAlias: boolean
  /** "Send through a different server" is open: its fields are part of the alias. */
  ownServer: boolean
  smtp: ServerDraft
  username: string
  password: string
}

/** Relays and other providers mostly take submissions on 587 with STARTTLS (RFC 6409). */
export const BLANK_ALIAS_DRAFT: AliasDraft = {
  name: '',
  address: '',
  replyTo: '',
  treatAsAlias: true,
  ownServer: false,
  smtp: { host: '', port: '587', security: 'starttls' },
  username: '',
  password: '',
}

export type AliasTextField = 'name' | 'address' | 'replyTo' | 'host' | 'port' | 'username' | 'password'

export type AliasDraftChange =
  | { field: AliasTextField; value: string }
  | { field: 'security'; value: EditableSecurity }
  | { field: 'treatAsAlias' | 'ownServer'; value: boolean }

/** One edit of the form; port and security move together exactly as in the wizard (465 ↔ 587). */
export function changeAliasDraft(draft: AliasDraft, change: AliasDraftChange): AliasDraft {
  switch (change.field) {
    case 'name':
    case 'address':
    case 'replyTo':
    case 'username':
    case 'password':
      return { ...draft, [change.field]: change.value }
    case 'host':
      return { ...draft, smtp: { ...draft.smtp, host: change.value } }
    case 'port':
      return { ...draft, smtp: withPort(draft.smtp, change.value) }
    case 'security':
      return { ...draft, smtp: withSecurity(draft.smtp, 'smtp', change.value) }
    case 'treatAsAlias':
    case 'ownServer':
      return { ...draft, [change.field]: change.value }
    default:
      return assertNever(change)
  }
}

export type AliasProblems = Partial<Record<AliasTextField, string>>

export type ParsedAlias = { ok: true; input: InputOf<'addAlias'> } | { ok: false; problems: AliasProblems }

/** The fields in the order the form shows them, so focus goes to the first problem. */
export const ALIAS_FIELD_ORDER: readonly AliasTextField[] = [
  'name',
  'address',
  'replyTo',
  'host',
  'port',
  'username',
  'password',
]

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }, fallback: string) {
  return result.success ? undefined : (result.error?.issues[0]?.message ?? fallback)
}

/** A provider's app password pasted with its spaces works once they are gone (smtp.gmail.com and the like). */
function cleanPassword(host: string, password: string): string {
  return normalizePastedSecret(password, appPasswordProvider({ hosts: [host] }))
}

function addressProblem(address: string, account: AccountView): string | undefined {
  const parsed = EmailSchema.safeParse(address)
  if (!parsed.success) return address.trim() ? firstIssue(parsed, 'Check the address.') : 'Enter the address.'
  const lower = parsed.data.toLowerCase()
  if (lower === account.email.toLowerCase()) return 'That is the account’s own address; add another one.'
  if (account.aliases.some((a) => a.address.toLowerCase() === lower)) return 'This account already has that address.'
  return undefined
}

/** Checks the form with main's own rules (src/shared), so a problem is named before anything is sent. */
export function parseAliasDraft(draft: AliasDraft, account: AccountView): ParsedAlias {
  const problems: AliasProblems = {}
  const name = draft.name.trim()
  if (name.length > 200) problems.name = 'A name is at most 200 characters.'
  const address = addressProblem(draft.address, account)
  if (address) problems.address = address
  const replyTo = draft.replyTo.trim()
  if (replyTo) {
    const issue = firstIssue(EmailSchema.safeParse(replyTo), 'Check the reply-to address.')
    if (issue) problems.replyTo = issue
  }
  const server = draft.ownServer ? parseServer(draft.smtp) : null
  if (server && !server.ok) Object.assign(problems, server.problems)
  if (draft.ownServer) {
    const username = firstIssue(UsernameSchema.safeParse(draft.username), 'Enter the username.')
    if (username) problems.username = username
    const password = firstIssue(PasswordSchema.safeParse(draft.password), 'Enter the password.')
    if (password) problems.password = password
  }
  if (Object.keys(problems).length > 0 || (server && !server.ok)) return { ok: false, problems }
  return {
    ok: true,
    input: {
      accountId: account.id,
      name,
      address: draft.address.trim(),
      ...(replyTo ? { replyTo } : {}),
      treatAsAlias: draft.treatAsAlias,
      ...(server?.ok
        ? {
            smtp: server.server,
            smtpUsername: draft.username.trim(),
            password: cleanPassword(server.server.host, draft.password),
          }
        : {}),
    },
  }
}
