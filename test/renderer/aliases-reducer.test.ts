import { describe } from 'vitest'
import type { Result } from '../../src/shared/result.js'
import type { AccountView } from '../../src/shared/account.js'
import { BLANK_ALIAS_DRAFT } from '../../src/renderer/src/aliases/alias-draft.js'
import { aliasesReducer } from '../../src/renderer/src/aliases/aliases-reducer.js'
import {
  initialAliasesState,
  type AliasesAction,
  type AliasesState,
  type AliasPanel,
} from '../../src/renderer/src/aliases/aliases-state.js'
import { newSendTest } from '../../src/renderer/src/aliases/send-test.js'
import { account, alias } from './fixtures.js'
import { runReducerTable, type TableRow } from './reducer-table.js'

/** An account's send-as section: which panel is open, and what each answer from main does to it. */

type Row = TableRow<AliasesState, AliasesAction>
const ACCOUNT = account({ aliases: [alias()] })
const UPDATED: Result<AccountView> = { ok: true, value: ACCOUNT }
const REFUSED: Result<AccountView> = { ok: false, error: { code: 'INVALID_INPUT', message: 'Already there.' } }

const at = (panel: AliasPanel, extra: Partial<AliasesState> = {}): AliasesState => ({
  ...initialAliasesState,
  panel,
  ...extra,
})
const adding = (extra: Partial<Extract<AliasPanel, { kind: 'add' }>> = {}) =>
  at({ kind: 'add', draft: BLANK_ALIAS_DRAFT, showProblems: false, saving: false, error: null, ...extra })
const typed = { ...BLANK_ALIAS_DRAFT, address: 'new@example.org' }
const removing = (busy = false) => at({ kind: 'remove', aliasId: 'al1', removing: busy, error: null })
const checking = at({
  kind: 'check',
  aliasId: 'al1',
  check: {
    status: 'running',
    testId: 't1',
    roundTrip: true,
    smtp: ACCOUNT.outgoing,
    progress: {},
    cancelling: false,
  },
})
const sending = (extra: Partial<ReturnType<typeof newSendTest>> = {}) =>
  at({ kind: 'send', send: { ...newSendTest(null), ...extra } })

const add_rows: Row[] = [
  {
    name: '"Add address" opens an empty form and clears the last notice',
    from: at({ kind: 'closed' }, { notice: 'x was removed.' }),
    action: { type: 'addOpened' },
    to: { panel: { kind: 'add', draft: BLANK_ALIAS_DRAFT, showProblems: false, saving: false }, notice: '' },
  },
  {
    name: 'pressing it again keeps what was typed',
    from: adding({ draft: typed }),
    action: { type: 'addOpened' },
    to: 'same',
  },
  {
    name: 'typing changes the draft',
    from: adding(),
    action: { type: 'draftChanged', change: { field: 'address', value: 'a@b.c' } },
    to: { panel: { draft: { address: 'a@b.c' } } },
  },
  {
    name: 'an invalid form shows its problems and sends nothing',
    from: adding(),
    action: { type: 'addSubmitted', account: ACCOUNT },
    to: { panel: { kind: 'add', showProblems: true, saving: false } },
  },
  {
    name: 'a valid form is on its way to main',
    from: adding({ draft: typed }),
    action: { type: 'addSubmitted', account: ACCOUNT },
    to: { panel: { kind: 'add', saving: true } },
  },
  {
    name: 'no typing while it is on its way',
    from: adding({ draft: typed, saving: true }),
    action: { type: 'draftChanged', change: { field: 'address', value: 'other@b.c' } },
    to: 'same',
  },
  {
    name: 'added: the form closes and says so',
    from: adding({ draft: typed, saving: true }),
    action: { type: 'addFinished', address: 'new@example.org', result: UPDATED },
    to: {
      panel: { kind: 'closed' },
      notice: 'new@example.org was added. Check it to prove you can send as it.',
    },
  },
  {
    name: 'refused by main: the form stays, with everything typed and the reason',
    from: adding({ draft: typed, saving: true }),
    action: { type: 'addFinished', address: 'new@example.org', result: REFUSED },
    to: { panel: { kind: 'add', draft: typed, saving: false, error: 'Already there.' } },
  },
  {
    name: 'Cancel closes the form',
    from: adding({ draft: typed }),
    action: { type: 'closed' },
    to: { panel: { kind: 'closed' } },
  },
  { name: 'Cancel waits while saving', from: adding({ saving: true }), action: { type: 'closed' }, to: 'same' },
]

