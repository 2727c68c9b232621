import { z } from 'zod'
import type { Account } from '../../shared/account.js'
import { IncomingFilterSchema } from '../../shared/filters/filter.js'
import { EmailSchema, IncomingServerSchema, PasswordSchema, ServerSchema, UsernameSchema } from '../../shared/mail.js'
import { PROVIDER_IDS } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import { ACCOUNT_FILE_FORMAT, ACCOUNT_FILE_VERSION } from './account-file-limits.js'
import type { ExportOptions, TextDocument } from './export-document.js'

/** As many accounts as settings keep (settings-schema.ts). */
export const ACCOUNT_FILE_MAX_ACCOUNTS = 500

const DisplayNameSchema = z
  .string()
  .max(200, 'A display name is at most 200 characters.')
  .refine((s) => !/[\r\n\0]/.test(s), 'A display name cannot contain line breaks.')

const AliasEntrySchema = z.strictObject({
  name: DisplayNameSchema,
  address: EmailSchema,
  replyTo: EmailSchema.nullable(),
  treatAsAlias: z.boolean(),
  smtp: ServerSchema.nullable(),
  smtpUsername: UsernameSchema.nullable(),
  isDefault: z.boolean(),
})

/** The secrets of one account, only in a file exported with them on purpose (`--include-secrets`). */
const SecretsSchema = z.strictObject({ incoming: PasswordSchema, outgoing: PasswordSchema.optional() })

/** One account as the file carries it: settings a person chose, none of Mailkey's own records. */
export const AccountEntrySchema = z.strictObject({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  username: UsernameSchema,
  providerId: z.enum(PROVIDER_IDS).nullable(),
  incoming: IncomingServerSchema,
  outgoing: ServerSchema,
  outgoingUsername: UsernameSchema.nullable(),
  aliases: z.array(AliasEntrySchema).max(100, 'At most 100 send-as addresses per account.'),
  filter: IncomingFilterSchema.nullable(),
  secrets: SecretsSchema.optional(),
})
export type AccountEntry = z.infer<typeof AccountEntrySchema>

/** Mailkey's accounts file, version 1. Unknown fields are refused everywhere, the root included. */
export const AccountFileSchema = z.strictObject({
  format: z.literal(ACCOUNT_FILE_FORMAT, {
    error: `This is not a Mailkey accounts file (format "${ACCOUNT_FILE_FORMAT}").`,
  }),
  version: z.literal(ACCOUNT_FILE_VERSION),
  exportedAt: z.string().max(40).optional(),
  accounts: z
    .array(AccountEntrySchema)
    .min(1, 'The file holds no account.')
    .max(ACCOUNT_FILE_MAX_ACCOUNTS, `At most ${ACCOUNT_FILE_MAX_ACCOUNTS} accounts in one file.`),
})
export type AccountFile = z.infer<typeof AccountFileSchema>

function entry(account: Account, options: ExportOptions): AccountEntry {
  const secrets = options.secrets?.get(account.id)
  return {
    email: account.email,
    displayName: account.displayName,
    username: account.username,
    providerId: account.providerId,
    incoming: account.incoming,
    outgoing: account.outgoing,
    outgoingUsername: account.outgoingUsername,
    aliases: account.aliases.map((a) => ({
      name: a.name,
      address: a.address,
      replyTo: a.replyTo,
      treatAsAlias: a.treatAsAlias,
      smtp: a.smtp,
      smtpUsername: a.smtpUsername,
      isDefault: a.isDefault,
    })),
    filter: account.filter,
    ...(secrets
      ? {
          secrets: {
            incoming: secrets.incoming,
            ...(account.outgoingUsername !== null && secrets.outgoing ? { outgoing: secrets.outgoing } : {}),
          },
        }
      : {}),
  }
}

/**
 * Mailkey's own accounts file (JSON, `{ format: 'mailkey-accounts', version: 1, accounts }`), for
 * another computer's Mailkey: servers, logins, send-as addresses and filters; no check records, stale
 * flags or ids (the importing side proves and names its own). Passwords only for the accounts in
 * `options.secrets` (the caller asked, with a warning); an OAuth sign-in is not carried (it is signed
 * in again), nor an alias's own SMTP secret.
 */
export function mailkeyAccountsFile(accounts: readonly Account[], options: ExportOptions = {}): TextDocument {
  if (!accounts.length) throw new AppError('INVALID_INPUT', 'Choose an account to export.')
  const file: AccountFile = {
    format: ACCOUNT_FILE_FORMAT,
    version: ACCOUNT_FILE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    accounts: accounts.map((a) => entry(a, options)),
  }
  const name = accounts.length === 1 && accounts[0] ? accounts[0].email : 'mail-accounts'
  const withSecrets = file.accounts.some((a) => a.secrets)
  return {
    format: 'mailkey-json',
    fileName: `${name}${withSecrets ? ' WITH PASSWORDS' : ''}.mailkey.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(file, null, 2)}\n`,
  }
}
