import { z } from 'zod'
import { EXPORT_FORMATS, type ImportOutcome, type SaveOutcome } from '../export.js'
import { HostSchema } from '../mail.js'

/**
 * The IPC inputs and outputs of issue 17's "Export for other devices", beside the main contract
 * (contract.ts includes them in INPUTS and Outputs). The renderer never names a path: main asks where
 * to save and what to open.
 */

const AccountId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An account id is 1-64 letters, digits, - or _.')

export const TRANSFER_INPUTS = {
  /** Several accounts (or all, or a domain's) in one file; `includeSecrets` only after the warning. */
  exportAccounts: z.strictObject({
    format: z.enum(EXPORT_FORMATS),
    accountIds: z.array(AccountId).min(1, 'Choose at least one account.').max(500).optional(),
    domain: HostSchema.optional(),
    includeSecrets: z.boolean().optional(),
  }),
  /** Opens Mailkey's accounts file through the system's Open dialog and imports it, all or nothing. */
  importAccounts: z.undefined(),
} as const

/** What came of an import: cancelled in the Open dialog, or imported, or refused with every problem. */
export type ImportResult = { cancelled: true } | (ImportOutcome & { cancelled?: false; fileName: string })

export interface TransferOutputs {
  exportAccounts: SaveOutcome
  importAccounts: ImportResult
}
