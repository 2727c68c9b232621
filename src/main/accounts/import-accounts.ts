import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import { DIRECT_CONNECTION } from '../../shared/connection.js'
import type { Account } from '../../shared/account.js'
import type { ImportedAccount, ImportOutcome, ImportProblem } from '../../shared/export.js'
import { oauthProviderName } from '../../shared/oauth-kinds.js'
import type { OAuthSettings } from '../../shared/oauth.js'
import type { Credentials } from '../credentials/credentials.js'
import { AccountFileSchema, type AccountEntry, type OAuthEntry } from '../export/account-file.js'
import {
  ACCOUNT_FILE_FORMAT,
  ACCOUNT_FILE_MAX_BYTES,
  ACCOUNT_FILE_VERSION,
  sizeProblem,
} from '../export/account-file-limits.js'
import type { AccountsService } from './accounts-service.js'

/** How many problems one answer lists: enough to fix a file, bounded for a file with 10,000 bad entries. */
export const MAX_IMPORT_PROBLEMS = 50

function id(bytes: number): string {
  return randomBytes(bytes).toString('base64url')
}

/** `accounts[0].incoming.port` from zod's path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`
    return text ? `${text}.${String(key)}` : String(key)
  }, '')
}

function schemaProblems(error: z.ZodError): ImportProblem[] {
  return error.issues.flatMap((issue): ImportProblem[] => {
    // an unknown field is named at its own path, so the user finds it
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: pathText([...issue.path, key]),
        message: `Unknown field "${key.slice(0, 60)}": this version of Mailkey does not know it.`,
      }))
    }
    return [{ path: pathText(issue.path), message: issue.message }]
  })
}

/** The file's version when it is a Mailkey accounts file from a newer Mailkey. */
function futureVersion(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null
  const { format, version } = data as Record<string, unknown>
  return format === ACCOUNT_FILE_FORMAT && typeof version === 'number' && version > ACCOUNT_FILE_VERSION
    ? version
    : null
}

function duplicateProblems(entries: readonly AccountEntry[], accounts: AccountsService): ImportProblem[] {
  const first = new Map<string, number>()
  const problems: ImportProblem[] = []
  entries.forEach((entry, i) => {
    const key = entry.email.toLowerCase()
    const earlier = first.get(key)
    if (earlier !== undefined) {
      problems.push({
        path: `accounts[${i}].email`,
        message: `${entry.email} is in the file twice (also accounts[${earlier}]).`,
      })
    } else first.set(key, i)
    if (accounts.findByEmail(entry.email)) {
      problems.push({
        path: `accounts[${i}].email`,
        message: `${entry.email} is already saved in Mailkey: remove it first, or take it out of the file.`,
      })
    }
  })
  return problems
}

/**
 * A sign-in's settings as the file carries them. Nothing is in this computer's keychain yet (no
 * refresh token, no client secret), so the account shows "Sign in with <provider>" until the user
 * signs in; `hasClientSecret` keeps that the client is confidential, so that sign-in asks for its secret.
 */
function oauthOf(entry: OAuthEntry): OAuthSettings {
  const { confidentialClient, ...settings } = entry
  return { ...settings, hasClientSecret: confidentialClient }
}

function toAccount(entry: AccountEntry, now: Date): Account {
  return {
    id: id(9),
    email: entry.email,
    displayName: entry.displayName,
    username: entry.username,
    providerId: entry.providerId,
    incoming: entry.incoming,
    outgoing: entry.outgoing,
    outgoingUsername: entry.outgoingUsername,
    createdAt: now.toISOString(),
    // nothing is proven on this computer yet: the first test or re-test records it
    lastVerifiedAt: null,
    stale: null,
    aliases: entry.aliases.map((a) => ({ ...a, id: id(6), lastCheck: null })),
    filter: entry.filter,
    oauth: entry.oauth ? oauthOf(entry.oauth) : null,
    // office options are this computer's (its proxy, its trusted keys): a direct connection to start
    replyTo: null,
    outgoingFallbacks: [],
    connection: DIRECT_CONNECTION,
  }
}

