import type { Locator, Page } from '@playwright/test'
import type { AccountView } from '../../src/shared/account.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { expect, saveBedAccount, scanA11y, test, type Bridge } from './bridge.js'

/**
 * Send-as addresses against the real bed: Gina's Gmail-like server silently rewrites an unregistered
 * From (only the round trip sees it), Alice's refuses one at MAIL FROM, and Olaf's address sends
 * through its own server and login. Then validate and save in the wizard, with the validation message.
 */

const GINA = BED_USERS.gmailish
const ALICE = BED_USERS.alice
const OLAF = BED_USERS.other
const SEND_AS_SETTINGS = 'https://mail.google.com/mail/u/0/#settings/accounts'
// a round trip is quick on the bed, but it is one message through SMTP, LMTP and IMAP
const ROUND_TRIP = { timeout: 30_000 }

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

async function openSection(page: Page, address: string): Promise<Locator> {
  await page.goto('/')
  const card = page.getByRole('listitem', { name: address, exact: true })
  const section = card.getByRole('region', { name: 'Send-as addresses' })
  await expect(section).toBeVisible()
  return section
}

interface NewAlias {
  name?: string
  address: string
  own?: { host: string; port: number; username: string; password: string }
}

async function addAlias(section: Locator, alias: NewAlias): Promise<Locator> {
  await section.getByRole('button', { name: 'Add address' }).click()
  const form = section.getByRole('form', { name: 'Add a send-as address' })
  await expect(form.getByRole('textbox', { name: 'Name (optional)' })).toBeFocused()
  if (alias.name) await form.getByRole('textbox', { name: 'Name (optional)' }).fill(alias.name)
  await form.getByRole('textbox', { name: 'Address', exact: true }).fill(alias.address)
  if (alias.own) {
    await form.getByRole('button', { name: 'Send through a different server' }).click()
    const server = form.getByRole('group', { name: 'Its own outgoing server' })
    await server.getByRole('textbox', { name: 'Server', exact: true }).fill(alias.own.host)
    await server.getByRole('textbox', { name: 'Port' }).fill(String(alias.own.port))
    await server.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'STARTTLS' })
    await server.getByRole('textbox', { name: 'Username' }).fill(alias.own.username)
    await server.getByLabel('Password for this server').fill(alias.own.password)
  }
  await form.getByRole('button', { name: 'Save address' }).click()
  const item = section.getByRole('listitem', { name: new RegExp(alias.address.replace(/\./g, '\\.')) })
  await expect(item.getByRole('heading')).toBeFocused()
  await expect(item).toContainText('Not checked yet')
  return item
}

async function check(item: Locator, address: string, roundTrip: boolean): Promise<void> {
  await item.getByRole('button', { name: `Check ${address}` }).click()
  const box = item.getByRole('checkbox', { name: /^Also send one test message to/ })
  await expect(box).toBeFocused()
  await box.setChecked(roundTrip)
  await item.getByRole('button', { name: 'Start the check' }).click()
}

function aliasOf(bridge: Bridge, address: string) {
  const accounts = bridge.store.get('accounts') as AccountView[]
  return accounts.flatMap((a) => a.aliases).find((a) => a.address === address)
}

test('Gmail-like account: a From Gmail would rewrite is caught with its fix; a confirmed alias passes both checks', async ({
  page,
  bridge,
}) => {
  await saveBedAccount(bridge, GINA)
  const section = await openSection(page, GINA.address)

  // the add form explains Gmail's own confirmation message for the typed address
  await section.getByRole('button', { name: 'Add address' }).click()
  await section.getByRole('textbox', { name: 'Address', exact: true }).fill('gina.sales@example.test')
  await expect(section.getByRole('note', { name: 'Gmail confirms each address itself' })).toContainText(
    '“Gmail Confirmation - Send Mail as gina.sales@example.test”',
  )
  await section.getByRole('button', { name: 'Cancel' }).click()
  await expect(section.getByRole('button', { name: 'Add address' })).toBeFocused()

  const sales = await addAlias(section, { name: 'Gina Sales', address: 'gina.sales@example.test' })
  // on Gmail the sender check alone proves nothing: the test message is on unless turned off
  await sales.getByRole('button', { name: 'Check gina.sales@example.test' }).click()
  await expect(sales.getByRole('checkbox', { name: /^Also send one test message to/ })).toBeChecked()
  await sales.getByRole('button', { name: 'Cancel' }).click()
  await check(sales, 'gina.sales@example.test', true)
  // Gmail takes any sender when asked, so the server check passes; the test message sees the From replaced
  await expect(sales.getByRole('heading', { name: 'Accepted, but the From was rewritten' })).toBeFocused(ROUND_TRIP)
  await expect(sales.getByRole('region', { name: /Server check/ })).toContainText('Accepted for now')
  const rewrite = sales.getByRole('group', {
    name: 'Gmail replaced gina.sales@example.test with your account address: add it under “Send mail as”',
  })
  await expect(rewrite).toContainText('Gmail noted the address it replaced')
  await expect(rewrite).toContainText('Arrived with From')
  await expect(rewrite).toContainText('gina@example.test')
  await expect(sales.getByRole('note', { name: 'Gmail confirms each address itself' })).toBeVisible()
  await shot(page, '01-rewritten')
  await rewrite.getByRole('button', { name: 'Open Gmail’s “Send mail as” settings' }).click()
  await expect.poll(() => bridge.opened).toContain(SEND_AS_SETTINGS)
  expect(aliasOf(bridge, 'gina.sales@example.test')?.lastCheck).toMatchObject({
    sender: { ok: true },
    roundTrip: { ok: false, rewritten: true },
  })
  await sales.getByRole('button', { name: 'Close' }).click()
  await expect(sales.getByRole('button', { name: 'Check gina.sales@example.test' })).toBeFocused()
  await expect(sales).toContainText('Server checkAccepted')
  await expect(sales).toContainText('Test messageFrom rewritten')
  // a From Gmail rewrites is not offered as the default: mail would not go out from it
  await expect(sales.getByRole('button', { name: /^Make default/ })).toHaveCount(0)
  await expect(section).not.toContainText(/level \d|MAIL FROM|X-Google/i)

  const verified = await addAlias(section, { address: 'gina.verified@example.test' })
  await check(verified, 'gina.verified@example.test', true)
  await expect(
    verified.getByRole('heading', { name: 'gina.verified@example.test works: accepted and arrived as sent' }),
  ).toBeFocused(ROUND_TRIP)
  await expect(verified.getByRole('group', { name: /arrived as sent/ })).toBeVisible()
  await shot(page, '02-verified')
  await verified.getByRole('button', { name: 'Close' }).click()
  await expect(verified).toContainText('Test messageArrived as sent')
  expect(aliasOf(bridge, 'gina.verified@example.test')?.lastCheck).toMatchObject({
    sender: { ok: true },
    roundTrip: { ok: true },
  })
})

