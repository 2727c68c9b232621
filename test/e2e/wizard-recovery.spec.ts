import type { Page } from '@playwright/test'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { BED_USERS } from '../bed/users.js'
import { freePort } from '../bed/process.js'
import { expect, test } from './bridge.js'

/** Getting out of a test that hangs, and a fix that sends the user to the field it names. */

const ALICE = BED_USERS.alice

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

async function toServers(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(ALICE.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Edit settings' }).click()
}

test('Escape cancels a hanging test and returns to the servers with everything kept', async ({ page, bridge }) => {
  // a server that accepts connections and never says a word: the greeting would wait 10 s
  const sockets = new Set<Socket>()
  const silent = createServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  const port = (silent.address() as AddressInfo).port
  try {
    await toServers(page)
    const incoming = page.getByRole('group', { name: 'Incoming mail' })
    await incoming.getByRole('textbox', { name: 'Port' }).fill(String(port))
    await incoming.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'STARTTLS' })
    await page.getByRole('button', { name: 'Test both servers' }).click()

    const waiting = page
      .getByRole('list', { name: 'Incoming mail test stages' })
      .getByRole('listitem')
      .filter({ hasText: 'Waiting for the server to answer' })
    await expect(waiting).toHaveAttribute('data-state', 'running')
    await expect(
      page.getByRole('list', { name: 'Outgoing mail test stages' }).getByRole('listitem').last(),
    ).toHaveAttribute('data-state', 'done')
    await shot(page, '01-running')
    await page.keyboard.press('Escape')

    await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeVisible()
    await expect(page.getByText('Test cancelled.')).toBeVisible()
    await expect(page.getByText(`port ${port}, STARTTLS`)).toBeVisible()
    await shot(page, '02-cancelled')
    await page.getByRole('button', { name: 'Back' }).click()
    await expect(page.getByRole('textbox', { name: 'App password' })).toHaveValue(ALICE.appPassword)
    expect(bridge.store.get('accounts')).toEqual([])
  } finally {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => silent.close(() => resolve()))
  }
})

test('a refused connection offers a fix that opens the editor on the port', async ({ page, bridge }) => {
  const closed = await freePort()
  await toServers(page)
  await page.getByRole('group', { name: 'Incoming mail' }).getByRole('textbox', { name: 'Port' }).fill(String(closed))
  await page.getByRole('button', { name: 'Test both servers' }).click()

  await expect(page.getByRole('heading', { name: 'Incoming mail failed the test' })).toBeFocused()
  await expect(page.getByRole('group', { name: `Nothing answers at 127.0.0.1 port ${closed}` })).toBeVisible()
  await shot(page, '01-refused')
  await page.getByRole('button', { name: 'Check the server name and port' }).click()

  const port = page.getByRole('group', { name: 'Incoming mail' }).getByRole('textbox', { name: 'Port' })
  await expect(port).toBeFocused()
  await expect(port).toHaveValue(String(closed))
  await shot(page, '02-editor')
  expect(bridge.store.get('accounts')).toEqual([])
})
