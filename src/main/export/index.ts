import type { Account } from '../../shared/account.js'
import type { ExportFormat } from '../../shared/export.js'
import { assertNever } from '../../shared/result.js'
import { appleProfile } from './apple-profile.js'
import { mailkeyAccountsFile } from './account-file.js'
import { thunderbirdAutoconfig } from './autoconfig.js'
import type { ExportDocument, ExportOptions } from './export-document.js'
import { setupSheet } from './setup-sheet.js'

export type { AccountSecrets, ExportDocument, ExportOptions } from './export-document.js'

/**
 * Accounts in, one document out, in the format asked for; no secret unless `options.secrets` has one
 * (and the format has a place for it: the Apple profile and Mailkey's own file). Throws INVALID_INPUT when the accounts do not fit the format.
 */
export function exportAccounts(
  format: ExportFormat,
  accounts: readonly Account[],
  options: ExportOptions = {},
): ExportDocument {
  switch (format) {
    case 'thunderbird-autoconfig':
      return thunderbirdAutoconfig(accounts)
    case 'apple-profile':
      return appleProfile(accounts, options)
    case 'setup-sheet':
      return setupSheet(accounts, options)
    case 'mailkey-json':
      return mailkeyAccountsFile(accounts, options)
    default:
      return assertNever(format)
  }
}
