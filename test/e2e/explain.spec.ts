import type { Page } from '@playwright/test'
import { expect, test } from './bridge.js'

/** "Explain an error" with main's real diagnosis: a message pasted from another mail app. */

const GMAIL_534 = [
  '534-5.7.9 Application-specific password required. For more information, go to',
  '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2e1a72fcca58-7a1b2c3d4e5f.12 - gsmtp',
].join('\n')

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

test('Gmail’s 534-5.7.9 pasted from the wizard is explained as the app password for the mail app it came from, with the page to open', async ({
  page,
  bridge,
}) => {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill('someone@example.test')
  await page.getByRole('button', { name: 'Explain an error' }).click()

  const text = page.getByRole('textbox', { name: 'The error message' })
  await expect(text).toBeFocused()
  await shot(page, '01-empty')
  // Explain with nothing pasted says so and stays in the field
  await page.getByRole('button', { name: 'Explain', exact: true }).click()
  await expect(page.getByText('Paste the error message.')).toBeVisible()
  await expect(text).toBeFocused()

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((t) => navigator.clipboard.writeText(t), GMAIL_534)
  await page.keyboard.press('ControlOrMeta+V')
  await page
    .getByRole('combobox', { name: 'Where did it happen? (optional)' })
    .selectOption({ label: 'Sending mail (SMTP)' })
  await text.focus()
  await page.keyboard.press('Control+Enter')

  // no test ran and the fix is made in the app it came from: the words are about that app (issue 13)
  const title = page.getByRole('heading', { name: 'Google needs an app password for your mail app' })
  await expect(title).toBeFocused()
  const result = page.getByRole('region', { name: 'Google needs an app password for your mail app' })
  await expect(result).toContainText('2-Step Verification')
  await expect(result.locator('pre')).toHaveText(GMAIL_534)
  await shot(page, '02-explained')
  await result.getByRole('button', { name: 'Open Gmail’s App passwords page' }).click()
  await expect.poll(() => bridge.opened).toContain('https://myaccount.google.com/apppasswords')

  // back to the setup, exactly as it was left
  await page.getByRole('button', { name: 'Back to the setup' }).click()
  await expect(page.getByRole('textbox', { name: 'Email address' })).toHaveValue('someone@example.test')
})
