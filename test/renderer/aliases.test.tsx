import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/account.js'
import type { Result } from '../../src/shared/result.js'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account, alias } from './fixtures.js'

/** The send-as section of an account card: the list, adding, removing and the default From. */

const CHECKED_AT = '2025-03-04T08:00:00.000Z'
const SALES = alias({
  replyTo: 'team@example.org',
  lastCheck: {
    at: CHECKED_AT,
    sender: { ok: true, title: 'smtp.gmail.com accepts sales@example.org as sender' },
    roundTrip: { ok: false, rewritten: true, title: 'Gmail replaced sales@example.org with your account address' },
  },
})
const OLAF = alias({
  id: 'al2',
  name: '',
  address: 'olaf@other.example',
  smtp: { host: 'smtp.other.example', port: 587, security: 'starttls' },
  smtpUsername: 'olaf',
  isDefault: true,
  treatAsAlias: false,
  lastCheck: {
    at: CHECKED_AT,
    sender: { ok: false, cause: 'sender_not_allowed', title: 'The server will not send from this address' },
  },
})
const BOB = alias({ id: 'al3', name: 'Bob', address: 'bob@example.org' })
// accepted by Gmail's server, no test message yet: on Gmail that proves nothing
const PAT = alias({
  id: 'al4',
  name: '',
  address: 'pat@example.org',
  lastCheck: { at: CHECKED_AT, sender: { ok: true, title: 'smtp.gmail.com accepts pat@example.org as sender' } },
})

async function renderSection(accounts: AccountView[] = [account({ aliases: [SALES, OLAF, BOB] })]) {
  const fake = installFakeMailkey({ accounts })
  const user = userEvent.setup()
  render(<App />)
  const card = await screen.findByRole('listitem', { name: 'alice@gmail.com' })
  const section = within(card).getByRole('region', { name: /^Send-as addresses/ })
  return { fake, user, card, section }
}

const item = (section: HTMLElement, name: string | RegExp) => within(section).getByRole('listitem', { name })