/** Refuses the file, listing at most MAX_IMPORT_PROBLEMS problems (and how many more there were). */
function refused(problems: ImportProblem[]): ImportOutcome {
  if (problems.length <= MAX_IMPORT_PROBLEMS) return { imported: false, problems }
  const shown = problems.slice(0, MAX_IMPORT_PROBLEMS)
  shown.push({ path: '', message: `…and ${problems.length - MAX_IMPORT_PROBLEMS} more problems.` })
  return { imported: false, problems: shown }
}

/**
 * Imports Mailkey's accounts file (export/account-file.ts), all or nothing: the file is refused by
 * size before it is parsed (ACCOUNT_FILE_MAX_BYTES), then as JSON, then by version (a newer Mailkey's
 * file is refused whole, never half-read), then against the zod schema (unknown fields refused), then
 * for addresses already saved or in the file twice; every problem is listed with its field path.
 * Only a file without any problem is saved: secrets it carries go to the keychain first, then the
 * accounts to settings; when any step fails, what was saved is removed again and the error thrown.
 * Accounts saved without a secret show as needing their password (AccountView.secrets.incoming false);
 * an OAuth account (the file's `oauth`) is saved with its sign-in's settings and no token, and answers
 * `needsSignIn`: the user signs in again with its provider (the accounts screen, `mailkey oauth
 * authorize ADDR`).
 */
export async function importAccounts(
  deps: { accounts: AccountsService; credentials: Credentials; now?: () => Date },
  text: string,
): Promise<ImportOutcome> {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > ACCOUNT_FILE_MAX_BYTES) return refused([sizeProblem(bytes)])
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    const why = e instanceof SyntaxError ? ` (${e.message.slice(0, 120)})` : ''
    return refused([{ path: '', message: `This file is not JSON${why}: is it a Mailkey accounts file?` }])
  }
  const future = futureVersion(data)
  if (future !== null) {
    return refused([
      {
        path: 'version',
        message: `This file was made by a newer Mailkey (accounts file version ${future}; this one reads version ${ACCOUNT_FILE_VERSION}). Update Mailkey, then import it.`,
      },
    ])
  }
  const parsed = AccountFileSchema.safeParse(data)
  if (!parsed.success) return refused(schemaProblems(parsed.error))
  const duplicates = duplicateProblems(parsed.data.accounts, deps.accounts)
  if (duplicates.length) return refused(duplicates)
  return { imported: true, accounts: await apply(deps, parsed.data.accounts) }
}

async function apply(
  deps: { accounts: AccountsService; credentials: Credentials; now?: () => Date },
  entries: readonly AccountEntry[],
): Promise<ImportedAccount[]> {
  const now = deps.now?.() ?? new Date()
  const made = entries.map((entry) => ({ entry, account: toAccount(entry, now) }))
  const done: string[] = []
  try {
    for (const { entry, account } of made) {
      done.push(account.id)
      if (entry.secrets) {
        await deps.credentials.storeShared(account.id, entry.secrets.incoming)
        if (account.outgoingUsername !== null && entry.secrets.outgoing)
          await deps.credentials.storeOutgoing(account.id, entry.secrets.outgoing)
      }
      deps.accounts.update(account)
    }
  } catch (e) {
    // nothing half-applied: every account (and secret) of this import goes again
    for (const accountId of done) await deps.accounts.remove(accountId).catch(() => false)
    throw e
  }
  return made.map(({ entry, account }): ImportedAccount => {
    const base = { id: account.id, email: account.email }
    if (entry.oauth) {
      const needsSignIn = {
        provider: entry.oauth.provider,
        name: oauthProviderName(entry.oauth),
        clientSecretNeeded: entry.oauth.confidentialClient,
      }
      return { ...base, needsPassword: false, needsSignIn }
    }
    return {
      ...base,
      needsPassword: !entry.secrets || (account.outgoingUsername !== null && !entry.secrets.outgoing),
    }
  })
}
