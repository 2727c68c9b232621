import type { Page } from '@playwright/test'
import { BED_USERS } from '../bed/users.js'
import { expect, saveBedAccount, screenshot, test } from './bridge.js'

/**
 * Issue 13, the wizard's smaller stumbles: step numbers that move, guidance without numbers, a card
 * that changes width, focus lost while looking up, an address kept in its typed case, a name that
 * cannot be edited, a step marked that was never shown, and typed input dropped without asking.
 */

const ALICE = BED_USERS.alice

function progress(page: Page) {
  return page.getByRole('navigation', { name: 'Setup progress' }).getByRole('listitem')
}

async function stepWidth(page: Page): Promise<number> {
  const box = await page.locator('.step').first().boundingBox()
  return Math.round(box?.width ?? -1)
}

test('the steps keep their numbers, the guidance its numbers, and the card its width, at 800×600 and 1600×1000', async ({
  page,
}) => {
  for (const size of [
    { width: 800, height: 600 },
    { width: 1600, height: 1000 },
  ]) {
    await page.setViewportSize(size)
    await page.goto('/')
    const widths: number[] = [await stepWidth(page)]
    await expect(progress(page)).toHaveText(['1Address', '2Password', '3Servers', '4Test', '5Done'])
    await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page.getByRole('heading', { name: 'Gmail needs an app password for Mailkey' })).toBeVisible()
    // the app-password guidance is the first half of "Password": nothing was inserted, nothing moved
    await expect(progress(page)).toHaveText(['1Address', '2Password', '3Servers', '4Test', '5Done'])
    await expect(progress(page).nth(1)).toHaveAttribute('aria-current', 'step')
    const guide = page.locator('ol.guide')
    expect(await guide.evaluate((el) => getComputedStyle(el).listStyleType)).toBe('decimal')
    expect(await guide.locator('> li').evaluateAll((lis) => lis.map((li) => getComputedStyle(li).display))).toEqual([
      'list-item',
      'list-item',
      'list-item',
    ])
    widths.push(await stepWidth(page))
    await page.getByRole('button', { name: 'I have my app password' }).click()
    await expect(progress(page).nth(1)).toHaveAttribute('aria-current', 'step')
    widths.push(await stepWidth(page))
    await page.getByRole('textbox', { name: 'App password' }).fill(ALICE.appPassword)
    await page.getByRole('button', { name: 'Continue' }).click()
    widths.push(await stepWidth(page))
    await page.getByRole('button', { name: 'Test both servers' }).click()
    await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeVisible()
    widths.push(await stepWidth(page))
    expect(new Set(widths).size, `card widths at ${size.width}×${size.height}: ${widths.join(', ')}`).toBe(1)
    await screenshot(page, `test-step-${size.width}`)
  }
})

test('keyboard only: focus stays on Continue while the provider is looked up, then lands on the next step', async ({
  page,
  bridge,
}) => {
  const { discovery } = bridge.services
  const detect = discovery.detect.bind(discovery)
  // a slow network: the lookup takes a second and a half
  discovery.detect = (email, options) =>
    new Promise((resolve) => setTimeout(resolve, 1500)).then(() => detect(email, options))
  await page.goto('/')
  // keys typed before the step has mounted and focused its field would be lost
  await expect(page.getByRole('textbox', { name: 'Email address' })).toBeFocused()
  await page.keyboard.type(ALICE.address)
  const button = page.getByRole('button', { name: 'Continue' })
  // Tab through the step's fields (name, connection options…) to Continue: bounded, keyboard only
  for (let i = 0; i < 8 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab')
  }
  await expect(button).toBeFocused()
  await page.keyboard.press('Enter')
  const waiting = page.getByRole('button', { name: 'Looking up…' })
  await expect(waiting).toBeVisible()
  await expect(waiting).toBeFocused()
  await expect(waiting).toHaveAttribute('aria-disabled', 'true')
  // pressing again while it looks up does nothing but wait
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Gmail needs an app password for Mailkey' })).toBeFocused()
})

