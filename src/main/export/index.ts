import type { Account } from '../../shared/account.js'
import type { ExportFormat } from '../../shared/export.js'
import { assertNever } from '../../shared/result.js'
import { appleProfile } from './apple-profile.js'
import { mailkeyAccountsFile } from './account-file.js'
import { thunderbirdAutoconfig } from './autoconfig.js'
import type { ExportDocument, ExportOptions, TextDocument } from './export-document.js'
import { setupSheet } from './setup-sheet.js'
import { setupSheetPdf } from './setup-sheet-pdf.js'

/** The formats made at once, as text (the PDF sheet is made by `exportDocument`). */
export type TextExportFormat = Exclude<ExportFormat, 'setup-sheet-pdf'>

/** Any format, the PDF sheet included (its bytes are streamed out of pdfkit). */
export function exportDocument(
  format: ExportFormat,
  accounts: readonly Account[],
  options: ExportOptions = {},
): Promise<ExportDocument> {
  if (format === 'setup-sheet-pdf') return setupSheetPdf(accounts, options)
  // a text format's INVALID_INPUT comes back as a rejection, like the PDF's
  return Promise.resolve().then(() => exportAccounts(format, accounts, options))
}

export type { AccountSecrets, ExportDocument, ExportOptions, TextDocument } from './export-document.js'

/**
 * Accounts in, one document out, in the format asked for; no secret unless `options.secrets` has one
 * (and the format has a place for it: the Apple profile and Mailkey's own file). Throws INVALID_INPUT when the accounts do not fit the format.
 */
export function exportAccounts(
  format: TextExportFormat,
  accounts: readonly Account[],
  options: ExportOptions = {},
): TextDocument {
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
