import { describe, expect, it } from 'vitest'
import {
  BLANK_ALIAS_DRAFT,
  changeAliasDraft,
  parseAliasDraft,
  type AliasDraft,
  type AliasDraftChange,
} from '../../src/renderer/src/aliases/alias-draft.js'
import { account, alias } from './fixtures.js'

/** The "Add address" form: each edit, and what it sends to main (or what it says is wrong). */

const ACCOUNT = account({ aliases: [alias({ address: 'sales@example.org' })] })
const draft = (extra: Partial<AliasDraft> = {}): AliasDraft => ({ ...BLANK_ALIAS_DRAFT, ...extra })
const own = (extra: Partial<AliasDraft> = {}): AliasDraft =>
  draft({
    address: 'olaf@other.example',
    ownServer: true,
    smtp: { host: 'smtp.other.example', port: '587', security: 'starttls' },
    username: 'olaf@other.example',
    password: 'secret',
    ...extra,
  })

describe('editing the form', () => {
  const rows: { name: string; from: AliasDraft; change: AliasDraftChange; to: Partial<AliasDraft> }[] = [
    {
      name: 'typing the address',
      from: draft(),
      change: { field: 'address', value: 'a@b.c' },
      to: { address: 'a@b.c' },
    },
    {
      name: 'port 465 brings SSL/TLS along, as in the wizard',
      from: draft(),
      change: { field: 'port', value: '465' },
      to: { smtp: { host: '', port: '465', security: 'tls' } },
    },
    {
      name: 'a non-standard port keeps the chosen encryption',
      from: draft(),
      change: { field: 'port', value: '2525' },
      to: { smtp: { host: '', port: '2525', security: 'starttls' } },
    },
    {
      name: 'SSL/TLS on the STARTTLS standard port moves the port to 465',
      from: draft(),
      change: { field: 'security', value: 'tls' },
      to: { smtp: { host: '', port: '465', security: 'tls' } },
    },
    {
      name: 'STARTTLS on a non-standard port leaves the port alone',
      from: draft({ smtp: { host: '', port: '2525', security: 'tls' } }),
      change: { field: 'security', value: 'starttls' },
      to: { smtp: { host: '', port: '2525', security: 'starttls' } },
    },
    {
      name: 'the disclosure opens',
      from: draft(),
      change: { field: 'ownServer', value: true },
      to: { ownServer: true },
    },
    {
      name: '"Treat as an alias" can be turned off',
      from: draft(),
      change: { field: 'treatAsAlias', value: false },
      to: { treatAsAlias: false },
    },
  ]
  it.each(rows)('$name', ({ from, change, to }) => {
    expect(changeAliasDraft(from, change)).toMatchObject(to)
  })

  it('starts with "Treat as an alias" on and the disclosure closed on 587/STARTTLS', () => {
    expect(BLANK_ALIAS_DRAFT).toMatchObject({
      treatAsAlias: true,
      ownServer: false,
      smtp: { port: '587', security: 'starttls' },
    })
  })
})

describe('checking the form', () => {
  const problems: { name: string; from: AliasDraft; problems: Record<string, string> }[] = [
    { name: 'no address', from: draft(), problems: { address: 'Enter the address.' } },
    {
      name: 'not an address',
      from: draft({ address: 'sales at example' }),
      problems: { address: 'Enter an email address like name@gmail.com.' },
    },
    {
      name: 'the account’s own address, in any case',
      from: draft({ address: 'Alice@Gmail.com' }),
      problems: { address: 'That is the account’s own address; add another one.' },
    },
    {
      name: 'an address the account already has',
      from: draft({ address: 'SALES@example.org' }),
      problems: { address: 'This account already has that address.' },
    },
    {
      name: 'a reply-to that is not an address',
      from: draft({ address: 'new@example.org', replyTo: 'nope' }),
      problems: { replyTo: 'Enter an email address like name@gmail.com.' },
    },
    {
      name: 'a name over 200 characters',
      from: draft({ address: 'new@example.org', name: 'x'.repeat(201) }),
      problems: { name: 'A name is at most 200 characters.' },
    },
    {
      name: 'its own server without anything filled in',
      from: draft({ address: 'new@example.org', ownServer: true, smtp: { host: '', port: '', security: 'tls' } }),
      problems: {
        host: 'Enter a server name like imap.gmail.com (letters, digits, dots and dashes only).',
        port: 'Enter the port as a number, like 993.',
        username: 'Enter the username.',
        password: 'Enter the password.',
      },
    },
    {
      name: 'its own server on a port out of range',
      from: own({ smtp: { host: 'smtp.other.example', port: '70000', security: 'tls' } }),
      problems: { port: 'The port must be between 1 and 65535.' },
    },
  ]
  it.each(problems)('names the problem: $name', ({ from, problems: expected }) => {
    const parsed = parseAliasDraft(from, ACCOUNT)
    expect(parsed).toEqual({ ok: false, problems: expected })
  })

  it('sends name, address, reply-to and the alias setting; no server of its own when the disclosure is closed', () => {
    const parsed = parseAliasDraft(
      draft({
        name: '  Sales ',
        address: ' new@example.org ',
        replyTo: 'team@example.org',
        treatAsAlias: false,
        // typed, then the disclosure closed again: none of it goes to main
        smtp: { host: 'smtp.x.example', port: '465', security: 'tls' },
        username: 'u',
        password: 'p',
      }),
      ACCOUNT,
    )
    expect(parsed).toEqual({
      ok: true,
      input: {
        accountId: 'acc1',
        name: 'Sales',
        address: 'new@example.org',
        replyTo: 'team@example.org',
        treatAsAlias: false,
      },
    })
  })

  it('sends its own server, username and password together', () => {
    expect(parseAliasDraft(own(), ACCOUNT)).toEqual({
      ok: true,
      input: {
        accountId: 'acc1',
        name: '',
        address: 'olaf@other.example',
        treatAsAlias: true,
        smtp: { host: 'smtp.other.example', port: 587, security: 'starttls' },
        smtpUsername: 'olaf@other.example',
        password: 'secret',
      },
    })
  })

  it('a Gmail app password pasted with its spaces loses them for smtp.gmail.com, and only there', () => {
    const gmail = parseAliasDraft(
      own({ smtp: { host: 'smtp.gmail.com', port: '587', security: 'starttls' }, password: 'abcd efgh ijkl mnop' }),
      ACCOUNT,
    )
    expect(gmail.ok && gmail.input.password).toBe('abcdefghijklmnop')
    const relay = parseAliasDraft(own({ password: 'pass with spaces' }), ACCOUNT)
    expect(relay.ok && relay.input.password).toBe('pass with spaces')
  })
})
