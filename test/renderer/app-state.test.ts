import { describe, expect } from 'vitest'
import { appReducer, initialAppState, type AppAction, type AppState } from '../../src/renderer/src/app/app-state.js'
import { initialWizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import { account, BOTH_PASSED } from './fixtures.js'
import { finished, runReducerTable, type TableRow } from './reducer-table.js'

/** Which screen the window shows, as a table. */

type Row = TableRow<AppState, AppAction>

const ALICE = account()
const BOB = account({ id: 'acc2', email: 'bob@example.org', lastVerifiedAt: null })
const on = (screen: AppState['screen'], accounts = [ALICE]): AppState => ({ ...initialAppState, screen, accounts })
const NOTICE = { kind: 'settings-recovered' as const, message: 'Your settings file was damaged and moved aside.' }

const rows: Row[] = [
  {
    name: 'with accounts it opens on them',
    from: initialAppState,
    action: { type: 'accountsLoaded', result: { ok: true, value: [ALICE] } },
    to: { screen: { name: 'accounts', notice: null }, accounts: [ALICE] },
  },
  {
    name: 'without any it opens on the wizard',
    from: initialAppState,
    action: { type: 'accountsLoaded', result: { ok: true, value: [] } },
    to: { screen: { name: 'wizard', initial: initialWizardState } },
  },
  {
    name: 'accounts that cannot be read are explained',
    from: initialAppState,
    action: { type: 'accountsLoaded', result: { ok: false, error: { code: 'INTERNAL', message: 'unreadable' } } },
    to: { screen: { name: 'unavailable', message: 'unreadable' } },
  },
  {
    name: 'Try again loads again',
    from: on({ name: 'unavailable', message: 'x' }),
    action: { type: 'retried' },
    to: { screen: { name: 'loading' } },
  },
  {
    name: 'Add account opens an empty wizard',
    from: on({ name: 'accounts', notice: null }),
    action: { type: 'addRequested' },
    to: { screen: { name: 'wizard', initial: { step: 'address', email: '' } } },
  },
  {
    name: 'Edit opens the wizard on that account’s servers',
    from: on({ name: 'accounts', notice: null }),
    action: { type: 'editRequested', account: ALICE },
    to: { screen: { name: 'wizard', initial: { step: 'servers', editing: true, setup: { accountId: 'acc1' } } } },
  },
  {
    name: 'Back to accounts from the wizard',
    from: on({ name: 'wizard', initial: initialWizardState }),
    action: { type: 'wizardClosed' },
    to: { screen: { name: 'accounts', notice: null } },
  },
  {
    name: 'finishing the wizard adds the account and says it is verified',
    from: on({ name: 'wizard', initial: initialWizardState }, []),
    action: { type: 'wizardFinished', account: ALICE },
    to: { accounts: [ALICE], screen: { name: 'accounts', notice: 'alice@gmail.com is saved and verified.' } },
  },
  {
    name: 'finishing an edit replaces the account in place',
    from: on({ name: 'wizard', initial: initialWizardState }, [ALICE, BOB]),
    action: { type: 'wizardFinished', account: { ...BOB, displayName: 'Bob' } },
    to: {
      accounts: [ALICE, { id: 'acc2', displayName: 'Bob' }],
      screen: { notice: expect.stringContaining('did not prove') },
    },
  },
  {
    name: 'Explain an error from the accounts comes back to them',
    from: on({ name: 'explain', back: { name: 'accounts' } }),
    action: { type: 'explainClosed' },
    to: { screen: { name: 'accounts' } },
  },
  {
    name: 'Explain an error from the wizard comes back to where it was left',
    from: on({ name: 'explain', back: { name: 'wizard', resume: finished(BOTH_PASSED) } }),
    action: { type: 'explainClosed' },
    to: { screen: { name: 'wizard', initial: { step: 'test', run: { status: 'finished' } } } },
  },
  {
    name: 'opening it remembers where from',
    from: on({ name: 'accounts', notice: null }),
    action: { type: 'explainOpened', back: { name: 'accounts' } },
    to: { screen: { name: 'explain', back: { name: 'accounts' } } },
  },
  {
    name: 'a re-tested account is replaced in the list',
    from: on({ name: 'accounts', notice: null }, [ALICE, BOB]),
    action: { type: 'accountUpdated', account: { ...ALICE, stale: null, lastVerifiedAt: '2026-01-01T00:00:00.000Z' } },
    to: { accounts: [{ id: 'acc1', lastVerifiedAt: '2026-01-01T00:00:00.000Z' }, { id: 'acc2' }] },
  },
  {
    name: 'startup notices are kept until dismissed',
    from: initialAppState,
    action: { type: 'noticesLoaded', notices: [NOTICE] },
    to: { notices: [NOTICE] },
  },
  {
    name: 'dismissing one removes it',
    from: { ...initialAppState, notices: [NOTICE] },
    action: { type: 'noticeDismissed', index: 0 },
    to: { notices: [] },
  },
]

describe('app screens', () => runReducerTable(appReducer, rows))