test('Alice: a foreign From is refused by the server check in its own words; Olaf’s address passes through its own server', async ({
  page,
  bridge,
}) => {
  const account = await saveBedAccount(bridge, ALICE)
  const section = await openSection(page, ALICE.address)

  const bob = await addAlias(section, { address: 'bob@elsewhere.test' })
  await check(bob, 'bob@elsewhere.test', true)
  await expect(bob.getByRole('heading', { name: 'The server refused this sender' })).toBeFocused(ROUND_TRIP)
  const refused = bob.getByRole('region', { name: /Server check/ })
  await expect(refused).toContainText('Sender address rejected: not owned by user alice@example.test')
  await expect(refused).toContainText('Asking to send from this address')
  await expect(bob.getByRole('region', { name: /Test message/ })).toContainText('Not sent')
  await shot(page, '03-refused')
  await bob.getByRole('button', { name: 'Close' }).click()
  await expect(bob).toContainText('Server checkRefused')
  // a refused address is not offered as the default From
  await expect(bob.getByRole('button', { name: /^Make default/ })).toHaveCount(0)
  await expect(section).not.toContainText(/level \d|MAIL FROM/i)

  const olaf = await addAlias(section, {
    name: 'Olaf',
    address: OLAF.address,
    own: {
      host: bridge.bed.host,
      port: bridge.bed.ports.submission,
      username: OLAF.address,
      password: OLAF.appPassword,
    },
  })
  await expect(olaf).toContainText(`port ${bridge.bed.ports.submission}, STARTTLS, signing in as ${OLAF.address}`)
  const stored = aliasOf(bridge, OLAF.address)
  expect(stored).toMatchObject({ smtp: { port: bridge.bed.ports.submission, security: 'starttls' } })
  expect(await bridge.secrets.get(`${account.id}:alias:${stored?.id ?? ''}`)).toBe(OLAF.appPassword)
  await check(olaf, OLAF.address, true)
  await expect(olaf.getByRole('heading', { name: `${OLAF.address} works: accepted and arrived as sent` })).toBeFocused(
    ROUND_TRIP,
  )
  await expect(olaf.getByRole('region', { name: /Server check/ })).toContainText(`port ${bridge.bed.ports.submission}`)
  await shot(page, '04-own-server')
  await olaf.getByRole('button', { name: 'Close' }).click()

  // the default From, and back to the account's own address
  await olaf.getByRole('button', { name: `Make default: ${OLAF.address}` }).click()
  await expect(olaf.getByText('Default From')).toBeVisible()
  expect(aliasOf(bridge, OLAF.address)?.isDefault).toBe(true)
  await section.getByRole('button', { name: `Make default: ${ALICE.address}` }).click()
  await expect(olaf.getByText('Default From')).toHaveCount(0)
  expect(aliasOf(bridge, OLAF.address)?.isDefault).toBe(false)

  // export, on the clipboard, with no password in it
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await section.getByRole('button', { name: 'Copy identities' }).click()
  const text = section.getByRole('textbox', { name: 'Settings to hand on' })
  await expect(text).toHaveValue(/Send-as addresses:/)
  await expect(section.getByText('Copied to the clipboard. It holds no password.')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain(`Olaf <${OLAF.address}>`)
  expect(copied).not.toContain(OLAF.appPassword)
  expect(copied).not.toContain(ALICE.appPassword)
  // times for people: "2026-11-22 06:42 UTC", not an ISO string
  expect(copied).toMatch(/Last checked \d{4}-\d\d-\d\d \d\d:\d\d UTC/)
  expect(copied).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
  await shot(page, '05-export')
  await page.keyboard.press('Escape')
  await expect(section.getByRole('button', { name: 'Copy identities' })).toBeFocused()

  // a test message from the refused alias: the diagnosis, in the server's words
  await section.getByRole('button', { name: 'Send a test email…' }).click()
  const form = section.getByRole('form', { name: 'Send a test email' })
  await expect(form.getByRole('textbox', { name: 'Send to' })).toBeFocused()
  await form.getByRole('textbox', { name: 'Send to' }).fill('someone@example.test')
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'bob@elsewhere.test' })
  await form.getByRole('button', { name: 'Send test email' }).click()
  await expect(form.getByRole('group')).toContainText('not owned by user alice@example.test', ROUND_TRIP)
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: ALICE.address })
  await form.getByRole('button', { name: 'Send test email' }).click()
  await expect(form.getByText('Sent to someone@example.test')).toBeVisible(ROUND_TRIP)
  await shot(page, '06-sent')
  await form.getByRole('button', { name: 'Close' }).click()

  // removing asks first, and takes the alias's own password out of the keychain
  await olaf.getByRole('button', { name: `Remove ${OLAF.address}` }).click()
  await expect(olaf.getByRole('button', { name: 'Keep address' })).toBeFocused()
  await olaf.getByRole('button', { name: 'Remove address' }).click()
  await expect(section.getByRole('heading', { name: 'Send-as addresses' })).toBeFocused()
  await expect(section.getByRole('listitem', { name: new RegExp(OLAF.address) })).toHaveCount(0)
  expect(await bridge.secrets.keys()).not.toContain(`${account.id}:alias:${stored?.id ?? ''}`)
  expect(JSON.stringify(bridge.results)).not.toContain(OLAF.appPassword)
})

