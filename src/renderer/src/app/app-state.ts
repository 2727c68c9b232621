import type { AccountView } from '../../../shared/account.js'
import type { AppNotice } from '../../../shared/ipc/contract.js'
import { assertNever, type Result } from '../../../shared/result.js'
import { editState } from '../wizard/edit-setup.js'
import { initialWizardState, type WizardState } from '../wizard/wizard-state.js'

/** Where "Explain an error" returns to: the accounts, or the wizard exactly as it was left. */
export type BackTo = { name: 'accounts' } | { name: 'wizard'; resume: WizardState }

export type Screen =
  | { name: 'loading' }
  | { name: 'unavailable'; message: string }
  /**
   * `notice`: a line to announce on arrival, e.g. after saving. `check`: the account to re-test on
   * arrival ("Test … now" from Explain an error).
   */
  | { name: 'accounts'; notice: string | null; check?: string }
  | { name: 'wizard'; initial: WizardState }
  | { name: 'explain'; back: BackTo }

export interface AppState {
  screen: Screen
  accounts: AccountView[]
  /** Startup notices not yet dismissed. */
  notices: AppNotice[]
}

export type AppAction =
  | { type: 'accountsLoaded'; result: Result<AccountView[]> }
  | { type: 'retried' }
  | { type: 'addRequested' }
  | { type: 'editRequested'; account: AccountView }
  | { type: 'wizardClosed' }
  | { type: 'wizardFinished'; account: AccountView }
  | { type: 'explainOpened'; back: BackTo }
  | { type: 'explainClosed' }
  /** Explain an error's next step: a real test of a saved account, on its card. */
  | { type: 'explainTestRequested'; accountId: string }
  /** Explain an error's next step: set up (and so test) an account, or back to the setup in progress. */
  | { type: 'explainSetUpRequested'; email: string | null }
  | { type: 'accountsChanged'; accounts: AccountView[] }
  | { type: 'accountUpdated'; account: AccountView }
  | { type: 'noticesLoaded'; notices: AppNotice[] }
  | { type: 'noticeDismissed'; index: number }

export const initialAppState: AppState = { screen: { name: 'loading' }, accounts: [], notices: [] }

function savedNotice(account: AccountView): string {
  return account.lastVerifiedAt
    ? `${account.email} is saved and verified.`
    : `${account.email} is saved, but the test did not prove these settings; test it again to verify.`
}

/** The account list with `account` in it: replaced where it was, else added at the end. */
function withAccount(accounts: AccountView[], account: AccountView): AccountView[] {
  return accounts.some((a) => a.id === account.id)
    ? accounts.map((a) => (a.id === account.id ? account : a))
    : [...accounts, account]
}

function loaded(state: AppState, result: Result<AccountView[]>): AppState {
  if (!result.ok) {
    return state.screen.name === 'loading'
      ? { ...state, screen: { name: 'unavailable', message: result.error.message } }
      : state
  }
  const accounts = result.value
  if (state.screen.name !== 'loading') return { ...state, accounts }
  // opens on the accounts when there are some, else straight on the wizard
  const screen: Screen =
    accounts.length > 0 ? { name: 'accounts', notice: null } : { name: 'wizard', initial: initialWizardState }
  return { ...state, accounts, screen }
}

/** A new wizard with the address filled in (and looked up at once), or empty. */
function prefilled(email: string | null): WizardState {
  return email ? { ...initialWizardState, email } : initialWizardState
}

function closeExplain(state: AppState, back: BackTo): AppState {
  switch (back.name) {
    case 'accounts':
      return { ...state, screen: { name: 'accounts', notice: null } }
    case 'wizard':
      return { ...state, screen: { name: 'wizard', initial: back.resume } }
    default:
      return assertNever(back)
  }
}

/** Which screen the window shows, and the data screens share; pure, tested as a table. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'accountsLoaded':
      return loaded(state, action.result)
    case 'retried':
      return { ...state, screen: { name: 'loading' } }
    case 'addRequested':
      return { ...state, screen: { name: 'wizard', initial: initialWizardState } }
    case 'editRequested':
      return { ...state, screen: { name: 'wizard', initial: editState(action.account) } }
    case 'wizardClosed':
      return { ...state, screen: { name: 'accounts', notice: null } }
    case 'wizardFinished':
      return {
        ...state,
        accounts: withAccount(state.accounts, action.account),
        screen: { name: 'accounts', notice: savedNotice(action.account) },
      }
    case 'explainOpened':
      return { ...state, screen: { name: 'explain', back: action.back } }
    case 'explainClosed':
      return state.screen.name === 'explain' ? closeExplain(state, state.screen.back) : state
    case 'explainTestRequested':
      return state.screen.name === 'explain'
        ? { ...state, screen: { name: 'accounts', notice: null, check: action.accountId } }
        : state
    case 'explainSetUpRequested':
      if (state.screen.name !== 'explain') return state
      // a setup in progress is where the test happens; else a new one, with the address the message named
      if (state.screen.back.name === 'wizard') return closeExplain(state, state.screen.back)
      return { ...state, screen: { name: 'wizard', initial: prefilled(action.email) } }
    case 'accountsChanged':
      return { ...state, accounts: action.accounts }
    case 'accountUpdated':
      return { ...state, accounts: withAccount(state.accounts, action.account) }
    case 'noticesLoaded':
      return { ...state, notices: action.notices }
    case 'noticeDismissed':
      return { ...state, notices: state.notices.filter((_, i) => i !== action.index) }
    default:
      return assertNever(action)
  }
}
