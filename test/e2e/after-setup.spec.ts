import type { Page } from '@playwright/test'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'plist'
import { BED_USERS } from '../bed/users.js'
import { expect, screenshot, test } from './bridge.js'

/**
 * Issue 13: what comes after (or instead of) "ready": the settings handed on to the mail app people came
 * for, a sending login of its own, and Microsoft accounts stopped plainly instead of tested in vain.
 */

const ALICE = BED_USERS.alice
const OLAF = BED_USERS.other

async function toServers(page: Page, address: string, password: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
}

type Dict = Record<string, unknown>

test('"ready" hands the settings on: Thunderbird’s file, an Apple profile, a setup sheet, none with a password', async ({
  page,
  bridge,
}) => {
  await toServers(page, ALICE.address, ALICE.appPassword)
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await page.getByRole('button', { name: 'Save account' }).click()
  const handOn = page.getByRole('region', { name: 'Use it in your mail app' })
  await expect(handOn).toContainText('Thunderbird cannot be handed settings by another app')
  await screenshot(page, '01-done', 'done')

  await handOn.getByRole('button', { name: 'Save Thunderbird’s settings file' }).click()
  await expect(handOn.getByRole('status')).toContainText(
    'Saved as example.test.xml. Put it in Thunderbird’s “isp” folder',
  )
  await handOn.getByRole('button', { name: 'Save a profile for iPhone, iPad or Mac' }).click()
  await expect(handOn.getByRole('status')).toContainText(`Saved as ${ALICE.address}.mobileconfig`)
  await handOn.getByRole('button', { name: 'Save a printable setup sheet' }).click()
  await expect(handOn.getByRole('status')).toContainText('setup sheet.html')

  const [xml, profile, sheet] = bridge.savedFiles
  const config = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false }).parse(
    xml?.content ?? '',
  ) as Dict
  const provider = (config['clientConfig'] as Dict)['emailProvider'] as Dict
  expect(provider['incomingServer']).toMatchObject({
    '@_type': 'imap',
    hostname: bridge.bed.host,
    port: String(bridge.bed.ports.imaps),
    socketType: 'SSL',
  })
  const mail = (parse(profile?.content ?? '') as Dict)['PayloadContent'] as Dict[]
  expect(mail[0]).toMatchObject({
    PayloadType: 'com.apple.mail.managed',
    EmailAddress: ALICE.address,
    OutgoingMailServerPortNumber: bridge.bed.ports.smtps,
  })
  expect(sheet?.content).toContain(`<td class="mono">${bridge.bed.ports.smtps}</td>`)
  for (const file of bridge.savedFiles) expect(file.content).not.toContain(ALICE.appPassword)

  // the same, later, from the account's card
  await page.getByRole('button', { name: 'Go to your accounts' }).click()
  const card = page.getByRole('listitem', { name: ALICE.address })
  await card.getByText('Use it in your mail app').click()
  await card.getByRole('button', { name: 'Save a profile for iPhone, iPad or Mac' }).click()
  await expect(card.getByRole('status').filter({ hasText: 'Saved as' })).toContainText('.mobileconfig')
  expect(bridge.savedFiles).toHaveLength(4)
})

test('sending with its own login: its user and password are tested, saved in the keychain apart, and shown', async ({
  page,
  bridge,
}) => {
  await toServers(page, ALICE.address, ALICE.appPassword)
  await page.getByRole('button', { name: 'Edit settings' }).click()
  await page.getByRole('checkbox', { name: 'Outgoing mail signs in with a different user name and password' }).check()
  const outgoing = page.getByRole('group', { name: 'Outgoing mail (SMTP)' })
  await outgoing.getByRole('textbox', { name: 'Outgoing user name' }).fill(OLAF.address)
  await screenshot(page, '01-outgoing-login')

  // without its own password, the incoming one is tried, and the outgoing server refuses it
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Outgoing mail failed the test' })).toBeVisible()
  await page.getByRole('button', { name: 'Change settings' }).click()
  await page.getByRole('button', { name: 'Edit settings' }).click()
  await outgoing.getByLabel('Outgoing password').fill(OLAF.appPassword)
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeVisible()
  await page.getByRole('button', { name: 'Save account' }).click()
  await page.getByRole('button', { name: 'Go to your accounts' }).click()

  const card = page.getByRole('listitem', { name: ALICE.address })
  await expect(card).toContainText(`${ALICE.address} (sending: ${OLAF.address})`)
  await expect(card).toContainText('outgoing mail has its own, also saved')
  const [account] = bridge.store.get('accounts')
  expect(account?.outgoingUsername).toBe(OLAF.address)
  expect(await bridge.secrets.get(`${account?.id}:incoming`)).toBe(ALICE.appPassword)
  expect(await bridge.secrets.get(`${account?.id}:outgoing`)).toBe(OLAF.appPassword)
})

test('Outlook.com and Microsoft 365 are stopped plainly: no password to test, the way on is Sign in with Microsoft', async ({
  page,
}) => {
  for (const [address, name] of [
    ['carol@outlook.com', 'Outlook.com'],
    // m365.test's mail is run by Microsoft 365 (its MX, in the discovery zone), as an office's own domain is
    ['dana@m365.test', 'Microsoft 365'],
  ] as const) {
    await page.goto('/')
    await page.getByRole('textbox', { name: 'Email address' }).fill(address)
    await expect(page.getByRole('status').filter({ hasText: name })).toBeVisible()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { name: `${name} has switched off password sign-in` })).toBeFocused()
    await expect(page.getByText('not even an app password')).toBeVisible()
    // no way on to a password that cannot work: back, the help page, or Microsoft sign-in
    const step = page.locator('.step')
    await expect(step.getByRole('button')).toHaveText([`Read ${name}’s help page`, 'Back', 'Sign in with Microsoft'])
    await expect(page.getByRole('textbox', { name: /password/i })).toHaveCount(0)
    await screenshot(page, `01-stopped-${name}`)
    await step.getByRole('button', { name: 'Back' }).click()
    await expect(page.getByRole('textbox', { name: 'Email address' })).toHaveValue(address)
  }
})
