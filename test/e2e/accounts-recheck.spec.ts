import type { Page } from '@playwright/test'
import { RECHECK_EVERY_MS, SYSTEM_CLOCK } from '../../src/main/accounts/background-recheck.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { expect, pushAccountChange, saveBedAccount, screenshot, test } from './bridge.js'

/**
 * Issue 13, the accounts screen: a revoked password found by the quiet background re-check before the
 * user meets it, a "saved and verified" notice that does not outlive the card's news, the stale
 * password said once, and "Explain an error" leading to a real test.
 */

const USER = BED_USERS.recheck
const ALICE = BED_USERS.alice

test.afterEach(({ bridge }) => setAppPassword(bridge.bed.usersFile, USER.address, USER.appPassword))

async function addThroughWizard(page: Page, address: string, password: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await page.getByRole('button', { name: 'Save account' }).click()
  await page.getByRole('button', { name: 'Go to your accounts' }).click()
}

test('the background re-check finds a revoked app password and the card says so, with nobody asking', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, USER)
  await page.goto('/')
  const card = page.getByRole('listitem', { name: USER.address })
  await expect(card).toContainText(/Verified \S/)

  // Google revoked the app password; an hour later the quiet re-check runs (a clock an hour ahead)
  setAppPassword(bridge.bed.usersFile, USER.address, 'revokedrevokedxx')
  const later = { ...SYSTEM_CLOCK, now: () => new Date(Date.now() + RECHECK_EVERY_MS) }
  const recheck = bridge.services.recheck({ clock: later, onChange: (a) => void pushAccountChange(page, a) })
  expect(await recheck.runOnce()).toBe(1)

  await expect(card.getByText('Needs a new password')).toBeVisible()
  await expect(card.getByRole('region', { name: 'The saved password stopped working' })).toContainText(
    'both mail servers',
  )
  // quiet: no test ran on screen
  // (by its element: the card's other regions are named with the address, which contains "check")
  await expect(card.locator('section.check')).toHaveCount(0)
  await screenshot(page, '01-found-in-the-background')
  expect(await recheck.runOnce()).toBe(0) // not again within the hour
})

test('the arrival notice goes once the card has news, and a stale password is said once', async ({ page, bridge }) => {
  await addThroughWizard(page, USER.address, USER.appPassword)
  const notice = page.locator('main > .notice-line')
  await expect(notice).toHaveText(`${USER.address} is saved and verified.`)

  setAppPassword(bridge.bed.usersFile, USER.address, 'revokedrevokedxx')
  const card = page.getByRole('listitem', { name: USER.address })
  await card.getByRole('button', { name: `Re-test ${USER.address}` }).click()
  await expect(card.getByText('Needs a new password')).toBeVisible({ timeout: 20_000 })
  await expect(notice).toHaveText('')

  // the banner says it, once: the re-test's result does not repeat it per server
  await expect(card.getByRole('region', { name: 'The saved password stopped working' })).toHaveCount(1)
  await expect(card.locator('.diagnosis')).toHaveCount(0)
  await expect(card).toContainText('The servers refused the saved password: what to do is above.')
  await expect(card.getByRole('button', { name: 'Enter the new app password' })).toHaveCount(1)
  await screenshot(page, '01-stale-once')
})

test('Explain an error: an unrecognised message says what it tells and leads to a real test of the account', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, ALICE)
  await page.goto('/')
  await page.getByRole('button', { name: 'Explain an error' }).click()
  await page
    .getByRole('textbox', { name: 'The error message' })
    .fill(
      `Sending of the message failed. The server responded: 554 5.6.0 Message contains invalid header (${ALICE.address})`,
    )
  await page.getByRole('button', { name: 'Explain', exact: true }).click()

  const answer = page.getByRole('region', { name: 'Mailkey does not recognise this message' })
  await expect(answer.getByRole('heading', { level: 2 })).toBeFocused()
  await expect(answer).toContainText('It comes from sending mail (SMTP).')
  await expect(answer).toContainText('554 is a lasting refusal')
  await expect(answer).toContainText('5.6.0 is a lasting failure about the message’s content')
  await expect(answer).not.toContainText(/test failed|copy the details/i)
  await screenshot(page, '01-unrecognised')

  await answer.getByRole('button', { name: `Test ${ALICE.address} now` }).click()
  const card = page.getByRole('listitem', { name: ALICE.address })
  await expect(card.getByRole('heading', { name: 'Both servers accept the saved password' })).toBeFocused()
})

test('Explain an error names the app the message came from, not Mailkey', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Explain an error' }).click()
  await page
    .getByRole('textbox', { name: 'The error message' })
    .fill('a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833')
  await page.getByRole('button', { name: 'Explain', exact: true }).click()
  const answer = page.getByRole('region', { name: 'Google needs an app password for your mail app' })
  await expect(answer).toContainText('paste into your mail app')
  await expect(answer).not.toContainText('Mailkey')
})