test('validate and save: the validation message arrives, and only then is the account saved as verified', async ({
  page,
  bridge,
}) => {
  const twofa = BED_USERS.twofa
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(twofa.address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(twofa.appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()

  const proof = page.getByRole('checkbox', {
    name: 'Prove delivery: send a validation message to myself before saving',
  })
  await proof.check()
  await expect(page.getByRole('button', { name: 'Validate and save' })).toBeVisible()
  await scanA11y(page, 'wizard: validate and save offered')
  await shot(page, '07-validate-offered')
  await page.getByRole('button', { name: 'Validate and save' }).click()
  await expect(page.getByRole('heading', { name: `${twofa.address} is ready` })).toBeFocused(ROUND_TRIP)
  const delivery = page.getByRole('definition').filter({ hasText: 'arrived as sent' })
  await expect(delivery).toContainText(`A message from ${twofa.address} arrived as sent`)
  await expect(page.getByText(/^Verified/)).toBeVisible()
  await shot(page, '08-validated')
  const [saved] = bridge.store.get('accounts') as AccountView[]
  expect(saved?.email).toBe(twofa.address)
  expect(Date.parse(saved?.lastVerifiedAt ?? '')).toBeGreaterThan(Date.now() - 120_000)
})

test('validate and save: a server that refuses the password now saves nothing, says why, and keeps what was typed', async ({
  page,
  bridge,
}) => {
  const rotating = BED_USERS.rotating
  try {
    await page.goto('/')
    await page.getByRole('textbox', { name: 'Email address' }).fill(rotating.address)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'I have my app password' }).click()
    await page.getByRole('textbox', { name: 'App password' }).fill(rotating.appPassword)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Test both servers' }).click()
    await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
    await page.getByRole('checkbox', { name: /^Prove delivery/ }).check()

    // Google revokes the app password between the test and the save
    setAppPassword(bridge.bed.usersFile, rotating.address, 'revokedapppasswd')
    await page.getByRole('button', { name: 'Validate and save' }).click()
    await expect(page.getByRole('heading', { name: 'The account was not saved' })).toBeFocused(ROUND_TRIP)
    await expect(page.getByRole('region', { name: 'The account was not saved' })).toContainText(
      'A server did not accept the settings, so nothing was saved.',
    )
    await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Validate and save' })).toHaveCount(0)
    await scanA11y(page, 'wizard: validate and save refused')
    await shot(page, '09-not-validated')
    expect(bridge.store.get('accounts')).toEqual([])
    expect(await bridge.secrets.keys()).toEqual([])

    // nothing typed was lost: the password is back, and testing again passes
    setAppPassword(bridge.bed.usersFile, rotating.address, rotating.appPassword)
    await page.getByRole('button', { name: 'Test again' }).click()
    await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
    await expect(page.getByRole('checkbox', { name: /^Prove delivery/ })).toBeChecked()
  } finally {
    setAppPassword(bridge.bed.usersFile, rotating.address, rotating.appPassword)
  }
})
