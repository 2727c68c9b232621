import type { AccountView } from '../../../shared/account.js'
import { assertNever, type Result } from '../../../shared/result.js'
import { aliasCheckReducer, awaitingRoundTrip, CHECK_OPTIONS, type AliasCheckAction } from './alias-check.js'
import { BLANK_ALIAS_DRAFT, changeAliasDraft, parseAliasDraft } from './alias-draft.js'
import { panelBusy, type AliasesAction, type AliasesState, type AliasPanel } from './aliases-state.js'
import { newSendTest, recipientProblem, type SendTest } from './send-test.js'

const CLOSED: AliasPanel = { kind: 'closed' }

/** Opens a panel unless another is busy; opening one says nothing new yet. */
function open(state: AliasesState, panel: AliasPanel): AliasesState {
  return panelBusy(state.panel) ? state : { ...state, panel, notice: '', problem: null }
}

/** A call that changed the account ended: close with a line to announce, or say why not. */
function changed(
  state: AliasesState,
  result: Result<AccountView>,
  notice: string,
  failed: (message: string) => AliasesState,
): AliasesState {
  return result.ok ? { ...state, panel: CLOSED, notice } : failed(result.error.message)
}

function onCheck(state: AliasesState, action: AliasCheckAction): AliasesState {
  if (state.panel.kind !== 'check') return state
  const check = aliasCheckReducer(state.panel.check, action)
  if (check === state.panel.check) return state
  if (check === null) {
    // a cancel during the round trip stops the wait; the message is already on its way
    const waited = awaitingRoundTrip(state.panel.check)
    const notice = waited
      ? 'Stopped waiting. The test message was sent and may still arrive; you can delete it.'
      : 'The check was cancelled.'
    return { ...state, panel: CLOSED, notice }
  }
  return { ...state, panel: { ...state.panel, check } }
}

function onSend(state: AliasesState, change: (send: SendTest) => SendTest): AliasesState {
  if (state.panel.kind !== 'send') return state
  const send = change(state.panel.send)
  return send === state.panel.send ? state : { ...state, panel: { kind: 'send', send } }
}

function submitAdd(state: AliasesState, account: AccountView): AliasesState {
  const { panel } = state
  if (panel.kind !== 'add' || panel.saving) return state
  const parsed = parseAliasDraft(panel.draft, account)
  return { ...state, panel: { ...panel, showProblems: true, saving: parsed.ok, error: null } }
}

function submitSend(send: SendTest): SendTest {
  if (send.outcome.status === 'sending') return send
  if (recipientProblem(send.to)) return { ...send, showProblems: true }
  return { ...send, showProblems: true, outcome: { status: 'sending' } }
}

/** Every transition of an account's send-as section; pure, tested as a table (test/renderer/aliases-reducer.test.ts). */
export function aliasesReducer(state: AliasesState, action: AliasesAction): AliasesState {
  const { panel } = state
  switch (action.type) {
    case 'addOpened':
      return panel.kind === 'add'
        ? state
        : open(state, { kind: 'add', draft: BLANK_ALIAS_DRAFT, showProblems: false, saving: false, error: null })
    case 'draftChanged':
      if (panel.kind !== 'add' || panel.saving) return state
      return { ...state, panel: { ...panel, draft: changeAliasDraft(panel.draft, action.change) } }
    case 'addSubmitted':
      return submitAdd(state, action.account)
    case 'addFinished':
      if (panel.kind !== 'add' || !panel.saving) return state
      return changed(
        state,
        action.result,
        `${action.address} was added. Check it to prove you can send as it.`,
        (m) => ({
          ...state,
          panel: { ...panel, saving: false, error: m },
        }),
      )
    case 'removeOpened':
      return open(state, { kind: 'remove', aliasId: action.aliasId, removing: false, error: null })
    case 'removeConfirmed':
      return panel.kind === 'remove' && !panel.removing
        ? { ...state, panel: { ...panel, removing: true, error: null } }
        : state
    case 'removeFinished':
      if (panel.kind !== 'remove' || !panel.removing) return state
      return changed(state, action.result, `${action.address} was removed.`, (m) => ({
        ...state,
        panel: { ...panel, removing: false, error: m },
      }))
    case 'defaultRequested':
      return state.changingDefault ? state : { ...state, changingDefault: true, problem: null, notice: '' }
    case 'defaultFinished':
      if (!state.changingDefault) return state
      return action.result.ok
        ? { ...state, changingDefault: false, notice: `Mail now goes out from ${action.address} by default.` }
        : {
            ...state,
            changingDefault: false,
            problem: `The default was not changed: ${action.result.error.message}`,
          }
    case 'checkOpened':
      return open(state, {
        kind: 'check',
        aliasId: action.aliasId,
        check: action.roundTrip ? { ...CHECK_OPTIONS, roundTrip: true } : CHECK_OPTIONS,
      })
    case 'roundTripToggled':
    case 'checkStarted':
    case 'optionsReopened':
    case 'stageEvent':
    case 'cancelRequested':
    case 'checkFinished':
      return onCheck(state, action)
    case 'exportOpened':
      return open(state, { kind: 'export', exported: { status: 'loading' } })
    case 'exportLoaded':
      if (panel.kind !== 'export' || panel.exported.status !== 'loading') return state
      return {
        ...state,
        panel: {
          kind: 'export',
          exported: action.result.ok
            ? { status: 'ready', text: action.result.value.text, copied: null }
            : { status: 'failed', message: action.result.error.message },
        },
      }
    case 'exportCopied':
      return panel.kind === 'export' && panel.exported.status === 'ready'
        ? { ...state, panel: { kind: 'export', exported: { ...panel.exported, copied: action.copied } } }
        : state
    case 'sendOpened':
      return open(state, { kind: 'send', send: newSendTest(action.aliasId) })
    case 'sendToChanged':
      return onSend(state, (s) => (s.outcome.status === 'sending' ? s : { ...s, to: action.to }))
    case 'sendFromChanged':
      return onSend(state, (s) => (s.outcome.status === 'sending' ? s : { ...s, aliasId: action.aliasId }))
    case 'sendSubmitted':
      return onSend(state, submitSend)
    case 'sendFinished':
      return onSend(state, (s) => {
        if (s.outcome.status !== 'sending') return s
        const { result } = action
        return {
          ...s,
          outcome: result.ok
            ? { status: 'done', to: s.to.trim(), result: result.value }
            : { status: 'error', message: result.error.message },
        }
      })
    case 'closed':
      return panelBusy(panel) || panel.kind === 'closed' ? state : { ...state, panel: CLOSED }
    default:
      return assertNever(action)
  }
}