describe('the list', () => {
  it('shows each address with its name, how it sends, and the default From', async () => {
    const { section } = await renderSection()
    expect(within(section).getAllByRole('listitem')).toHaveLength(3)
    // the account's own address comes first, outside the list (the card is named after it); an alias is
    // the default, so it is not
    const own = document.getElementById('account-acc1-aliases-own')?.parentElement?.parentElement
    if (!own) throw new Error('no own address')
    expect(
      own.compareDocumentPosition(within(section).getByRole('list')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(own.textContent).toContain('alice@gmail.com')
    expect(own.textContent).not.toContain('Default From')
    expect(within(own).getByRole('button', { name: 'Make default: alice@gmail.com' })).toBeTruthy()

    const sales = item(section, 'Alice Sales <sales@example.org>')
    expect(sales.textContent).toContain('Sends through the account’s outgoing server')
    expect(sales.textContent).toContain('Replies go to team@example.org')
    expect(within(sales).queryByText('Default From')).toBeNull()

    const olaf = item(section, 'olaf@other.example')
    expect(within(olaf).getByText('Default From')).toBeTruthy()
    expect(olaf.textContent).toContain(
      'Sends through its own server smtp.other.example port 587, STARTTLS, signing in as olaf',
    )
    expect(olaf.textContent).toContain('Not treated as an alias')
    expect(within(olaf).queryByRole('button', { name: /^Make default/ })).toBeNull()
  })

  it('says the last check of each check on its own line, in plain words, and when', async () => {
    const { section } = await renderSection([account({ aliases: [SALES, OLAF, BOB, PAT] })])
    const levels = (name: string | RegExp) =>
      within(item(section, name))
        .getAllByRole('term')
        .map((dt) => `${dt.textContent} → ${dt.nextElementSibling?.textContent}`)
    expect(levels('Alice Sales <sales@example.org>')).toEqual([
      'Server check → Accepted: smtp.gmail.com accepts sales@example.org as sender',
      'Test message → From rewritten: Gmail replaced sales@example.org with your account address',
    ])
    expect(levels('olaf@other.example')).toEqual([
      'Server check → Refused: The server will not send from this address',
      'Test message → Not sent: the server check failed',
    ])
    expect(levels('Bob <bob@example.org>')).toEqual(['Server check → Not checked yet'])
    // Gmail takes any sender when asked and rewrites later: accepted alone is not proof there
    expect(levels('pat@example.org')).toEqual([
      'Server check → Not proven yet: Gmail accepts any sender at this point and may replace the From later; only a test message proves it.',
      'Test message → Not sent',
    ])
    expect(section.textContent).not.toMatch(/level \d|MAIL FROM|X-Google/i)
    const when = item(section, 'Alice Sales <sales@example.org>').querySelector('time')
    expect(when?.getAttribute('dateTime')).toBe(CHECKED_AT)
  })
})

describe('adding an address', () => {
  async function openForm(accounts?: AccountView[]) {
    const r = await renderSection(accounts)
    await r.user.click(within(r.section).getByRole('button', { name: 'Add address' }))
    const form = within(r.section).getByRole('form', { name: 'Add a send-as address' })
    return { ...r, form }
  }

  it('opens on the name, says Gmail’s confirmation step for the typed address, and Escape closes it', async () => {
    const { user, form, section } = await openForm()
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Name (optional)' }))
    expect(within(section).getByRole('button', { name: 'Add address' }).getAttribute('aria-expanded')).toBe('true')
    expect(within(form).getByRole('checkbox', { name: 'Treat as an alias' })).toHaveProperty('checked', true)
    await user.type(within(form).getByRole('textbox', { name: 'Address' }), 'new@example.org')
    const gmail = within(form).getByRole('note', { name: 'Gmail confirms each address itself' })
    expect(gmail.textContent).toContain('with the subject “Gmail Confirmation - Send Mail as new@example.org”')
    await user.keyboard('{Escape}')
    expect(within(section).queryByRole('form')).toBeNull()
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Add address' }))
  })

  it('does not explain Gmail’s step for another provider', async () => {
    const { form } = await openForm([account({ providerId: null })])
    expect(within(form).queryByRole('note')).toBeNull()
  })

  it('names what is wrong, focuses it, and sends nothing', async () => {
    const { fake, user, form } = await openForm()
    await user.type(within(form).getByRole('textbox', { name: 'Address' }), 'sales@example.org')
    await user.click(within(form).getByRole('button', { name: 'Save address' }))
    const address = within(form).getByRole('textbox', { name: 'Address' })
    expect(document.activeElement).toBe(address)
    expect(address.getAttribute('aria-invalid')).toBe('true')
    expect(within(form).getByText('This account already has that address.')).toBeTruthy()
    expect(fake.api.addAlias).not.toHaveBeenCalled()
  })

  it('its own server: the disclosure, the wizard’s port and encryption coupling, a masked password', async () => {
    const { fake, user, form } = await openForm()
    const disclosure = within(form).getByRole('button', { name: 'Send through a different server' })
    expect(disclosure.getAttribute('aria-expanded')).toBe('false')
    expect(within(form).queryByRole('group', { name: 'Its own outgoing server' })).toBeNull()
    await user.click(disclosure)
    expect(disclosure.getAttribute('aria-expanded')).toBe('true')
    const server = within(form).getByRole('group', { name: 'Its own outgoing server' })
    const port = within(server).getByRole('textbox', { name: 'Port' })
    const security = within(server).getByRole<HTMLSelectElement>('combobox', { name: 'Encryption' })
    expect([...security.options].map((o) => o.text)).toEqual(['SSL/TLS', 'STARTTLS'])
    expect(security.value).toBe('starttls')
    await user.clear(port)
    await user.type(port, '465')
    expect(security.value).toBe('tls')
    await user.selectOptions(security, 'starttls')
    expect(port).toHaveProperty('value', '587')

    await user.type(within(form).getByRole('textbox', { name: 'Address' }), 'olaf.sales@other.example')
    await user.click(within(form).getByRole('button', { name: 'Save address' }))
    expect(within(server).getByText('Enter the username.')).toBeTruthy()
    expect(within(server).getByText('Enter the password.')).toBeTruthy()
    expect(document.activeElement).toBe(within(server).getByRole('textbox', { name: 'Server' }))
    expect(fake.api.addAlias).not.toHaveBeenCalled()

    await user.type(within(server).getByRole('textbox', { name: 'Server' }), 'smtp.other.example')
    await user.type(within(server).getByRole('textbox', { name: 'Username' }), 'olaf')
    const password = within(server).getByLabelText<HTMLInputElement>('Password for this server')
    await user.type(password, 'hunter2 secret')
    expect(password.type).toBe('password')
    await user.click(within(server).getByRole('button', { name: 'Show password' }))
    expect(password.type).toBe('text')
    fake.api.addAlias.mockResolvedValueOnce({ ok: true, value: account({ aliases: [SALES, OLAF, BOB] }) })
    await user.click(within(form).getByRole('button', { name: 'Save address' }))
    expect(fake.api.addAlias).toHaveBeenCalledWith({
      accountId: 'acc1',
      name: '',
      address: 'olaf.sales@other.example',
      treatAsAlias: true,
      smtp: { host: 'smtp.other.example', port: 587, security: 'starttls' },
      smtpUsername: 'olaf',
      password: 'hunter2 secret',
    })
  })

  it('added: the list shows it, focus lands on it, and it is announced', async () => {
    const { fake, user, form, section } = await openForm([account({ aliases: [SALES] })])
    const answer = pending<Result<AccountView>>()
    fake.api.addAlias.mockReturnValueOnce(answer.promise)
    await user.type(within(form).getByRole('textbox', { name: 'Name (optional)' }), 'Bob')
    await user.type(within(form).getByRole('textbox', { name: 'Address' }), 'bob@example.org')
    await user.type(within(form).getByRole('textbox', { name: 'Reply-to address (optional)' }), 'team@example.org')
    await user.click(within(form).getByRole('checkbox', { name: 'Treat as an alias' }))
    await user.click(within(form).getByRole('button', { name: 'Save address' }))
    expect(fake.api.addAlias).toHaveBeenCalledWith({
      accountId: 'acc1',
      name: 'Bob',
      address: 'bob@example.org',
      replyTo: 'team@example.org',
      treatAsAlias: false,
    })
    expect(within(form).getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true)
    await act(() => answer.resolve({ ok: true, value: account({ aliases: [SALES, BOB] }) }))
    expect(within(section).queryByRole('form')).toBeNull()
    const bob = item(section, 'Bob <bob@example.org>')
    expect(document.activeElement).toBe(within(bob).getByRole('heading'))
    expect(within(section).getByRole('status').textContent).toBe(
      'bob@example.org was added. Check it to prove you can send as it.',
    )
  })

  it('refused by main: the reason, and everything typed is still there', async () => {
    const { fake, user, form } = await openForm()
    fake.api.addAlias.mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'new@example.org is already an address of this account.' },
    })
    await user.type(within(form).getByRole('textbox', { name: 'Address' }), 'new@example.org')
    await user.click(within(form).getByRole('button', { name: 'Save address' }))
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'The address was not added: new@example.org is already an address of this account.',
    )
    expect(within(form).getByRole('textbox', { name: 'Address' })).toHaveProperty('value', 'new@example.org')
  })
})

