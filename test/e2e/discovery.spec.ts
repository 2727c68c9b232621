import { BED_USERS } from '../bed/users.js'
import { expect, screenshot, test } from './bridge.js'

/**
 * Discovery in the browser: the built wizard, `window.mailkey` wired to the real services, which ask
 * the discovery zone's DNS server and find the bed's real mail servers.
 */

test('an unknown domain: from the address to tested servers with no server typed, showing where they came from', async ({
  page,
  bridge,
}) => {
  const kim = BED_USERS.office
  expect(bridge.bed.host).toBe('127.0.0.1')
  await page.goto('/')
  await page.getByLabel('Email address').fill(kim.address)
  const status = page.getByRole('status').filter({ hasText: 'guess.test' })
  await expect(status).toContainText('Guessed: the server answered')
  await page.getByRole('button', { name: 'Continue' }).click()

  await page.getByRole('textbox', { name: 'Password' }).fill(kim.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeVisible()
  const summary = page.locator('.summary')
  await expect(summary).toContainText('imap.guess.test')
  await expect(summary).toContainText('smtp.guess.test')
  await expect(summary.getByText('Guessed: the server answered')).toHaveCount(2)
  await summary.getByText(/How Mailkey found these/).click()
  await expect(summary.getByText(/Who runs your domain’s mail \(MX\): nothing there/)).toBeVisible()
  await screenshot(page, 'discovery-servers', 'discovery')
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
})

test('a host outside the domain: named with why, tested only after one click to confirm it', async ({
  page,
  bridge,
}) => {
  const lee = BED_USERS.away
  expect(bridge.bed.host).toBe('127.0.0.1')
  await page.goto('/')
  await page.getByLabel('Email address').fill(lee.address)
  await expect(page.getByRole('status').filter({ hasText: 'srvaway.test' })).toContainText('From DNS (SRV records)')
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('textbox', { name: 'Password' }).fill(lee.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()

  const cautions = page.getByRole('group', { name: 'Servers that need your confirmation' })
  await expect(cautions).toContainText('imap.hostco.test is not part of srvaway.test')
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByText('Confirm imap.hostco.test below before Mailkey sends your password there.')).toBeVisible()
  await cautions.getByRole('button', { name: 'Use imap.hostco.test' }).click()
  await cautions.getByRole('button', { name: 'Use smtp.hostco.test' }).click()
  await expect(cautions).toHaveCount(0)
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
})