const other_rows: Row[] = [
  {
    name: 'Remove asks first',
    from: at({ kind: 'closed' }),
    action: { type: 'removeOpened', aliasId: 'al1' },
    to: { panel: { kind: 'remove', aliasId: 'al1', removing: false } },
  },
  {
    name: 'confirmed, it is on its way',
    from: removing(),
    action: { type: 'removeConfirmed' },
    to: { panel: { removing: true } },
  },
  {
    name: 'removed: closed, and said',
    from: removing(true),
    action: { type: 'removeFinished', address: 'sales@example.org', result: UPDATED },
    to: { panel: { kind: 'closed' }, notice: 'sales@example.org was removed.' },
  },
  {
    name: 'not removed: the question stays with the reason',
    from: removing(true),
    action: { type: 'removeFinished', address: 'sales@example.org', result: REFUSED },
    to: { panel: { kind: 'remove', removing: false, error: 'Already there.' } },
  },
  {
    name: 'a new default is on its way',
    from: at({ kind: 'closed' }),
    action: { type: 'defaultRequested' },
    to: { changingDefault: true },
  },
  {
    name: 'the new default is announced',
    from: at({ kind: 'closed' }, { changingDefault: true }),
    action: { type: 'defaultFinished', address: 'sales@example.org', result: UPDATED },
    to: { changingDefault: false, notice: 'Mail now goes out from sales@example.org by default.' },
  },
  {
    name: 'a refused default says why',
    from: at({ kind: 'closed' }, { changingDefault: true }),
    action: { type: 'defaultFinished', address: 'sales@example.org', result: REFUSED },
    to: { changingDefault: false, problem: 'The default was not changed: Already there.' },
  },
  {
    name: 'Check opens the options with the round trip off',
    from: at({ kind: 'closed' }),
    action: { type: 'checkOpened', aliasId: 'al1' },
    to: { panel: { kind: 'check', aliasId: 'al1', check: { status: 'options', roundTrip: false } } },
  },
  {
    name: 'nothing else opens while a check runs',
    from: checking,
    action: { type: 'addOpened' },
    to: 'same',
  },
  { name: 'a running check is not closed', from: checking, action: { type: 'closed' }, to: 'same' },
  {
    name: 'a cancelled check closes the panel and says so',
    from: checking,
    action: { type: 'checkFinished', testId: 't1', result: { ok: false, error: { code: 'CANCELLED', message: 'x' } } },
    to: { panel: { kind: 'closed' }, notice: 'The check was cancelled.' },
  },
  {
    name: 'Copy identities asks main for the text',
    from: at({ kind: 'closed' }),
    action: { type: 'exportOpened' },
    to: { panel: { kind: 'export', exported: { status: 'loading' } } },
  },
  {
    name: 'the text is shown',
    from: at({ kind: 'export', exported: { status: 'loading' } }),
    action: { type: 'exportLoaded', result: { ok: true, value: { text: 'Account: a' } } },
    to: { panel: { kind: 'export', exported: { status: 'ready', text: 'Account: a', copied: null } } },
  },
  {
    name: 'the clipboard refused it: said, the text stays',
    from: at({ kind: 'export', exported: { status: 'ready', text: 'Account: a', copied: null } }),
    action: { type: 'exportCopied', copied: false },
    to: { panel: { kind: 'export', exported: { status: 'ready', text: 'Account: a', copied: false } } },
  },
  {
    name: 'an export main could not make says why',
    from: at({ kind: 'export', exported: { status: 'loading' } }),
    action: { type: 'exportLoaded', result: { ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } } },
    to: { panel: { kind: 'export', exported: { status: 'failed', message: 'Gone.' } } },
  },
  {
    name: 'a test email starts from the default identity',
    from: at({ kind: 'closed' }),
    action: { type: 'sendOpened', aliasId: 'al1' },
    to: { panel: { kind: 'send', send: { to: '', aliasId: 'al1', outcome: { status: 'idle' } } } },
  },
  {
    name: 'no recipient: the problem is shown, nothing sent',
    from: sending(),
    action: { type: 'sendSubmitted' },
    to: { panel: { send: { showProblems: true, outcome: { status: 'idle' } } } },
  },
  {
    name: 'a recipient: on its way',
    from: sending({ to: 'bob@example.org' }),
    action: { type: 'sendSubmitted' },
    to: { panel: { send: { outcome: { status: 'sending' } } } },
  },
  {
    name: 'sent: the result names where it went',
    from: sending({ to: ' bob@example.org ', outcome: { status: 'sending' } }),
    action: {
      type: 'sendFinished',
      result: { ok: true, value: { sent: true, messageId: '<m>', accepted: ['bob@example.org'], rejected: [] } },
    },
    to: { panel: { send: { outcome: { status: 'done', to: 'bob@example.org', result: { sent: true } } } } },
  },
  {
    name: 'the From cannot change while sending',
    from: sending({ to: 'bob@example.org', outcome: { status: 'sending' } }),
    action: { type: 'sendFromChanged', aliasId: 'al1' },
    to: 'same',
  },
]

describe('aliases reducer: adding', () => runReducerTable(aliasesReducer, add_rows))
describe('aliases reducer: remove, default, check, export, test email', () =>
  runReducerTable(aliasesReducer, other_rows))
