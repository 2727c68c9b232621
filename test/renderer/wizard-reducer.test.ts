import { describe } from 'vitest'
import { addressState, passwordState, serversState } from '../../src/renderer/src/wizard/wizard-state.js'
import { APP_PASSWORD, BOTH_PASSED, CUSTOM_DETECTED, GMAIL_DETECTED, customSetup, gmailSetup } from './fixtures.js'
import { address, finished, found, runTable, TESTED, testing, type Row } from './reducer-table.js'

/** The wizard's transitions up to the test, as tables: address, back and forward, password, servers. */

const address_rows: Row[] = [
  {
    name: 'typing the address',
    from: address(''),
    action: { type: 'addressChanged', email: 'a@b.co' },
    to: { step: 'address', email: 'a@b.co' },
  },
  {
    name: 'typing clears a pending advance',
    from: address('a@b.co', { advanceWhenFound: true }),
    action: { type: 'addressChanged', email: 'a@b.com' },
    to: { advanceWhenFound: false },
  },
  {
    name: 'typing the name',
    from: address(''),
    action: { type: 'displayNameChanged', displayName: 'Al' },
    to: { displayName: 'Al' },
  },
  {
    name: 'detection starts for the current address',
    from: address(' alice@gmail.com '),
    action: { type: 'detectionStarted', email: 'alice@gmail.com' },
    to: { detection: { status: 'detecting', email: 'alice@gmail.com' } },
  },
  {
    name: 'detection of an old address is ignored',
    from: address('alice@gmail.com'),
    action: { type: 'detectionStarted', email: 'alic@gmail.com' },
    to: 'same',
  },
  {
    name: 'detection found stays on the step',
    from: address('alice@gmail.com'),
    action: { type: 'detectionFinished', email: 'alice@gmail.com', result: { ok: true, value: GMAIL_DETECTED } },
    to: { step: 'address', detection: found('alice@gmail.com') },
  },
  {
    name: 'a late answer for an old address is dropped',
    from: address('alice@gmail.com'),
    action: { type: 'detectionFinished', email: 'alic@gmail.com', result: { ok: true, value: GMAIL_DETECTED } },
    to: 'same',
  },
  {
    name: 'detection failure is shown',
    from: address('alice@gmail.com'),
    action: {
      type: 'detectionFinished',
      email: 'alice@gmail.com',
      result: { ok: false, error: { code: 'INTERNAL', message: 'boom' } },
    },
    to: { detection: { status: 'failed', message: 'boom' } },
  },
  {
    name: 'Continue with a malformed address shows the problem',
    from: address('alice@'),
    action: { type: 'addressSubmitted' },
    to: { step: 'address', showProblems: true, advanceWhenFound: false },
  },
  {
    name: 'Continue for Gmail goes to the app-password guidance',
    from: address('alice@gmail.com', { displayName: ' Alice ', detection: found('alice@gmail.com') }),
    action: { type: 'addressSubmitted' },
    to: {
      step: 'app-password',
      setup: {
        email: 'alice@gmail.com',
        displayName: 'Alice',
        password: '',
        incoming: { host: 'imap.gmail.com', port: '993' },
      },
    },
  },
  {
    name: 'Continue for an unknown provider goes straight to the password',
    from: address('bob@example.org', { detection: found('bob@example.org', CUSTOM_DETECTED) }),
    action: { type: 'addressSubmitted' },
    to: { step: 'password', showCheck: false },
  },
  {
    name: 'Continue while detecting waits for it',
    from: address('alice@gmail.com', { detection: { status: 'detecting', email: 'alice@gmail.com' } }),
    action: { type: 'addressSubmitted' },
    to: { step: 'address', advanceWhenFound: true },
  },
  {
    name: 'the awaited detection then advances',
    from: address('alice@gmail.com', {
      advanceWhenFound: true,
      detection: { status: 'detecting', email: 'alice@gmail.com' },
    }),
    action: { type: 'detectionFinished', email: 'alice@gmail.com', result: { ok: true, value: GMAIL_DETECTED } },
    to: { step: 'app-password' },
  },
  {
    name: 'Continue after a failed lookup retries it',
    from: address('alice@gmail.com', { detection: { status: 'failed', email: 'alice@gmail.com', message: 'x' } }),
    action: { type: 'addressSubmitted' },
    to: { detection: { status: 'idle' }, advanceWhenFound: true },
  },
  {
    name: 'coming back with the same address keeps the setup',
    from: {
      ...addressState(
        gmailSetup({ incoming: { protocol: 'imap', host: 'edited.example', port: '993', security: 'tls' } }),
      ),
      displayName: 'Al',
    },
    action: { type: 'addressSubmitted' },
    to: {
      step: 'app-password',
      setup: { password: APP_PASSWORD, displayName: 'Al', incoming: { host: 'edited.example' } },
    },
  },
  {
    name: 'fixing a typo at the same provider keeps the password',
    from: { ...addressState(gmailSetup()), email: 'alice2@gmail.com', detection: found('alice2@gmail.com') },
    action: { type: 'addressSubmitted' },
    to: { setup: { email: 'alice2@gmail.com', password: APP_PASSWORD } },
  },
  {
    name: 'another provider starts a fresh setup without the password',
    from: {
      ...addressState(gmailSetup()),
      email: 'bob@example.org',
      detection: found('bob@example.org', CUSTOM_DETECTED),
    },
    action: { type: 'addressSubmitted' },
    to: { step: 'password', setup: { email: 'bob@example.org', password: '', incoming: { host: 'imap.example.org' } } },
  },
]

