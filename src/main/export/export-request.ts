import type { Account } from '../../shared/account.js'
import type { ExportFormat } from '../../shared/export.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import { accountsOfDomain } from './autoconfig.js'
import type { AccountSecrets, ExportDocument } from './export-document.js'
import { exportDocument } from './index.js'

/** Which accounts go into one export, in which format, and whether with their passwords. */
export interface ExportRequest {
  format: ExportFormat
  /** These accounts (by id), or every saved account when unset. */
  accountIds?: readonly string[] | undefined
  /** Only the accounts at this domain (the office's autoconfig file for `autoconfig.<domain>`). */
  domain?: string | undefined
  /**
   * Put the saved passwords in (Apple profile and Mailkey's file only). The user asked for it after a
   * warning (the app's checkbox, the CLI's `--include-secrets`); never on by default.
   */
  includeSecrets?: boolean | undefined
}

/** Formats with a place for a password; the others refuse `includeSecrets` rather than ignore it. */
const WITH_SECRETS: ReadonlySet<ExportFormat> = new Set(['apple-profile', 'mailkey-json'])

/** The saved passwords of password accounts (an OAuth sign-in is never exported). */
async function secretsOf(credentials: Credentials, accounts: readonly Account[]): Promise<Map<string, AccountSecrets>> {
  const map = new Map<string, AccountSecrets>()
  for (const account of accounts) {
    if (account.oauth) continue
    const incoming = await credentials.incomingLogin(account)
    if (!incoming || !('password' in incoming)) continue
    const outgoing = account.outgoingUsername !== null ? await credentials.outgoingLogin(account) : null
    map.set(account.id, {
      incoming: incoming.password,
      ...(outgoing && 'password' in outgoing ? { outgoing: outgoing.password } : {}),
    })
  }
  return map
}

/**
 * Builds the document for an export request from the saved accounts. Throws INVALID_INPUT when no
 * account matches, when a domain's accounts are asked without a domain for the autoconfig file of
 * several domains, or when secrets are asked for a format without a place for them; NOT_FOUND for an
 * unknown account id.
 */
export async function buildExport(
  deps: { list: () => Account[]; get: (id: string) => Account; credentials: Credentials; now?: () => Date },
  request: ExportRequest,
): Promise<ExportDocument> {
  let accounts = request.accountIds ? request.accountIds.map((id) => deps.get(id)) : deps.list()
  if (request.domain !== undefined) {
    accounts = accountsOfDomain(accounts, request.domain)
    if (!accounts.length) throw new AppError('INVALID_INPUT', `No saved account is at ${request.domain.slice(0, 100)}.`)
  }
  if (!accounts.length) throw new AppError('INVALID_INPUT', 'There is no saved account to export.')
  if (request.includeSecrets && !WITH_SECRETS.has(request.format)) {
    throw new AppError('INVALID_INPUT', 'Only the Apple profile and Mailkey’s own file can carry passwords.')
  }
  const secrets = request.includeSecrets ? await secretsOf(deps.credentials, accounts) : undefined
  const doc = await exportDocument(request.format, accounts, {
    now: deps.now?.() ?? new Date(),
    ...(secrets ? { secrets } : {}),
  })
  return secrets?.size ? { ...doc, private: true } : doc
}
