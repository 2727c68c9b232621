import { z } from 'zod'
import type { AccountView } from '../account.js'
import type { CheckAllEvent, CheckAllResult } from '../check-all.js'
import { IncomingFilterSchema } from '../filters/filter.js'
import type { FilterPreview, FilterScript, FilterUpload } from '../filters/results.js'
import { HostSchema, PortSchema } from '../mail.js'

/**
 * The IPC inputs and outputs of issue 17 part A (check all, incoming filters), kept beside the main
 * contract (contract.ts includes them in INPUTS and Outputs).
 */

const AccountId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An account id is 1-64 letters, digits, - or _.')
const TestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A test id is 1-64 letters, digits, - or _.')
/** Shorter than a test id: each account's test runs as `<runId>-<n>`. */
const RunId = z.string().regex(/^[A-Za-z0-9_-]{1,48}$/, 'A run id is 1-48 letters, digits, - or _.')

export const OFFICE_INPUTS = {
  /** Every saved account, or the ones named. */
  checkAllAccounts: z.strictObject({
    runId: RunId,
    accountIds: z.array(AccountId).min(1, 'Name at least one account.').max(500).optional(),
  }),
  cancelCheckAll: z.strictObject({ runId: RunId }),
  /** Saves the account's filter; null removes it. */
  setFilter: z.strictObject({ accountId: AccountId, filter: IncomingFilterSchema.nullable() }),
  /** The newest messages judged by `filter` (unsaved) or the saved filter. */
  previewFilter: z.strictObject({ accountId: AccountId, testId: TestId, filter: IncomingFilterSchema.optional() }),
  exportFilter: z.strictObject({ accountId: AccountId, filter: IncomingFilterSchema.optional() }),
  /** `script`: the script the user was shown; main uploads only if the saved filter still makes it. */
  uploadFilter: z.strictObject({
    accountId: AccountId,
    testId: TestId,
    script: z.string().max(1_000_000, 'That script is too long.'),
    sieve: z.strictObject({ host: HostSchema, port: PortSchema }).optional(),
  }),
} as const

export interface OfficeOutputs {
  checkAllAccounts: CheckAllResult
  cancelCheckAll: { cancelled: boolean }
  setFilter: AccountView
  previewFilter: FilterPreview
  exportFilter: FilterScript
  uploadFilter: FilterUpload
}

export type { CheckAllEvent }