const navigation_rows: Row[] = [
  { name: 'back on the first step does nothing', from: address('a@b.co'), action: { type: 'back' }, to: 'same' },
  {
    name: 'back from the guidance to the address, still recognised',
    from: { step: 'app-password', setup: gmailSetup() },
    action: { type: 'back' },
    to: { step: 'address', email: 'alice@gmail.com', displayName: 'Alice', detection: { status: 'found' } },
  },
  {
    name: 'guidance read → password',
    from: { step: 'app-password', setup: gmailSetup() },
    action: { type: 'guidanceRead' },
    to: { step: 'password', setup: { password: APP_PASSWORD } },
  },
  {
    name: 'back from the password to the guidance (Gmail)',
    from: passwordState(gmailSetup()),
    action: { type: 'back' },
    to: { step: 'app-password' },
  },
  {
    name: 'back from the password to the address (no guidance)',
    from: passwordState(customSetup()),
    action: { type: 'back' },
    to: { step: 'address', email: 'bob@example.org' },
  },
  {
    name: 'back from the servers keeps the password',
    from: serversState(gmailSetup()),
    action: { type: 'back' },
    to: { step: 'password', setup: { password: APP_PASSWORD } },
  },
  {
    name: 'back from a finished test to the servers',
    from: finished(BOTH_PASSED),
    action: { type: 'back' },
    to: { step: 'servers', editing: false },
  },
  { name: 'back while a test runs does nothing', from: testing(), action: { type: 'back' }, to: 'same' },
  {
    name: 'actions of another step change nothing',
    from: serversState(gmailSetup()),
    action: { type: 'passwordChanged', raw: 'x', pasted: false },
    to: 'same',
  },
]

