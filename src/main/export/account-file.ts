import { z } from 'zod'
import type { Account } from '../../shared/account.js'
import { IncomingFilterSchema } from '../../shared/filters/filter.js'
import { EmailSchema, IncomingServerSchema, PasswordSchema, ServerSchema, UsernameSchema } from '../../shared/mail.js'
import {
  ClientIdSchema,
  OAuthEndpointSchema,
  OAuthProviderKindSchema,
  ScopeSchema,
  type OAuthSettings,
} from '../../shared/oauth.js'
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

/**
 * An OAuth sign-in's public settings (shared/oauth.ts OAuthSettings): the client and its endpoints,
 * never a token or the client secret. `confidentialClient` says the client has a secret (RFC 6749
 * §2.1), which the importing side asks for again. Added to version 1 (optional: older files import
 * unchanged).
 */
const OAuthEntrySchema = z.strictObject({
  provider: OAuthProviderKindSchema,
  clientId: ClientIdSchema,
  authorizationEndpoint: OAuthEndpointSchema,
  tokenEndpoint: OAuthEndpointSchema,
  revocationEndpoint: OAuthEndpointSchema.nullable(),
  scope: ScopeSchema,
  issuer: OAuthEndpointSchema.nullable(),
  grantedScope: ScopeSchema.nullable(),
  confidentialClient: z.boolean(),
})
export type OAuthEntry = z.infer<typeof OAuthEntrySchema>

/** One account as the file carries it: settings a person chose, none of Mailkey's own records. */
const AccountEntryShape = z.strictObject({
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
  /** Present for an account that signs in with OAuth; absent for a password account. */
  oauth: OAuthEntrySchema.optional(),
})

/** An account entry; one that signs in with OAuth carries no password (there is none). */
export const AccountEntrySchema = AccountEntryShape.superRefine((entry, ctx) => {
  if (entry.oauth && entry.secrets) {
    ctx.addIssue({
      code: 'custom',
      path: ['secrets'],
      message: 'An account that signs in with OAuth has no password to carry: remove "secrets".',
    })
  }
})
export type AccountEntry = z.infer<typeof AccountEntrySchema>

/** The file's view of a saved sign-in: the public settings only. */
function oauthEntry(oauth: OAuthSettings): OAuthEntry {
  return {
    provider: oauth.provider,
    clientId: oauth.clientId,
    authorizationEndpoint: oauth.authorizationEndpoint,
    tokenEndpoint: oauth.tokenEndpoint,
    revocationEndpoint: oauth.revocationEndpoint,
    scope: oauth.scope,
    issuer: oauth.issuer,
    grantedScope: oauth.grantedScope,
    confidentialClient: oauth.hasClientSecret,
  }
}

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
    ...(account.oauth ? { oauth: oauthEntry(account.oauth) } : {}),
    ...(secrets && !account.oauth
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
 * `options.secrets` (the caller asked, with a warning), never an alias's own SMTP secret. An OAuth
 * account carries its sign-in's public settings (`oauth`: provider, client ID, endpoints, scopes,
 * whether the client is confidential), never a token or the client secret: the importing side signs
 * in again with the provider.
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
