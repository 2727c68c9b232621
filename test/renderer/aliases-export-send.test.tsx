import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey } from './fake-mailkey.js'
import { account, alias } from './fixtures.js'

/** "Copy identities" and "Send a test email…" in an account's send-as section. */

const TEXT =
  'Mail settings for alice@gmail.com\n\nAccount: alice@gmail.com\nSend-as addresses:\n  - Alice Sales <sales@example.org>\n'
const SALES = alias()
const OWN = alias({
  id: 'al2',
  name: '',
  address: 'olaf@other.example',
  smtp: { host: 'smtp.other.example', port: 587, security: 'starttls' },
  smtpUsername: 'olaf',
  isDefault: true,
})

async function renderSection() {
  const fake = installFakeMailkey({ accounts: [account({ aliases: [SALES, OWN] })] })
  const user = userEvent.setup()
  render(<App />)
  const card = await screen.findByRole('listitem', { name: 'alice@gmail.com' })
  const section = within(card).getByRole('region', { name: /^Send-as addresses/ })
  return { fake, user, section }
}

describe('copy identities', () => {
  it('shows the text read-only and puts it on the clipboard', async () => {
    const { fake, user, section } = await renderSection()
    fake.api.exportIdentities.mockResolvedValueOnce({ ok: true, value: { text: TEXT } })
    await user.click(within(section).getByRole('button', { name: 'Copy identities' }))
    expect(fake.api.exportIdentities).toHaveBeenCalledWith({ accountId: 'acc1' })
    const text = await within(section).findByRole<HTMLTextAreaElement>('textbox', { name: 'Settings to hand on' })
    expect(text.value).toBe(TEXT)
    expect(text.readOnly).toBe(true)
    expect(document.activeElement).toBe(within(section).getByRole('heading', { name: 'Identities of alice@gmail.com' }))
    expect(await within(section).findByText('Copied to the clipboard. It holds no password.')).toBeTruthy()
    expect(await navigator.clipboard.readText()).toBe(TEXT)
    await user.keyboard('{Escape}')
    expect(within(section).queryByRole('textbox', { name: 'Settings to hand on' })).toBeNull()
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Copy identities' }))
  })

  it('the clipboard refused: says so and selects the text for Ctrl+C', async () => {
    const { fake, user, section } = await renderSection()
    fake.api.exportIdentities.mockResolvedValueOnce({ ok: true, value: { text: TEXT } })
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'))
    await user.click(within(section).getByRole('button', { name: 'Copy identities' }))
    expect(
      await within(section).findByText(
        'Mailkey could not use the clipboard. The text is selected below: press Ctrl+C to copy it.',
      ),
    ).toBeTruthy()
    const text = within(section).getByRole<HTMLTextAreaElement>('textbox', { name: 'Settings to hand on' })
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, TEXT.length])
  })

  it('an export main could not make says why', async () => {
    const { fake, user, section } = await renderSection()
    fake.api.exportIdentities.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That account no longer exists.' },
    })
    await user.click(within(section).getByRole('button', { name: 'Copy identities' }))
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'The identities could not be exported: That account no longer exists.',
    )
  })
})

describe('send a test email', () => {
  async function openForm() {
    const r = await renderSection()
    await r.user.click(within(r.section).getByRole('button', { name: 'Send a test email…' }))
    const form = within(r.section).getByRole('form', { name: 'Send a test email' })
    return { ...r, form }
  }

  it('starts from the default From, and names a missing or wrong recipient without sending', async () => {
    const { fake, user, form } = await openForm()
    const to = within(form).getByRole('textbox', { name: 'Send to' })
    expect(document.activeElement).toBe(to)
    const from = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'From' })
    expect([...from.options].map((o) => o.text)).toEqual([
      'alice@gmail.com',
      'Alice Sales <sales@example.org>',
      'olaf@other.example',
    ])
    expect(from.selectedOptions[0]?.text).toBe('olaf@other.example')
    expect(form.textContent).toContain('sent through olaf@other.example’s own server')
    await user.click(within(form).getByRole('button', { name: 'Send test email' }))
    expect(within(form).getByText('Enter the address to send to.')).toBeTruthy()
    await user.type(to, 'bob at example')
    await user.click(within(form).getByRole('button', { name: 'Send test email' }))
    expect(within(form).getByText('Enter an email address like name@gmail.com.')).toBeTruthy()
    expect(document.activeElement).toBe(to)
    expect(fake.api.sendTestMessage).not.toHaveBeenCalled()
  })

  it('sends from the chosen identity and says where it went', async () => {
    const { fake, user, form, section } = await openForm()
    fake.api.sendTestMessage.mockResolvedValueOnce({
      ok: true,
      value: { sent: true, messageId: '<m@x>', accepted: ['bob@example.org'], rejected: [] },
    })
    await user.type(within(form).getByRole('textbox', { name: 'Send to' }), ' bob@example.org')
    // by value: user-event matches labels as HTML, where < is &lt;
    await user.selectOptions(within(form).getByRole('combobox', { name: 'From' }), 'al1')
    await user.click(within(form).getByRole('button', { name: 'Send test email' }))
    expect(fake.api.sendTestMessage).toHaveBeenCalledWith({
      accountId: 'acc1',
      to: 'bob@example.org',
      aliasId: 'al1',
    })
    const result = await within(form).findByText('Sent to bob@example.org')
    expect(result.parentElement?.textContent).toContain('The server accepted it for bob@example.org.')
    expect(document.activeElement).toBe(result.parentElement)
    expect(within(section).getByRole('status').textContent).toBe('The test message to bob@example.org was sent.')
  })

  it('from the account’s own address: no alias is named', async () => {
    const { fake, user, form } = await openForm()
    fake.api.sendTestMessage.mockResolvedValueOnce({
      ok: true,
      value: { sent: true, messageId: '<m@x>', accepted: ['bob@example.org'], rejected: [] },
    })
    await user.type(within(form).getByRole('textbox', { name: 'Send to' }), 'bob@example.org')
    await user.selectOptions(within(form).getByRole('combobox', { name: 'From' }), 'alice@gmail.com')
    await user.click(within(form).getByRole('button', { name: 'Send test email' }))
    expect(fake.api.sendTestMessage).toHaveBeenCalledWith({ accountId: 'acc1', to: 'bob@example.org' })
  })

  it('not sent: the diagnosis with the server’s words and its fix', async () => {
    const { fake, user, form } = await openForm()
    fake.api.sendTestMessage.mockResolvedValueOnce({
      ok: true,
      value: {
        sent: false,
        diagnosis: {
          cause: 'sender_not_allowed',
          title: 'Gmail will not send from this address',
          explanation: 'Add it under “Send mail as” first.',
          serverText: '553 5.7.1 Sender address rejected: not owned by user alice@gmail.com',
          fix: { kind: 'open-url', url: 'https://mail.google.com/mail/u/0/#settings/accounts', label: 'Open Gmail' },
        },
      },
    })
    await user.type(within(form).getByRole('textbox', { name: 'Send to' }), 'bob@example.org')
    // by value: user-event matches labels as HTML, where < is &lt;
    await user.selectOptions(within(form).getByRole('combobox', { name: 'From' }), 'al1')
    await user.click(within(form).getByRole('button', { name: 'Send test email' }))
    const diagnosis = await within(form).findByRole('group', { name: 'Gmail will not send from this address' })
    expect(diagnosis.textContent).toContain('553 5.7.1 Sender address rejected: not owned by user alice@gmail.com')
    await user.click(within(diagnosis).getByRole('button', { name: 'Open Gmail' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://mail.google.com/mail/u/0/#settings/accounts' })
  })
})
