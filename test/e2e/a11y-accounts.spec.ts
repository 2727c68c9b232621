import { BED_USERS, setAppPassword } from '../bed/users.js'
import { expect, expectReadableAt200, refuseKeychain, scanA11y, screenshot, test } from './bridge.js'
import { addAccount } from './add-account.js'

/**
 * Accessibility of the accounts screen (stale banner, reset form, keychain section), editing and
 * "Explain an error", against the real services: an axe-core scan in the light and the dark theme (no
 * violation of impact "serious" or "critical" may remain), and a screenshot of each. With
 * UPDATE_README_SCREENSHOTS=1 the README's pictures of these screens are written too.
 */

const ROTATING = BED_USERS.rotating

// each test scans a dozen screens in light and dark with axe (seconds each on a loaded 2-core machine)
test.describe.configure({ timeout: 180_000 })

test('accounts: stale banner, reset form, refused reset, keychain section, edit, explain an error', async ({
  page,
  bridge,
}) => {
  // a keychain entry of no account, as a removed or half-finished setup leaves behind
  await bridge.secrets.set('gone-account:incoming', 'left-behind-secret')
  try {
    await addAccount(page, ROTATING.address, ROTATING.appPassword)
    const card = page.getByRole('listitem', { name: ROTATING.address })
    setAppPassword(bridge.bed.usersFile, ROTATING.address, 'freshapppassword')
    await card.getByRole('button', { name: `Re-test ${ROTATING.address}` }).click()
    const banner = card.getByRole('region', { name: 'The saved password stopped working' })
    await expect(banner).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('list', { name: 'Leftover keychain entries' })).toContainText('gone-account:incoming')
    await scanA11y(page, 'accounts: re-test result, stale banner, keychain section with a leftover entry')
    await screenshot(page, '01-stale-retested')
    await card.getByRole('button', { name: 'Close' }).click()
    await scanA11y(page, 'accounts: stale banner')
    await screenshot(page, '02-stale', 'accounts')
    await expectReadableAt200(page, '02-stale')
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, '02-stale-dark')
    await page.emulateMedia({ colorScheme: 'light' })

    await banner.getByRole('button', { name: 'Enter the new app password' }).click()
    await expect(card.getByRole('textbox', { name: 'New app password' })).toBeFocused()
    await scanA11y(page, 'accounts: reset form')
    await screenshot(page, '03-reset-form')
    await expectReadableAt200(page, '03-reset-form')
    await card.getByRole('textbox', { name: 'New app password' }).fill('wrongpasswordxyz')
    await page.keyboard.press('Enter')
    await expect(card.getByRole('heading', { name: 'The new password did not work' })).toBeFocused()
    await scanA11y(page, 'accounts: reset refused')
    await screenshot(page, '04-reset-refused')
    await card.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('button', { name: 'Remove leftover entries' }).click()
    await expect(page.getByText('Removed 1 leftover entry from the keychain.')).toBeVisible()
    expect(await bridge.secrets.keys()).not.toContain('gone-account:incoming')
    await scanA11y(page, 'accounts: keychain section after removing leftovers')

    await card.getByRole('button', { name: `Edit ${ROTATING.address}` }).click()
    await expect(page.getByRole('heading', { name: `Edit ${ROTATING.address}` })).toBeVisible()
    await scanA11y(page, 'edit: servers editor')
    await screenshot(page, '05-edit-servers')
    await page.getByRole('button', { name: 'Change the password' }).click()
    await expect(page.getByRole('textbox', { name: 'New app password (optional)' })).toBeFocused()
    await scanA11y(page, 'edit: password (optional)')
    await screenshot(page, '06-edit-password')
    await page.getByRole('button', { name: 'Back to accounts' }).click()

    await page.getByRole('button', { name: 'Explain an error' }).click()
    await expect(page.getByRole('textbox', { name: 'The error message' })).toBeFocused()
    await scanA11y(page, 'explain an error (empty)')
    await page
      .getByRole('textbox', { name: 'The error message' })
      .fill(
        '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp',
      )
    await page.getByRole('button', { name: 'Explain', exact: true }).click()
    await expect(page.locator('#explain-title')).toBeFocused()
    await scanA11y(page, 'explain an error (explained)')
    await screenshot(page, '07-explained', 'explain')
    await expectReadableAt200(page, '07-explained')
    await page.getByRole('button', { name: 'Back to accounts' }).click()

    // the keychain breaks (no Secret Service): the accounts screen says what to install
    refuseKeychain(bridge, 'The name org.freedesktop.secrets was not provided by any .service files')
    await page.reload()
    await expect(
      page.getByRole('heading', { name: 'Mailkey cannot save a password on this computer yet' }),
    ).toBeVisible()
    await scanA11y(page, 'accounts: keychain problem')
    await screenshot(page, '08-keychain-problem')
  } finally {
    setAppPassword(bridge.bed.usersFile, ROTATING.address, ROTATING.appPassword)
  }
})
