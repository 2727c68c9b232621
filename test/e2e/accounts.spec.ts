import type { Locator, Page } from '@playwright/test'
import type { AccountView } from '../../src/shared/account.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { expect, test, type Bridge } from './bridge.js'
import { addAccount } from './add-account.js'

/**
 * The accounts screen against the real bed and keychain: a revoked app password found by a re-test and
 * repaired by the reset flow, and editing a saved account without typing its password again.
 */

const ROTATING = BED_USERS.rotating
const ALICE = BED_USERS.alice

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

function savedAccounts(bridge: Bridge): AccountView[] {
  return bridge.store.get('accounts') as AccountView[]
}

async function incomingKey(bridge: Bridge): Promise<string> {
  const keys = (await bridge.secrets.keys()).filter((k) => k.endsWith(':incoming'))
  expect(keys).toHaveLength(1)
  return keys[0]
}

function stageStates(card: Locator, side: 'Incoming' | 'Outgoing'): Promise<(string | null)[]> {
  return card
    .getByRole('list', { name: `${side} mail test stages` })
    .getByRole('listitem')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))
}

test('Google revoked the app password: re-test flags it, a wrong reset keeps the old one, the right one repairs it', async ({
  page,
  bridge,
}) => {
  try {
    await addAccount(page, ROTATING.address, ROTATING.appPassword)
    const key = await incomingKey(bridge)
    const firstVerified = savedAccounts(bridge)[0]?.lastVerifiedAt
    expect(firstVerified).toBeTruthy()
    const card = page.getByRole('listitem', { name: ROTATING.address })
    await shot(page, '01-saved')

    // the user changed their Google password: Google revoked every app password
    setAppPassword(bridge.bed.usersFile, ROTATING.address, 'freshapppassword')
    await card.getByRole('button', { name: `Re-test ${ROTATING.address}` }).click()
    const banner = card.getByRole('region', { name: 'The saved password stopped working' })
    await expect(banner).toBeVisible({ timeout: 20_000 })
    await expect(banner).toContainText('Google revokes every app password when the Google account password changes')
    await expect(banner).toContainText('both mail servers')
    await expect(card).toContainText('Refuses the saved password')
    expect(savedAccounts(bridge)[0]?.stale).toMatchObject({ side: 'both' })
    await shot(page, '02-stale')

    // a wrong new password: tested, refused, nothing replaced
    await banner.getByRole('button', { name: 'Enter the new app password' }).click()
    const field = card.getByRole('textbox', { name: 'New app password' })
    await expect(field).toBeFocused()
    await field.fill('wron gpas swor dxyz')
    await expect(field).toHaveValue('wrongpasswordxyz')
    await shot(page, '03-reset-form')
    await page.keyboard.press('Enter')
    await expect(card.getByRole('heading', { name: 'The new password did not work' })).toBeFocused()
    await expect(card).toContainText('Your old password is still saved; nothing was changed.')
    await expect(card.getByRole('group', { name: /password/i }).first()).toBeVisible()
    await expect(banner).toBeVisible()
    expect(await bridge.secrets.get(key)).toBe(ROTATING.appPassword)
    expect(savedAccounts(bridge)[0]?.stale).not.toBeNull()
    await shot(page, '04-reset-refused')

    // the right one: both servers take it, it replaces the old one, the banner goes
    await card.getByRole('button', { name: 'Try another password' }).click()
    await expect(field).toBeFocused()
    await field.fill('fres happ pass word')
    await page.keyboard.press('Enter')
    await expect(card.getByRole('heading', { name: 'The new password works and is saved' })).toBeFocused()
    for (const side of ['Incoming', 'Outgoing'] as const) {
      expect(new Set(await stageStates(card, side))).toEqual(new Set(['done']))
    }
    await expect(banner).toHaveCount(0)
    await expect(card).toContainText(/Verified \S/)
    await expect(card).not.toContainText('Refuses the saved password')
    expect(await bridge.secrets.get(key)).toBe('freshapppassword')
    const repaired = savedAccounts(bridge)[0]
    expect(repaired?.stale).toBeNull()
    expect(Date.parse(repaired?.lastVerifiedAt ?? '')).toBeGreaterThan(Date.parse(firstVerified ?? ''))
    await shot(page, '05-repaired')
    expect(JSON.stringify(bridge.results)).not.toContain('freshapppassword')
  } finally {
    setAppPassword(bridge.bed.usersFile, ROTATING.address, ROTATING.appPassword)
  }
})

test('editing the outgoing server of a saved account asks for the password again (it goes only to its own servers), tests and saves', async ({
  page,
  bridge,
}) => {
  await addAccount(page, ALICE.address, ALICE.appPassword)
  const key = await incomingKey(bridge)
  const [before] = savedAccounts(bridge)
  expect(before?.outgoing.port).toBe(bridge.bed.ports.smtps)

  await page.getByRole('button', { name: `Edit ${ALICE.address}` }).click()
  await expect(page.getByRole('heading', { name: `Edit ${ALICE.address}` })).toBeVisible()
  // the editor is open on the saved settings, focus in its first field
  await expect(page.locator('#incoming-protocol')).toBeFocused()
  await expect(page.getByText('The settings this account was saved with')).toBeVisible()
  const outgoing = page.getByRole('group', { name: 'Outgoing mail (SMTP)' })
  await outgoing.getByRole('textbox', { name: 'Port' }).fill(String(bridge.bed.ports.submission))
  await outgoing.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'STARTTLS' })
  // issue 12: another port is another server; the saved password is not sent there
  await expect(page.getByText('The servers changed')).toBeVisible()
  await shot(page, '01-edit')
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByText(/The servers changed, so enter the password again/)).toBeVisible()
  await page.getByLabel('New app password (optional)').fill(ALICE.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()

  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
  await expect(page.getByRole('article', { name: 'Outgoing mail' })).toContainText(
    `port ${bridge.bed.ports.submission}, STARTTLS`,
  )
  await shot(page, '02-tested')
  await page.getByRole('button', { name: 'Save account' }).click()
  await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeFocused()
  await shot(page, '03-done')
  await page.getByRole('button', { name: 'Go to your accounts' }).click()

  const card = page.getByRole('listitem', { name: ALICE.address })
  await expect(card).toContainText(`port ${bridge.bed.ports.submission}, STARTTLS`)
  await expect(card).toContainText(/Verified \S/)
  const after = savedAccounts(bridge)
  expect(after).toHaveLength(1)
  expect(after[0]).toMatchObject({
    id: before?.id,
    outgoing: { port: bridge.bed.ports.submission, security: 'starttls' },
    stale: null,
  })
  expect(Date.parse(after[0]?.lastVerifiedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(before?.lastVerifiedAt ?? ''))
  expect(await bridge.secrets.keys()).toEqual([key])
  expect(await bridge.secrets.get(key)).toBe(ALICE.appPassword)
  await shot(page, '04-accounts')
})
