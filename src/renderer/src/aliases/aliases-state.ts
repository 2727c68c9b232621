import type { AccountView } from '../../../shared/account.js'
import type { AliasCheckResult, SendTestResult } from '../../../shared/ipc/contract.js'
import type { Server } from '../../../shared/mail.js'
import type { StageEvent } from '../../../shared/report.js'
import { assertNever, type Result } from '../../../shared/result.js'
import type { AliasCheck } from './alias-check.js'
import type { AliasDraft, AliasDraftChange } from './alias-draft.js'
import type { SendTest } from './send-test.js'

export type ExportState =
  | { status: 'loading' }
  /** `copied`: whether the clipboard took it (null until tried). */
  | { status: 'ready'; text: string; copied: boolean | null }
  | { status: 'failed'; message: string }

/** At most one thing open in an account's send-as section at a time, so focus has one place to be. */
export type AliasPanel =
  | { kind: 'closed' }
  | { kind: 'add'; draft: AliasDraft; showProblems: boolean; saving: boolean; error: string | null }
  | { kind: 'remove'; aliasId: string; removing: boolean; error: string | null }
  | { kind: 'check'; aliasId: string; check: AliasCheck }
  | { kind: 'export'; exported: ExportState }
  | { kind: 'send'; send: SendTest }

export interface AliasesState {
  panel: AliasPanel
  /** The last thing done, for the section's polite live region ("… was added."). */
  notice: string
  /** A change of the default From is on its way to main. */
  changingDefault: boolean
  /** Something that did not work outside any panel (changing the default). */
  problem: string | null
}

/** Actions carry every impure value (test ids, IPC results), so the reducer stays pure. */
export type AliasesAction =
  | { type: 'addOpened' }
  | { type: 'draftChanged'; change: AliasDraftChange }
  | { type: 'addSubmitted'; account: AccountView }
  | { type: 'addFinished'; address: string; result: Result<AccountView> }
  | { type: 'removeOpened'; aliasId: string }
  | { type: 'removeConfirmed' }
  | { type: 'removeFinished'; address: string; result: Result<AccountView> }
  | { type: 'defaultRequested' }
  | { type: 'defaultFinished'; address: string; result: Result<AccountView> }
  /** `roundTrip`: the test message starts ticked (Gmail, where the sender check alone proves nothing). */
  | { type: 'checkOpened'; aliasId: string; roundTrip?: boolean }
  | { type: 'roundTripToggled'; on: boolean }
  | { type: 'checkStarted'; testId: string; smtp: Server }
  | { type: 'optionsReopened' }
  | { type: 'stageEvent'; event: StageEvent }
  | { type: 'cancelRequested' }
  | { type: 'checkFinished'; testId: string; result: Result<AliasCheckResult> }
  | { type: 'exportOpened' }
  | { type: 'exportLoaded'; result: Result<{ text: string }> }
  | { type: 'exportCopied'; copied: boolean }
  | { type: 'sendOpened'; aliasId: string | null }
  | { type: 'sendToChanged'; to: string }
  | { type: 'sendFromChanged'; aliasId: string | null }
  | { type: 'sendSubmitted' }
  | { type: 'sendFinished'; result: Result<SendTestResult> }
  | { type: 'closed' }

export const initialAliasesState: AliasesState = {
  panel: { kind: 'closed' },
  notice: '',
  changingDefault: false,
  problem: null,
}

/** Something is on its way to main: the panel stays, and nothing else opens. */
export function panelBusy(panel: AliasPanel): boolean {
  switch (panel.kind) {
    case 'closed':
    case 'export':
      return false
    case 'add':
      return panel.saving
    case 'remove':
      return panel.removing
    case 'check':
      return panel.check.status === 'running'
    case 'send':
      return panel.send.outcome.status === 'sending'
    default:
      return assertNever(panel)
  }
}
