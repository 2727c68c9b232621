import { OFFICE_USERS } from '../bed/users.js'
import { expect, saveBedAccount, test } from './bridge.js'

/**
 * A group, against the real bed: made from a saved account's servers, a mailbox added in two fields
 * (a wrong password first: refused by Dovecot, diagnosed, nothing saved), then the group checked.
 */

const [FIRST, NEWCOMER] = [OFFICE_USERS[4], OFFICE_USERS[5]].map((u) => {
  if (!u) throw new Error('the bed has too few office users')
  return u
}) as [(typeof OFFICE_USERS)[number], (typeof OFFICE_USERS)[number]]

test.describe.configure({ timeout: 90_000 })

test('a group: create it, add a mailbox in two fields, check the group', async ({ page, bridge }) => {
  await saveBedAccount(bridge, FIRST)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()

  // create, from the keyboard
  await page.getByRole('textbox', { name: 'New group' }).fill('Front desk')
  await page.getByRole('textbox', { name: 'New group' }).press('Enter')
  await expect(page.getByRole('heading', { name: 'Front desk' })).toBeVisible()
  await expect(page.getByText('The group Front desk was created.')).toBeVisible()

  // a wrong password: both servers asked, refused, explained, nothing saved, nothing typed lost
  await page.getByRole('button', { name: 'Add mailbox' }).click()
  const form = page.getByRole('form', { name: 'Add a mailbox to Front desk' })
  await expect(form.getByRole('textbox', { name: 'Mailbox address' })).toBeFocused()
  await form.getByRole('textbox', { name: 'Mailbox address' }).fill(NEWCOMER.address)
  await form.getByLabel('Password', { exact: true }).fill('not-the-password')
  await form.getByRole('button', { name: 'Test and add' }).click()
  const refused = form.getByRole('alert')
  await expect(refused).toContainText('nothing was saved', { timeout: 30_000 })
  expect(bridge.services.accounts.findByEmail(NEWCOMER.address)).toBeUndefined()
  await expect(form.getByRole('textbox', { name: 'Mailbox address' })).toHaveValue(NEWCOMER.address)

  // the right one: saved into the group
  await form.getByLabel('Password', { exact: true }).fill(NEWCOMER.appPassword)
  await form.getByRole('button', { name: 'Test and add' }).click()
  await expect(form.getByText(`${NEWCOMER.address} works and was added to Front desk.`)).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.getByRole('list', { name: 'Mailboxes of Front desk' })).toContainText(NEWCOMER.address)
  const saved = bridge.services.accounts.findByEmail(NEWCOMER.address)
  expect(saved?.groupId).toBe(bridge.services.groups.list()[0]?.id)
  expect(saved?.lastVerifiedAt).not.toBeNull()

  // check the group: check-all's table, the group's one account only
  await form.getByRole('button', { name: /Close/ }).click()
  await page.getByRole('button', { name: 'Check group' }).click()
  const panel = page.getByRole('region', { name: /Checking 1 account|work/ })
  await expect(panel.getByRole('row', { name: new RegExp(NEWCOMER.address) })).toContainText(/works/i, {
    timeout: 30_000,
  })
  await expect(panel.getByRole('row', { name: new RegExp(FIRST.address) })).toHaveCount(0)
})
