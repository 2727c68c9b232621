import { BED_USERS } from '../bed/users.js'
import { expect, expectReadableAt200, saveBedAccount, scanA11y, screenshot, test } from './bridge.js'

/**
 * Accessibility of the send-as section against the real services: an axe-core scan of each of its
 * states in the light and the dark theme (no violation of impact "serious" or "critical" may remain),
 * a screenshot of each, and the 200% zoom check. With UPDATE_README_SCREENSHOTS=1 the README's picture
 * of a check result (Gmail rewriting the From) is written too.
 */

const GINA = BED_USERS.gmailish

// each test scans a dozen screens in light and dark with axe (seconds each on a loaded 2-core machine)
test.describe.configure({ timeout: 180_000 })

test('send-as addresses: add form, check options and results, last check, export, test email, removal', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, GINA)
  await page.goto('/')
  const section = page
    .getByRole('listitem', { name: GINA.address, exact: true })
    .getByRole('region', { name: 'Send-as addresses' })
  await expect(section).toBeVisible()
  await scanA11y(page, 'aliases: the section with the account address only')

  // the add form with its own server open and every problem shown
  await section.getByRole('button', { name: 'Add address' }).click()
  const form = section.getByRole('form', { name: 'Add a send-as address' })
  await form.getByRole('button', { name: 'Send through a different server' }).click()
  await form.getByRole('textbox', { name: 'Address', exact: true }).fill('not an address')
  await form.getByRole('button', { name: 'Save address' }).click()
  await expect(form.getByRole('textbox', { name: 'Address', exact: true })).toBeFocused()
  await expect(form.getByRole('textbox', { name: 'Address', exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Enter the username.')).toBeVisible()
  await scanA11y(page, 'aliases: add form, own server open, problems shown')
  await screenshot(page, '01-add-form')
  await expectReadableAt200(page, '01-add-form')

  await form.getByRole('button', { name: 'Send through a different server' }).click()
  await form.getByRole('textbox', { name: 'Name (optional)' }).fill('Gina Sales')
  await form.getByRole('textbox', { name: 'Address', exact: true }).fill('gina.sales@example.test')
  await form.getByRole('button', { name: 'Save address' }).click()
  const alias = section.getByRole('listitem', { name: /gina\.sales@example\.test/ })
  await expect(alias.getByRole('heading')).toBeFocused()

  await alias.getByRole('button', { name: 'Check gina.sales@example.test' }).click()
  await expect(alias.getByRole('checkbox', { name: /^Also send one test message/ })).toBeFocused()
  await scanA11y(page, 'aliases: check options')
  await alias.getByRole('checkbox', { name: /^Also send one test message/ }).check()
  await alias.getByRole('button', { name: 'Start the check' }).click()
  await expect(alias.getByRole('heading', { name: 'Accepted, but the From was rewritten' })).toBeFocused({
    timeout: 30_000,
  })
  await scanA11y(page, 'aliases: check result, Gmail rewrote the From')
  await screenshot(page, '02-rewritten', 'aliases')
  await expectReadableAt200(page, '02-rewritten')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, '02-rewritten-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await alias.getByRole('button', { name: 'Close' }).click()
  await scanA11y(page, 'aliases: list with the last check per level')

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await section.getByRole('button', { name: 'Copy identities' }).click()
  await expect(section.getByRole('textbox', { name: 'Settings to hand on' })).toHaveValue(/Gina Sales/)
  await scanA11y(page, 'aliases: exported identities')
  await screenshot(page, '03-export')
  await expectReadableAt200(page, '03-export')
  await page.keyboard.press('Escape')

  await section.getByRole('button', { name: 'Send a test email…' }).click()
  const send = section.getByRole('form', { name: 'Send a test email' })
  await send.getByRole('button', { name: 'Send test email' }).click()
  await expect(send.getByText('Enter the address to send to.')).toBeVisible()
  await send.getByRole('textbox', { name: 'Send to' }).fill('someone@example.test')
  await send.getByRole('button', { name: 'Send test email' }).click()
  await expect(send.getByText('Sent to someone@example.test')).toBeVisible({ timeout: 30_000 })
  await scanA11y(page, 'aliases: test email sent')
  await screenshot(page, '04-sent')
  await send.getByRole('button', { name: 'Close' }).click()

  await alias.getByRole('button', { name: 'Remove gina.sales@example.test' }).click()
  await expect(alias.getByRole('button', { name: 'Keep address' })).toBeFocused()
  await scanA11y(page, 'aliases: removal asks first')
  await screenshot(page, '05-remove')
  await page.keyboard.press('Escape')
  await expect(alias.getByRole('button', { name: 'Remove gina.sales@example.test' })).toBeFocused()
})