test('the address is kept with its domain in lower case', async ({ page, bridge }) => {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill('  alice@Example.TEST ')
  await expect(page.getByRole('status').filter({ hasText: 'Gmail' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await expect(page.locator('strong', { hasText: ALICE.address })).toBeVisible()
  await page.getByRole('textbox', { name: 'App password' }).fill(ALICE.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.locator('.summary-row', { hasText: 'Sign in as' })).toHaveText(`Sign in as${ALICE.address}`)
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await page.getByRole('button', { name: 'Save account' }).click()
  await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeVisible()
  expect(bridge.store.get('accounts').map((a) => [a.email, a.username])).toEqual([[ALICE.address, ALICE.address]])
})

test('editing: the name can be changed, and the steps shown are the ones the edit goes through', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, ALICE)
  await page.goto('/')
  await page.getByRole('button', { name: `Edit ${ALICE.address}` }).click()
  await expect(progress(page)).toHaveText(['1Settings', '2Test', '3Done'])
  await expect(progress(page).first()).toHaveAttribute('aria-current', 'step')
  await expect(page.locator('.progress-step--done')).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Your name' }).fill('Alice Example')
  await page.getByRole('button', { name: 'Change the password' }).click()
  // the password is part of the settings: still step 1, nothing marked that was not shown
  await expect(progress(page).first()).toHaveAttribute('aria-current', 'step')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(progress(page).nth(1)).toHaveAttribute('aria-current', 'step')
  await expect(page.locator('.progress-step--done')).toHaveCount(1)
  await page.getByRole('button', { name: 'Save account' }).click()
  await page.getByRole('button', { name: 'Go to your accounts' }).click()
  await expect(page.getByRole('heading', { name: 'Alice Example', level: 2 })).toBeVisible()
  expect(bridge.store.get('accounts')[0]?.displayName).toBe('Alice Example')
})

test('"Back to accounts" with something typed asks first; with nothing typed it just goes', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, ALICE)
  await page.goto('/')
  await page.getByRole('button', { name: 'Add account' }).click()
  await page.getByRole('button', { name: 'Back to accounts' }).click()
  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()

  await page.getByRole('button', { name: 'Add account' }).click()
  await page.getByRole('textbox', { name: 'Email address' }).fill('someone@example.test')
  await page.getByRole('button', { name: 'Back to accounts' }).click()
  const confirm = page.getByRole('group', { name: 'Leave without saving?' })
  await expect(confirm.getByRole('button', { name: 'Keep setting up' })).toBeFocused()
  await screenshot(page, '01-leave-confirm')
  await page.keyboard.press('Escape')
  await expect(confirm).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Back to accounts' })).toBeFocused()
  await expect(page.getByRole('textbox', { name: 'Email address' })).toHaveValue('someone@example.test')

  await page.getByRole('button', { name: 'Back to accounts' }).click()
  await confirm.getByRole('button', { name: 'Leave without saving' }).click()
  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()
})

test('STARTTLS on a port that expects SSL/TLS: the wait says how long it can last, then the fix', async ({
  page,
  bridge,
}) => {
  const port = bridge.bed.ports.imaps
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(ALICE.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Edit settings' }).click()
  const incoming = page.getByRole('group', { name: 'Incoming mail' })
  await incoming.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'STARTTLS' })
  await incoming.getByRole('textbox', { name: 'Port' }).fill(String(port))
  await page.getByRole('button', { name: 'Test both servers' }).click()

  const greeting = page
    .getByRole('list', { name: 'Incoming mail test stages' })
    .getByRole('listitem')
    .filter({ hasText: 'Waiting for the server to answer' })
  await expect(greeting).toHaveAttribute('data-state', 'running')
  await expect(greeting).toContainText(/up to \d+ s more/, { timeout: 5000 })
  await expect(greeting).toContainText('A port that expects SSL/TLS from the first byte stays silent here')
  const seconds = async (): Promise<number> =>
    Number(/up to (\d+) s more/.exec((await greeting.textContent()) ?? '')?.[1])
  const first = await seconds()
  expect(first).toBeLessThanOrEqual(8)
  await expect.poll(seconds, { timeout: 4000 }).toBeLessThan(first)
  await screenshot(page, '01-waiting')

  const diagnosis = page.getByRole('group', { name: new RegExp(`port ${port}`, 'i') })
  await expect(diagnosis).toBeVisible({ timeout: 20_000 })
  await diagnosis.getByRole('button', { name: `Use port ${port} with SSL/TLS` }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeVisible()
})
