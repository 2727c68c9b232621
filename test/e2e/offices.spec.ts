import type { Page } from '@playwright/test'
import { deliver } from '../bed/deliver.js'
import { freePort } from '../bed/process.js'
import { OFFICE_USERS } from '../bed/users.js'
import { expect, saveBedAccount, scanA11y, screenshot, test, type Bridge } from './bridge.js'

/**
 * An office's mailboxes on the accounts screen, against the real bed: "Check all" with a working, a
 * stale and an unreachable account, and an account's incoming filter previewed on its real inbox and
 * uploaded to Dovecot's ManageSieve.
 */

const [WORKS_A, WORKS_B, REVOKED, FILTERED] = [OFFICE_USERS[0], OFFICE_USERS[1], OFFICE_USERS[2], OFFICE_USERS[3]].map(
  (u) => {
    if (!u) throw new Error('the bed has too few office users')
    return u
  },
) as [
  (typeof OFFICE_USERS)[number],
  (typeof OFFICE_USERS)[number],
  (typeof OFFICE_USERS)[number],
  (typeof OFFICE_USERS)[number],
]

// four accounts checked for real, two axe scans: more than one wizard's worth of work on a shared machine
test.describe.configure({ timeout: 120_000 })

async function accountsScreen(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()
}

async function saveUnchecked(bridge: Bridge, email: string, password: string, port?: number): Promise<void> {
  const { bed } = bridge
  await bridge.services.accounts.save({
    email,
    providerId: 'gmail',
    incoming: { protocol: 'imap', host: bed.host, port: port ?? bed.ports.imaps, security: 'tls' },
    outgoing: { host: bed.host, port: port ?? bed.ports.smtps, security: 'tls' },
    password,
    verifiedAt: null,
  })
}

test('check all: live rows, then works / stale / failing with cause and fix, a total, and the stale card flagged', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, WORKS_A)
  await saveBedAccount(bridge, WORKS_B)
  // Google revoked this one's app password; and one whose server is gone
  await saveUnchecked(bridge, REVOKED.address, 'revokedapppasswd')
  await saveUnchecked(bridge, 'gone@example.test', 'whateverpassword', await freePort())
  await accountsScreen(page)

  // from the keyboard: Tab to the button, Enter
  const button = page.getByRole('button', { name: 'Check all' })
  await button.focus()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('region', { name: /Checking 4 accounts|Some accounts need attention/ })
  await expect(panel).toBeVisible()
  await screenshot(page, '01-checking')
  const done = page.getByRole('region', { name: 'Some accounts need attention' })
  await expect(done).toBeVisible({ timeout: 30_000 })
  await expect(done.getByRole('heading')).toBeFocused()
  const row = (email: string) => done.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) })
  await expect(row(WORKS_A.address)).toContainText('Works')
  await expect(row(WORKS_B.address)).toContainText('Works')
  await expect(row(REVOKED.address)).toContainText('Needs a new password')
  await expect(row(REVOKED.address)).toContainText('invalid_credentials')
  await expect(row('gone@example.test')).toContainText('Failing')
  await expect(row('gone@example.test')).toContainText('connection_refused')
  await expect(done).toContainText('4 accounts: 2 work, 1 stale, 1 failing.')
  // the stale account's card now says so, with its reset
  const card = page.getByRole('listitem', { name: REVOKED.address })
  await expect(card.getByRole('region', { name: 'The saved password stopped working' })).toBeVisible()
  await screenshot(page, '02-checked', 'check-all')
  await scanA11y(page, 'check all')
  await page.getByRole('button', { name: 'Close' }).first().click()
  await expect(done).toHaveCount(0)
})

test('incoming filter: preview on the real inbox, save, the script shown, uploaded to ManageSieve', async ({
  page,
  bridge,
}) => {
  const { bed } = bridge
  await saveBedAccount(bridge, FILTERED)
  await deliver(bed.ports.lmtp, FILTERED.address, { from: 'win@spam.test', subject: 'You won a prize' })
  await deliver(bed.ports.lmtp, FILTERED.address, { from: 'boss@client.test', subject: 'Quarterly plan' })
  await accountsScreen(page)
  const card = page.getByRole('listitem', { name: FILTERED.address })
  await card.getByRole('button', { name: `Add a filter for ${FILTERED.address}` }).click()
  const form = card.getByRole('form', { name: `Incoming filter of ${FILTERED.address}` })
  await expect(form.getByRole('heading')).toBeFocused()
  await form.getByRole('textbox', { name: 'Domains' }).fill('spam.test\nspam.test\n')
  await expect(form).toContainText('Left out 1 repeated entry')
  await form.getByRole('button', { name: 'Preview on the inbox' }).click()
  const table = form.getByRole('table')
  await expect(table).toContainText('The newest 2 of 2 messages in the inbox: 1 allowed, 1 ignored.', {
    timeout: 20_000,
  })
  await expect(table.getByRole('row', { name: /You won a prize/ })).toContainText('Ignored')
  await expect(table.getByRole('row', { name: /You won a prize/ })).toContainText('Domain “spam.test”')
  await expect(table.getByRole('row', { name: /Quarterly plan/ })).toContainText('Allowed')
  // a keyword typed now is judged at once, without reading the inbox again
  await form.getByRole('textbox', { name: 'Keywords' }).fill('quarterly')
  await expect(table.getByRole('row', { name: /Quarterly plan/ })).toContainText('Keyword “quarterly”')
  await screenshot(page, '03-filter-preview')
  await scanA11y(page, 'filter editor')
  await form.getByRole('button', { name: 'Save filter' }).click()
  await expect(card).toContainText('Ignore: 0 addresses, 1 domain, 1 keyword. Ignored mail is filed in “Ignored”.')
  expect(bridge.services.accounts.get(bridge.services.accounts.listSaved()[0]?.id ?? '').filter).toMatchObject({
    domains: ['spam.test'],
    keywords: ['quarterly'],
  })

  await card.getByRole('button', { name: 'Show the script…' }).click()
  const panel = card.getByRole('region', { name: 'Filter script (Sieve)' })
  await expect(panel.getByRole('textbox', { name: 'The script' })).toHaveValue(
    /address :domain :is "from" \["spam\.test"\]/,
  )
  await panel.getByRole('textbox', { name: `ManageSieve port on ${bed.host}` }).fill(String(bed.ports.sieve))
  await panel.getByRole('button', { name: 'Upload and switch on' }).click()
  await expect(panel.getByRole('status').filter({ hasText: 'Uploaded to' })).toContainText(
    `port ${bed.ports.sieve} as “mailkey” and switched on`,
    {
      timeout: 20_000,
    },
  )
  await screenshot(page, '04-filter-uploaded')
})
