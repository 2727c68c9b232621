import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import type { GroupView } from '../../src/shared/group.js'
import type { Outputs } from '../../src/shared/ipc/contract.js'
import type { Result } from '../../src/shared/result.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account, BOTH_PASSED, outgoingFailed } from './fixtures.js'

const ALICE = account()
const OFFICE: GroupView = {
  id: 'g1',
  name: 'Front desk',
  defaults: { incoming: ALICE.incoming, outgoing: ALICE.outgoing, login: 'address' },
  createdAt: '2026-11-30T00:00:00.000Z',
  members: [],
}

describe('groups', { timeout: 15_000 }, () => {
  it("creates a group from a saved account's servers", async () => {
    const fake = installFakeMailkey({ accounts: [ALICE] })
    fake.api.createGroup.mockResolvedValue({ ok: true, value: OFFICE })
    fake.api.listGroups
      .mockResolvedValueOnce({ ok: true, value: { groups: [] } })
      .mockResolvedValue({ ok: true, value: { groups: [OFFICE] } })
    const user = userEvent.setup()
    render(<App />)
    const form = (await screen.findByRole('button', { name: 'Create group' })).closest('form') as HTMLFormElement
    await user.click(within(form).getByRole('button', { name: 'Create group' }))
    expect(screen.getByRole('alert').textContent).toContain('Give the group a name.')
    expect(fake.api.createGroup).not.toHaveBeenCalled()
    await user.type(within(form).getByLabelText('New group'), '  Front desk ')
    expect(within(form).getByLabelText<HTMLInputElement>('Servers from').value).toBe(ALICE.id)
    await user.keyboard('{Enter}')
    expect(fake.api.createGroup).toHaveBeenCalledWith({ name: 'Front desk', fromAccountId: ALICE.id })
    expect(await screen.findByRole('heading', { name: 'Front desk' })).toBeTruthy()
    expect(screen.getByText('The group Front desk was created.')).toBeTruthy()
  })

  it('adds a mailbox in two fields: live stages, the diagnosis when refused, nothing lost; then saved', async () => {
    const fake = installFakeMailkey({ accounts: [ALICE] })
    fake.api.listGroups.mockResolvedValue({ ok: true, value: { groups: [OFFICE] } })
    const refused = pending<Result<Outputs['addToGroup']>>()
    fake.api.addToGroup.mockReturnValueOnce(refused.promise)
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Add mailbox' }))
    const form = screen.getByRole('form', { name: 'Add a mailbox to Front desk' })
    expect(document.activeElement).toBe(within(form).getByLabelText('Mailbox address'))
    await user.click(within(form).getByRole('button', { name: 'Test and add' }))
    expect(within(form).getByText('Enter the mailbox address (name@domain).')).toBeTruthy()
    expect(fake.api.addToGroup).not.toHaveBeenCalled()
    await user.type(within(form).getByLabelText('Mailbox address'), 'bob@gmail.com')
    await user.type(within(form).getByLabelText('Password'), 'wrong password')
    await user.click(within(form).getByRole('button', { name: 'Test and add' }))
    const call = fake.api.addToGroup.mock.calls[0]?.[0]
    expect(call).toMatchObject({ groupId: 'g1', email: 'bob@gmail.com', password: 'wrong password' })
    // the stages follow main's events for this test
    act(() => fake.emit({ testId: call?.testId ?? '', side: 'incoming', stage: 'connect', state: 'done', ms: 12 }))
    expect(within(form).getByRole<HTMLButtonElement>('button', { name: 'Testing…' }).disabled).toBe(true)
    const report = outgoingFailed({ kind: 'replace-password', label: 'Enter the app password' })
    await act(() =>
      refused.resolve({
        ok: true,
        value: { saved: false, report, reason: 'A server did not accept the settings, so nothing was saved.' },
      }),
    )
    const alert = within(form).getByRole('alert')
    expect(alert.textContent).toContain('nothing was saved')
    expect(alert.textContent).toContain('Google did not accept this password')
    // nothing typed is lost
    expect(within(form).getByLabelText<HTMLInputElement>('Mailbox address').value).toBe('bob@gmail.com')

    const bob = account({ id: 'acc2', email: 'bob@gmail.com', groupId: 'g1' })
    fake.api.addToGroup.mockResolvedValueOnce({ ok: true, value: { saved: true, report: BOTH_PASSED, account: bob } })
    fake.api.listAccounts.mockResolvedValue({ ok: true, value: [ALICE, bob] })
    await user.click(within(form).getByRole('button', { name: 'Test and add' }))
    expect(await within(form).findByText('bob@gmail.com works and was added to Front desk.')).toBeTruthy()
    expect((await screen.findByRole('list', { name: 'Mailboxes of Front desk' })).textContent).toContain(
      'bob@gmail.com',
    )
  })

  it("checks a group: check-all's run, scoped to the group's accounts", async () => {
    const bob = account({ id: 'acc2', email: 'bob@example.org', groupId: 'g1' })
    const fake = installFakeMailkey({ accounts: [ALICE, bob] })
    fake.api.listGroups.mockResolvedValue({ ok: true, value: { groups: [{ ...OFFICE, members: [] }] } })
    fake.api.checkAllAccounts.mockReturnValueOnce(new Promise(() => undefined))
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Check group' }))
    expect(fake.api.checkAllAccounts.mock.calls[0]?.[0]).toMatchObject({ accountIds: ['acc2'] })
    expect(screen.getByRole('region', { name: 'Checking 1 account…' })).toBeTruthy()
  })

  it("shows the group's connection options: proxy, lowest TLS, trusted certificates", async () => {
    const branch: GroupView = {
      ...OFFICE,
      defaults: {
        ...OFFICE.defaults,
        connection: {
          proxy: { kind: 'socks5', host: 'proxy.lan', port: 1080, username: 'desk' },
          minTls: [{ host: 'smtp.gmail.com', port: 465, version: '1.3' }],
          pins: [],
          cas: [],
        },
      },
    }
    const fake = installFakeMailkey({ accounts: [ALICE] })
    fake.api.listGroups.mockResolvedValue({ ok: true, value: { groups: [branch] } })
    render(<App />)
    expect(
      await screen.findByText('Connects through socks5://desk@proxy.lan:1080 · TLS 1.3 only for smtp.gmail.com:465'),
    ).toBeTruthy()
  })

  it('renames a group in place: Enter saves, a taken name is refused where it was typed, Esc keeps the old one', async () => {
    const fake = installFakeMailkey({ accounts: [ALICE] })
    fake.api.listGroups.mockResolvedValue({ ok: true, value: { groups: [OFFICE] } })
    fake.api.renameGroup
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'There is already a group named "Back office".' },
      })
      .mockResolvedValueOnce({ ok: true, value: { ...OFFICE, name: 'Reception' } })
    const user = userEvent.setup()
    render(<App />)
    const rename = await screen.findByRole('button', { name: 'Rename' })
    await user.click(rename)
    const form = screen.getByRole('form', { name: 'Rename Front desk' })
    const field = within(form).getByLabelText<HTMLInputElement>('Group name')
    expect(document.activeElement).toBe(field)
    await user.keyboard('Back office{Enter}')
    expect(fake.api.renameGroup).toHaveBeenCalledWith({ id: 'g1', name: 'Back office' })
    expect(within(form).getByText('There is already a group named "Back office".')).toBeTruthy()
    expect(field.value).toBe('Back office')
    await user.clear(field)
    await user.type(field, ' Reception {Enter}')
    expect(fake.api.renameGroup).toHaveBeenLastCalledWith({ id: 'g1', name: 'Reception' })
    expect(await screen.findByText('The group Front desk is now called Reception.')).toBeTruthy()
    expect(screen.queryByRole('form', { name: 'Rename Front desk' })).toBeNull()
    // Esc closes without a call, and the focus goes back to the button that opened the form
    await user.click(screen.getByRole('button', { name: 'Rename' }))
    await user.keyboard('{Escape}')
    expect(fake.api.renameGroup).toHaveBeenCalledTimes(2)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename' }))
  })

  it('moves a saved account into the group, saying which group it leaves', async () => {
    const back: GroupView = { ...OFFICE, id: 'g2', name: 'Back office' }
    const bob = account({ id: 'acc2', email: 'bob@example.org', groupId: 'g2' })
    const fake = installFakeMailkey({ accounts: [ALICE, bob] })
    fake.api.listGroups.mockResolvedValue({ ok: true, value: { groups: [back, OFFICE] } })
    fake.api.assignGroup.mockResolvedValue({ ok: true, value: { accountId: 'acc2', groupId: 'g1' } })
    const user = userEvent.setup()
    render(<App />)
    const card = (await screen.findByRole('heading', { name: 'Front desk' })).closest('li') as HTMLElement
    await user.click(within(card).getByRole('button', { name: 'Move an account here' }))
    const form = within(card).getByRole('form', { name: 'Move an account into Front desk' })
    const select = within(form).getByLabelText<HTMLSelectElement>('Account to move here')
    expect(document.activeElement).toBe(select)
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'alice@gmail.com',
      'bob@example.org (in Back office)',
    ])
    await user.selectOptions(select, 'acc2')
    expect(form.textContent).toContain('It keeps its own servers and password, and leaves Back office.')
    fake.api.listAccounts.mockResolvedValue({ ok: true, value: [ALICE, { ...bob, groupId: 'g1' }] })
    await user.click(within(form).getByRole('button', { name: 'Move here' }))
    expect(fake.api.assignGroup).toHaveBeenCalledWith({ accountId: 'acc2', groupId: 'g1' })
    expect(await screen.findByText('bob@example.org is now in Front desk.')).toBeTruthy()
    expect((await within(card).findByRole('list', { name: 'Mailboxes of Front desk' })).textContent).toContain(
      'bob@example.org',
    )
  })
})