describe('removing and the default From', () => {
  it('removes only after confirmation; Escape keeps it', async () => {
    const { fake, user, section } = await renderSection()
    const sales = item(section, 'Alice Sales <sales@example.org>')
    await user.click(within(sales).getByRole('button', { name: 'Remove sales@example.org' }))
    const confirm = within(sales).getByRole('group', { name: 'Remove sales@example.org?' })
    expect(confirm.textContent).toContain('Gmail’s “Send mail as”) are not touched')
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep address' }))
    await user.keyboard('{Escape}')
    expect(within(sales).queryByRole('group', { name: 'Remove sales@example.org?' })).toBeNull()
    expect(document.activeElement).toBe(within(sales).getByRole('button', { name: 'Remove sales@example.org' }))
    expect(fake.api.removeAlias).not.toHaveBeenCalled()

    fake.api.removeAlias.mockResolvedValueOnce({ ok: true, value: account({ aliases: [OLAF, BOB] }) })
    await user.click(within(sales).getByRole('button', { name: 'Remove sales@example.org' }))
    await user.click(within(sales).getByRole('button', { name: 'Remove address' }))
    expect(fake.api.removeAlias).toHaveBeenCalledWith({ accountId: 'acc1', aliasId: 'al1' })
    expect(await within(section).findByText('sales@example.org was removed.')).toBeTruthy()
    expect(within(section).queryByRole('listitem', { name: 'Alice Sales <sales@example.org>' })).toBeNull()
    expect(document.activeElement).toBe(within(section).getByRole('heading', { name: 'Send-as addresses' }))
  })

  it('an own-server alias says its saved password goes too', async () => {
    const { user, section } = await renderSection()
    const olaf = item(section, 'olaf@other.example')
    await user.click(within(olaf).getByRole('button', { name: 'Remove olaf@other.example' }))
    expect(within(olaf).getByRole('group').textContent).toContain(
      'Its own saved password is deleted from the keychain.',
    )
  })

  it('makes an alias the default, and the account’s own address again', async () => {
    const { fake, user, section } = await renderSection()
    fake.api.setDefaultAlias.mockResolvedValueOnce({
      ok: true,
      value: account({ aliases: [SALES, { ...OLAF, isDefault: false }, { ...BOB, isDefault: true }] }),
    })
    // a refused address and one Gmail rewrites would not send as themselves: no default for them
    expect(
      within(item(section, 'Alice Sales <sales@example.org>')).queryByRole('button', { name: /^Make default/ }),
    ).toBeNull()
    await user.click(within(section).getByRole('button', { name: 'Make default: bob@example.org' }))
    expect(fake.api.setDefaultAlias).toHaveBeenCalledWith({ accountId: 'acc1', aliasId: 'al3' })
    const bob = item(section, 'Bob <bob@example.org>')
    expect(await within(bob).findByText('Default From')).toBeTruthy()
    expect(document.activeElement).toBe(within(bob).getByRole('heading'))
    expect(within(section).getByRole('status').textContent).toBe('Mail now goes out from bob@example.org by default.')

    fake.api.setDefaultAlias.mockResolvedValueOnce({ ok: true, value: account({ aliases: [SALES, BOB] }) })
    await user.click(within(section).getByRole('button', { name: 'Make default: alice@gmail.com' }))
    expect(fake.api.setDefaultAlias).toHaveBeenLastCalledWith({ accountId: 'acc1', aliasId: null })
    expect(await within(section).findByText('Mail now goes out from alice@gmail.com by default.')).toBeTruthy()
  })

  it('a default main refused is said, and nothing changes', async () => {
    const { fake, user, section } = await renderSection()
    fake.api.setDefaultAlias.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That alias no longer exists.' },
    })
    await user.click(within(section).getByRole('button', { name: 'Make default: bob@example.org' }))
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'The default was not changed: That alias no longer exists.',
    )
    expect(within(item(section, 'olaf@other.example')).getByText('Default From')).toBeTruthy()
  })
})
