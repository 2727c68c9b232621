import type { Locator, Page } from '@playwright/test'
import { BED_USERS } from '../bed/users.js'
import { expect, screenshot, test } from './bridge.js'

/**
 * Issue 13: a refused password, as a first-time user meets it, in the app's default window (980×760):
 * said once for both servers, its fix in view, the new password pasted in place, a paste that replaces
 * instead of appending, and one cause for an account both servers refuse for one reason.
 */

const ALICE = BED_USERS.alice
const WINDOW = { width: 980, height: 760 }

test.use({ viewport: WINDOW })

/** Pastes through the real clipboard, as from Google's App passwords page. */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await field.focus()
  await page.keyboard.press('ControlOrMeta+V')
}

async function testWith(page: Page, address: string, password: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()
}

/** The element is inside the window without scrolling. */
async function inView(el: Locator): Promise<boolean> {
  const box = await el.boundingBox()
  return box !== null && box.y >= 0 && box.y + box.height <= WINDOW.height
}

test('a wrong app password is said once for both servers, and the new one is pasted and tested right there', async ({
  page,
  bridge,
}) => {
  await testWith(page, ALICE.address, 'zzzzzzzzzzzzzzzz')
  await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeFocused()

  // one diagnosis for both, with each server's own words
  const diagnosis = page.getByRole('group', { name: 'Google did not accept this password' })
  await expect(diagnosis).toHaveCount(1)
  await expect(diagnosis).toContainText('Incoming and outgoing mail')
  await expect(diagnosis.locator('pre.server-text')).toHaveText([
    /Invalid credentials/,
    /5\.7\.8 Username and Password not accepted/,
  ])
  // one primary action on the screen, and it and the page to make a new password are in view
  const retry = diagnosis.getByRole('form', { name: 'Paste the new app password' })
  const testBoth = retry.getByRole('button', { name: 'Test both servers' })
  await expect(page.locator('.button--primary:visible')).toHaveCount(1)
  await expect(testBoth).toHaveClass(/button--primary/)
  await expect(page.getByRole('button', { name: 'Test again' })).not.toHaveClass(/button--primary/)
  expect(await inView(testBoth)).toBe(true)
  expect(await inView(diagnosis.getByRole('button', { name: 'Open Gmail’s App passwords page' }))).toBe(true)
  await screenshot(page, '01-refused-once')

  await diagnosis.getByRole('button', { name: 'Open Gmail’s App passwords page' }).click()
  await expect.poll(() => bridge.opened).toContain('https://myaccount.google.com/apppasswords')
  await paste(page, retry.getByRole('textbox', { name: 'Paste the new app password' }), 'abcd efgh ijkl mnop')
  await expect(retry.getByRole('textbox', { name: 'Paste the new app password' })).toHaveValue(ALICE.appPassword)
  await testBoth.click()

  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
  await page.getByRole('button', { name: 'Save account' }).click()
  await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeVisible()
  const keys = await bridge.secrets.keys()
  expect(keys).toHaveLength(1)
  expect(await bridge.secrets.get(keys[0] ?? '')).toBe(ALICE.appPassword)
})

test('a paste replaces an app password instead of appending, and the field returned to starts selected', async ({
  page,
}) => {
  await testWith(page, ALICE.address, 'zzzzzzzzzzzzzzzz')
  await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeFocused()
  await page.getByRole('button', { name: 'Change settings' }).click()
  await page.getByRole('button', { name: 'Back' }).click()

  const field = page.getByRole('textbox', { name: 'App password' })
  await expect(field).toBeFocused()
  // the old one is selected, so what comes next replaces it
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 16])
  await paste(page, field, 'abcd efgh ijkl mnop')
  await expect(field).toHaveValue(ALICE.appPassword)

  // "copy it again, all of it": with the cursor at the end, a second paste would make 32 letters
  await field.press('End')
  await paste(page, field, 'abcd efgh ijkl mnop')
  await expect(field).toHaveValue(ALICE.appPassword)
  // part of one is still completed by a paste: the rule is "longer than one password"
  await field.fill('abcdefgh')
  await field.press('End')
  await paste(page, field, 'ijkl mnop')
  await expect(field).toHaveValue(ALICE.appPassword)

  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
})

test('a web-login-only Gmail account gets one cause for both servers, and no password field', async ({ page }) => {
  await testWith(page, BED_USERS.weblogin.address, 'abcdefghijklmnop')
  await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeFocused()
  // IMAP says why (log in on the web first), SMTP only that it refused: one finding, the telling one
  const diagnosis = page.getByRole('group', { name: 'Google wants you to sign in on the web first' })
  await expect(page.locator('.diagnosis')).toHaveCount(1)
  await expect(diagnosis).toContainText('Incoming and outgoing mail')
  await expect(diagnosis.locator('pre.server-text')).toHaveText([
    /Please log in via your web browser/,
    /Username and Password not accepted/,
  ])
  // a new password would not help, so none is asked for here
  await expect(page.getByRole('form', { name: 'Paste the new app password' })).toHaveCount(0)
  await expect(diagnosis.getByRole('button', { name: 'How to confirm the sign-in' })).toHaveClass(/button--primary/)
  await screenshot(page, '01-web-login-once')
})