const password_rows: Row[] = [
  {
    name: 'a pasted app password loses its spaces and is checked at once',
    from: passwordState(gmailSetup({ password: '' })),
    action: { type: 'passwordChanged', raw: 'abcd efgh ijkl mnop', pasted: true },
    to: { setup: { password: APP_PASSWORD }, showCheck: true },
  },
  {
    name: 'typing is not checked before Continue',
    from: passwordState(gmailSetup({ password: '' })),
    action: { type: 'passwordChanged', raw: 'abc', pasted: false },
    to: { setup: { password: 'abc' }, showCheck: false },
  },
  {
    name: 'a normal password keeps its spaces',
    from: passwordState(customSetup({ password: '' })),
    action: { type: 'passwordChanged', raw: 'correct horse ', pasted: true },
    to: { setup: { password: 'correct horse ' } },
  },
  {
    name: 'Continue with a short app password stays and shows why',
    from: passwordState(gmailSetup({ password: 'abcdefgh' })),
    action: { type: 'passwordSubmitted' },
    to: { step: 'password', showCheck: true },
  },
  {
    name: 'Continue with an empty normal password stays',
    from: passwordState(customSetup({ password: '' })),
    action: { type: 'passwordSubmitted' },
    to: { step: 'password', showCheck: true },
  },
  {
    name: 'Continue with a good app password → servers',
    from: passwordState(gmailSetup()),
    action: { type: 'passwordSubmitted' },
    to: { step: 'servers', editing: false },
  },
]

const servers_rows: Row[] = [
  {
    name: 'open the editor',
    from: serversState(gmailSetup()),
    action: { type: 'editorToggled', open: true },
    to: { editing: true, focus: null },
  },
  {
    name: 'port 587 brings STARTTLS',
    from: serversState(gmailSetup()),
    action: { type: 'serverChanged', side: 'outgoing', change: { field: 'port', value: '587' } },
    to: { setup: { outgoing: { port: '587', security: 'starttls' } } },
  },
  {
    name: 'port 143 brings STARTTLS',
    from: serversState(gmailSetup()),
    action: { type: 'serverChanged', side: 'incoming', change: { field: 'port', value: '143' } },
    to: { setup: { incoming: { port: '143', security: 'starttls' } } },
  },
  {
    name: 'STARTTLS on 465 moves to 587',
    from: serversState(gmailSetup()),
    action: { type: 'serverChanged', side: 'outgoing', change: { field: 'security', value: 'starttls' } },
    to: { setup: { outgoing: { port: '587', security: 'starttls' } } },
  },
  {
    name: 'POP3 takes the provider’s POP3 server',
    from: serversState(gmailSetup()),
    action: { type: 'serverChanged', side: 'incoming', change: { field: 'protocol', value: 'pop3' } },
    to: { setup: { incoming: { protocol: 'pop3', host: 'pop.gmail.com', port: '995', security: 'tls' } } },
  },
  {
    name: 'editing the host',
    from: serversState(gmailSetup()),
    action: { type: 'serverChanged', side: 'outgoing', change: { field: 'host', value: 'mail.example' } },
    to: { setup: { outgoing: { host: 'mail.example', port: '465' } } },
  },
  {
    name: 'editing the sign-in name',
    from: serversState(gmailSetup()),
    action: { type: 'usernameChanged', username: 'alice' },
    to: { setup: { username: 'alice' } },
  },
  {
    name: 'Test with valid servers starts a run of exactly those',
    from: serversState(gmailSetup()),
    action: { type: 'testRequested', testId: 't9' },
    to: { step: 'test', run: { status: 'running', testId: 't9', tested: TESTED, cancelling: false } },
  },
  {
    name: 'Test with a bad host opens the editor on the problems',
    from: serversState(gmailSetup({ outgoing: { host: 'smtp gmail', port: '465', security: 'tls' } })),
    action: { type: 'testRequested', testId: 't9' },
    to: { step: 'servers', editing: true, showProblems: true },
  },
  {
    name: 'Test with an empty port opens the editor',
    from: serversState(
      gmailSetup({ incoming: { protocol: 'imap', host: 'imap.gmail.com', port: '', security: 'tls' } }),
    ),
    action: { type: 'testRequested', testId: 't9' },
    to: { step: 'servers', showProblems: true },
  },
]

describe('wizard reducer: address', () => runTable(address_rows))
describe('wizard reducer: back and forward', () => runTable(navigation_rows))
describe('wizard reducer: password', () => runTable(password_rows))
describe('wizard reducer: servers', () => runTable(servers_rows))
