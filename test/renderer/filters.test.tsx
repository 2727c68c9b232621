import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import type { IncomingFilter } from '../../src/shared/filters/filter.js'
import type { FilterPreview, FilterUpload } from '../../src/shared/filters/results.js'
import type { Result } from '../../src/shared/result.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account } from './fixtures.js'

const SAVED: IncomingFilter = {
  mode: 'ignore',
  addresses: [],
  domains: ['spam.test'],
  keywords: ['lottery'],
  ignored: { kind: 'folder', folder: 'Ignored' },
}

async function openEditor(filter: IncomingFilter | null = null) {
  const fake = installFakeMailkey({ accounts: [account({ filter })] })
  const user = userEvent.setup()
  render(<App />)
  const label = `${filter ? 'Edit filter' : 'Add a filter'} for alice@gmail.com`
  await user.click(await screen.findByRole('button', { name: label }))
  const form = screen.getByRole('form', { name: 'Incoming filter of alice@gmail.com' })
  return { fake, user, form }
}

// these type and paste long texts: give them room on a loaded machine
describe('incoming filter on the account card', { timeout: 15_000 }, () => {
  it('10,000 keywords: a clear message on the field, nothing saved and nothing of the text lost', async () => {
    const { fake, user, form } = await openEditor()
    const keywords = within(form).getByRole('textbox', { name: 'Keywords' })
    const text = Array.from({ length: 10_000 }, (_, i) => `word ${i}`).join('\n')
    await user.click(keywords)
    await user.paste(text)
    await user.click(within(form).getByRole('button', { name: 'Save filter' }))
    expect(fake.api.setFilter).not.toHaveBeenCalled()
    expect(keywords.getAttribute('aria-invalid')).toBe('true')
    expect(form.textContent).toContain('Keywords: 10,000 entries; at most 1,000 fit in one list.')
    expect(keywords).toHaveProperty('value', text)
    await new Promise((r) => requestAnimationFrame(r))
    expect(document.activeElement).toBe(keywords)
  })

  it('Escape closes the editor without losing what was typed; Discard changes goes back to the saved filter', async () => {
    const { user, form } = await openEditor(SAVED)
    const keywords = within(form).getByRole('textbox', { name: 'Keywords' })
    await user.click(keywords)
    await user.paste('\nprize')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('form')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Edit filter for alice@gmail.com' }))
    const again = screen.getByRole('form', { name: 'Incoming filter of alice@gmail.com' })
    expect(within(again).getByRole('textbox', { name: 'Keywords' })).toHaveProperty('value', 'lottery\nprize')
    await user.click(within(again).getByRole('button', { name: 'Discard changes' }))
    expect(within(again).getByRole('textbox', { name: 'Keywords' })).toHaveProperty('value', 'lottery')
    expect(within(again).queryByRole('button', { name: 'Discard changes' })).toBeNull()
  })

  it('repeats and blank lines are left out (and said), a wrong address is named by its line; then it saves', async () => {
    const { fake, user, form } = await openEditor()
    fake.api.setFilter.mockImplementation((input) =>
      Promise.resolve({ ok: true, value: account({ filter: input.filter }) }),
    )
    const addresses = within(form).getByRole('textbox', { name: 'Addresses' })
    await user.click(addresses)
    await user.paste('Boss@Client.test\n\nboss@client.test\nnot-an-address')
    await user.click(within(form).getByRole('button', { name: 'Save filter' }))
    expect(form.textContent).toContain('Line 4: "not-an-address" is not an email address.')
    expect(form.textContent).toContain('Left out 1 repeated entry and 1 blank line.')
    expect(fake.api.setFilter).not.toHaveBeenCalled()
    await user.clear(addresses)
    await user.paste('Boss@Client.test\nboss@client.test')
    await user.click(within(form).getByRole('radio', { name: /Allow: keep only/ }))
    await user.click(within(form).getByRole('radio', { name: /Delete it on arrival/ }))
    await user.click(within(form).getByRole('button', { name: 'Save filter' }))
    expect(fake.api.setFilter).toHaveBeenCalledWith({
      accountId: 'acc1',
      filter: {
        mode: 'allow',
        addresses: ['boss@client.test'],
        domains: [],
        keywords: [],
        ignored: { kind: 'discard' },
      },
    })
    expect(await screen.findByText('Allow: 1 address, 0 domains, 0 keywords. Ignored mail is deleted.')).toBeTruthy()
  })

  it('previews the draft on the inbox, and judges again as the lists change without reading the inbox again', async () => {
    const { fake, user, form } = await openEditor(SAVED)
    const answer = pending<Result<FilterPreview>>()
    fake.api.previewFilter.mockReturnValueOnce(answer.promise)
    await user.click(within(form).getByRole('button', { name: 'Preview on the inbox' }))
    expect(fake.api.previewFilter.mock.calls[0]?.[0]).toMatchObject({ accountId: 'acc1', filter: SAVED })
    expect(form.textContent).toContain('Reading the newest 50 messages (headers only)…')
    await act(() =>
      answer.resolve({
        ok: true,
        value: {
          ok: true,
          total: 120,
          messages: [
            {
              uid: 2,
              date: '2026-11-30T10:00:00.000Z',
              from: ['win@spam.test'],
              fromName: '',
              subject: 'You won',
              verdict: 'ignored',
              rule: { list: 'domains', entry: 'spam.test' },
            },
            {
              uid: 1,
              date: null,
              from: ['boss@client.test'],
              fromName: 'Boss',
              subject: 'Plan',
              verdict: 'allowed',
              rule: null,
            },
          ],
        },
      }),
    )
    const table = within(form).getByRole('table')
    expect(table.textContent).toContain('The newest 2 of 120 messages in the inbox: 1 allowed, 1 ignored.')
    expect(within(table).getByRole('row', { name: /You won/ }).textContent).toContain('IgnoredDomain “spam.test”')
    await user.click(within(form).getByRole('textbox', { name: 'Addresses' }))
    await user.paste('boss@client.test')
    expect(within(table).getByRole('row', { name: /Plan/ }).textContent).toContain('IgnoredAddress “boss@client.test”')
    expect(fake.api.previewFilter).toHaveBeenCalledTimes(1)
  })

  it('shows the script first; uploads exactly that script; a server without ManageSieve says where to paste it', async () => {
    const fake = installFakeMailkey({ accounts: [account({ filter: SAVED })] })
    const user = userEvent.setup()
    render(<App />)
    const script =
      'require ["fileinto", "mailbox"];\nif address :domain :is "from" ["spam.test"] {\n  fileinto :create "Ignored";\n  stop;\n}\n'
    fake.api.exportFilter.mockResolvedValueOnce({
      ok: true,
      value: {
        script,
        fileName: 'mailkey-alice.sieve',
        pasteAt: {
          text: 'Gmail does not run Sieve scripts.',
          url: 'https://mail.google.com/mail/u/0/#settings/filters',
        },
      },
    })
    const upload: FilterUpload = {
      uploaded: false,
      reason: 'not-offered',
      message: 'No ManageSieve service answered at imap.gmail.com port 4190.',
      server: { host: 'imap.gmail.com', port: 4190 },
      pasteAt: { text: 'Gmail does not run Sieve scripts.', url: 'https://mail.google.com/mail/u/0/#settings/filters' },
    }
    fake.api.uploadFilter.mockResolvedValueOnce({ ok: true, value: upload })
    await user.click(await screen.findByRole('button', { name: 'Show the script…' }))
    const panel = screen.getByRole('region', { name: 'Filter script (Sieve)' })
    expect(within(panel).getByRole('textbox', { name: 'The script' })).toHaveProperty('value', script)
    expect(fake.api.uploadFilter).not.toHaveBeenCalled()
    await user.click(within(panel).getByRole('button', { name: 'Upload and switch on' }))
    expect(fake.api.uploadFilter.mock.calls[0]?.[0]).toMatchObject({
      accountId: 'acc1',
      script,
      sieve: { host: 'imap.gmail.com', port: 4190 },
    })
    const alert = await within(panel).findByRole('alert')
    expect(alert.textContent).toContain('Not uploaded: No ManageSieve service answered')
    expect(alert.textContent).toContain('Instead: Gmail does not run Sieve scripts.')
    await user.click(within(alert).getByRole('button', { name: 'Open the page' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://mail.google.com/mail/u/0/#settings/filters' })
  })
})
