import type { Locator, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { BED_USERS } from '../bed/users.js'
import { expect, test } from './bridge.js'

/**
 * The wizard end to end: the built renderer in Chromium, `window.mailkey` wired to the real services,
 * the real Dovecot and SMTP bed (posing as Gmail for @example.test) and the real keychain.
 */

const ALICE = BED_USERS.alice
const APP_PASSWORD_AS_SHOWN = 'abcd efgh ijkl mnop'

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

/** Pastes through the real clipboard, as a user would from Google's page. */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await field.focus()
  await page.keyboard.press('ControlOrMeta+V')
}

async function enterAddress(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByLabel('Email address').fill(ALICE.address)
  await expect(page.getByRole('status').filter({ hasText: 'Gmail' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
}

async function enterPassword(page: Page, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'App password' }).fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeVisible()
}

function stages(page: Page, side: 'Incoming' | 'Outgoing'): Locator {
  return page.getByRole('list', { name: `${side} mail test stages` }).getByRole('listitem')
}

test('Gmail happy path: guidance, pasted app password, both servers pass, saved to the keychain', async ({
  page,
  bridge,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Which address do you want to set up?' })).toBeVisible()
  await page.getByLabel('Email address').fill(ALICE.address)
  await expect(page.getByRole('status').filter({ hasText: 'Gmail' })).toContainText('list of providers')
  await shot(page, '01-address')
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page.getByRole('heading', { name: 'Gmail needs an app password for Mailkey' })).toBeVisible()
  await page.getByRole('button', { name: 'Open App passwords' }).click()
  await expect.poll(() => bridge.opened).toContain('https://myaccount.google.com/apppasswords')
  await shot(page, '02-app-password')
  await page.getByRole('button', { name: 'I have my app password' }).click()

  const field = page.getByRole('textbox', { name: 'App password' })
  await paste(page, field, APP_PASSWORD_AS_SHOWN)
  await expect(field).toHaveValue(ALICE.appPassword)
  await expect(field).toHaveAttribute('type', 'password')
  await shot(page, '03-password')
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeVisible()
  await expect(page.getByText(`port ${bridge.bed.ports.imaps}`)).toBeVisible()
  await shot(page, '04-servers')
  await page.getByRole('button', { name: 'Test both servers' }).click()

  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
  for (const side of ['Incoming', 'Outgoing'] as const) {
    await expect(stages(page, side)).toHaveCount(6)
    for (const row of await stages(page, side).all()) await expect(row).toHaveAttribute('data-state', 'done')
    await expect(stages(page, side).last()).toContainText(/\d+ ms/)
  }
  await shot(page, '05-test-passed')
  await page.getByRole('button', { name: 'Save account' }).click()

  // the done step says what was proven and when, then hands on to the accounts
  await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeFocused()
  await expect(page.getByText(/Verified .+: both servers accepted the password/)).toBeVisible()
  await shot(page, '06-done')
  await page.getByRole('button', { name: 'Go to your accounts' }).click()

  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()
  const card = page.getByRole('listitem').filter({ hasText: ALICE.address })
  await expect(card).toContainText('Gmail')
  await expect(card).toContainText(/Verified \S/)
  await shot(page, '07-accounts')

  const keys = await bridge.secrets.keys()
  expect(keys).toHaveLength(1)
  expect(keys[0]).toMatch(/:incoming$/)
  expect(await bridge.secrets.get(keys[0])).toBe(ALICE.appPassword)
  const settings = readFileSync(bridge.store.path, 'utf8')
  expect(settings).toContain(ALICE.address)
  expect(settings).not.toContain(ALICE.appPassword)
  expect(JSON.stringify(bridge.results)).not.toContain(ALICE.appPassword)
})

test('a wrong app password fails on both servers with the diagnosis and the servers’ own words', async ({
  page,
  bridge,
}) => {
  await enterAddress(page)
  await enterPassword(page, 'zzzzzzzzzzzzzzzz')
  await page.getByRole('button', { name: 'Test both servers' }).click()

  await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeFocused()
  // both sides failed the same way: one diagnosis for both (issue 13), titled in plain words about the
  // password, with each server's own words
  await expect(page.getByRole('group', { name: /password/i })).toHaveCount(1)
  const serverText = page.locator('pre.server-text')
  await expect(serverText.filter({ hasText: 'Invalid credentials' })).toHaveCount(1)
  await expect(serverText.filter({ hasText: '5.7.8 Username and Password not accepted' })).toHaveCount(1)
  for (const side of ['Incoming', 'Outgoing'] as const) {
    await expect(stages(page, side).filter({ hasText: 'Signing in' })).toHaveAttribute('data-state', 'failed')
  }
  await expect(page.getByRole('button', { name: 'Save account' })).toHaveCount(0)
  await shot(page, '01-wrong-password')

  // the same result in the dark theme, and at 200% zoom (half the CSS pixels): all of it readable
  // without scrolling sideways
  await page.emulateMedia({ colorScheme: 'dark' })
  await shot(page, '02-wrong-password-dark')
  await page.setViewportSize({ width: 640, height: 360 })
  await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await shot(page, '03-wrong-password-200-percent')
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.emulateMedia({ colorScheme: 'light' })

  await page
    .getByRole('button', { name: /App passwords page/ })
    .first()
    .click()
  await expect.poll(() => bridge.opened).toContain('https://myaccount.google.com/apppasswords')
  expect(bridge.store.get('accounts')).toEqual([])
  expect(await bridge.secrets.keys()).toEqual([])
})

/** Presses Tab until `target` has focus: the test's only way around the page is the keyboard. */
async function tabTo(page: Page, target: Locator, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${String(target)} was not reached with ${max} Tab presses`)
}

test('keyboard only: the happy path with Tab, Enter and typing', async ({ page, bridge }) => {
  await page.goto('/')
  await expect(page.getByRole('textbox', { name: 'Email address' })).toBeFocused()
  await page.keyboard.type(ALICE.address)
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Gmail needs an app password for Mailkey' })).toBeFocused()
  await shot(page, '01-guidance')
  await tabTo(page, page.getByRole('button', { name: 'I have my app password' }))
  await page.keyboard.press('Enter')

  const field = page.getByRole('textbox', { name: 'App password' })
  await expect(field).toBeFocused()
  await page.keyboard.type(APP_PASSWORD_AS_SHOWN)
  await expect(field).toHaveValue(ALICE.appPassword)
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: 'Test both servers' }))
  await shot(page, '02-servers-focused')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: 'Save account' }))
  await shot(page, '03-save-focused')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: 'Go to your accounts' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeFocused()
  await expect(page.getByRole('listitem').filter({ hasText: ALICE.address })).toContainText('Verified')
  await shot(page, '04-accounts')
  expect(await bridge.secrets.keys()).toHaveLength(1)
})

test('SSL/TLS on a STARTTLS port is diagnosed, and the one-click fix switches and passes', async ({ page, bridge }) => {
  const port = bridge.bed.ports.submission
  await enterAddress(page)
  await enterPassword(page, ALICE.appPassword)
  await page.getByRole('button', { name: 'Edit settings' }).click()
  const outgoing = page.getByRole('group', { name: 'Outgoing mail (SMTP)' })
  await outgoing.getByRole('textbox', { name: 'Port' }).fill(String(port))
  await outgoing.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'SSL/TLS' })
  await shot(page, '01-edited')
  await page.getByRole('button', { name: 'Test both servers' }).click()

  await expect(page.getByRole('heading', { name: 'Outgoing mail failed the test' })).toBeFocused()
  const diagnosis = page.getByRole('group', { name: `Port ${port} needs STARTTLS` })
  await expect(diagnosis).toBeVisible()
  await expect(stages(page, 'Outgoing').filter({ hasText: 'Encrypting the connection' })).toHaveAttribute(
    'data-state',
    'failed',
  )
  await expect(stages(page, 'Incoming').last()).toHaveAttribute('data-state', 'done')
  await shot(page, '02-mismatch')
  await diagnosis.getByRole('button', { name: `Use port ${port} with STARTTLS` }).click()

  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeVisible()
  const fixed = page.getByRole('article', { name: 'Outgoing mail' })
  await expect(fixed).toContainText(`port ${port}, STARTTLS`)
  await expect(stages(page, 'Outgoing').filter({ hasText: 'Switching on encryption' })).toHaveAttribute(
    'data-state',
    'done',
  )
  await shot(page, '03-fixed')
  await page.getByRole('button', { name: 'Save account' }).click()
  await page.getByRole('button', { name: 'Go to your accounts' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: ALICE.address })).toContainText(`port ${port}, STARTTLS`)
})
