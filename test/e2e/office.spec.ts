import type { Page } from '@playwright/test'
import type { Account } from '../../src/shared/account.js'
import { blackHole } from '../bed/hostile.js'
import { tlsFront } from '../bed/tls-front.js'
import { BED_USERS } from '../bed/users.js'
import { expect, test, type Bridge } from './bridge.js'

/**
 * Office connection options end to end (issue 16): the built renderer in Chromium, the real services,
 * the real bed. An address of no known provider, so Mailkey may offer to trust a certificate.
 */

const ALICE = BED_USERS.alice
const OFFICE_ADDRESS = 'alice@office.test'

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

/**
 * The address, the password, then the server editor signing in as the bed's alice. The office address
 * belongs to no known provider; the bed's own poses as Gmail (app-password guidance first).
 */
async function toEditor(page: Page, address: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(address)
  await page.getByRole('button', { name: 'Continue' }).click()
  if (address === OFFICE_ADDRESS) {
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ALICE.appPassword)
  } else {
    await page.getByRole('button', { name: 'I have my app password' }).click()
    await page.getByRole('textbox', { name: 'App password' }).fill(ALICE.appPassword)
  }
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeVisible()
  const toggle = page.getByRole('button', { name: 'Edit settings' })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await page.getByRole('textbox', { name: 'Sign-in name' }).fill(ALICE.address)
}

async function setServer(page: Page, group: string, host: string, port: number): Promise<void> {
  const g = page.getByRole('group', { name: group })
  await g.getByRole('textbox', { name: 'Server' }).fill(host)
  await g.getByRole('textbox', { name: 'Port' }).fill(String(port))
  await g.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'SSL/TLS' })
}

function savedAccounts(bridge: Bridge): Account[] {
  return bridge.store.get('accounts')
}

test('trust a self-signed certificate for host:port: pinned by its key, tested again, saved and shown', async ({
  page,
  bridge,
}) => {
  const { bed } = bridge
  const front = await tlsFront({ cert: bed.certs.selfSigned, upstreamPort: bed.ports.imaps, ca: bed.ca })
  try {
    await toEditor(page, OFFICE_ADDRESS)
    await setServer(page, 'Incoming mail', '127.0.0.1', front.port)
    await setServer(page, 'Outgoing mail', bed.host, bed.ports.smtps)
    await page.getByRole('button', { name: 'Test both servers' }).click()

    await expect(page.getByRole('heading', { name: 'Incoming mail failed the test' })).toBeFocused()
    const details = page.getByText('Key pin')
    await expect(details).toBeVisible()
    await shot(page, '01-untrusted')
    await page.getByRole('button', { name: `Trust this certificate for 127.0.0.1:${front.port}` }).click()

    // a full handshake against the pinned key: it passes, and nothing switched verification off
    await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
    await shot(page, '02-trusted')
    await page.getByRole('button', { name: /save/i }).click()
    await expect(page.getByRole('heading', { name: `${OFFICE_ADDRESS} is ready` })).toBeFocused()

    const [account] = savedAccounts(bridge)
    expect(account?.connection.pins).toEqual([
      expect.objectContaining({ host: '127.0.0.1', port: front.port, spki: expect.stringMatching(/^sha256\//) }),
    ])
    expect(account?.lastVerifiedAt).not.toBeNull()

    // shown on the account screen, and removable there
    await page.getByRole('button', { name: 'Go to your accounts' }).click()
    const card = page.getByRole('listitem').filter({ hasText: OFFICE_ADDRESS })
    const stop = card.getByRole('button', { name: `Stop trusting the certificate of 127.0.0.1:${front.port}` })
    await expect(stop).toBeVisible()
    await shot(page, '03-account')
    await stop.click()
    await expect(stop).toHaveCount(0)
    expect(savedAccounts(bridge)[0]?.connection.pins).toEqual([])
  } finally {
    await front.close()
  }
})

test('a black-holed outgoing server: the fallback is tested, saving is offered, and the message says which server took it and why', async ({
  page,
  bridge,
}) => {
  // the default connect timeout (10 s) is spent twice: the test, then the validation message
  test.setTimeout(120_000)
  const { bed } = bridge
  const hole = await blackHole()
  try {
    // the bed's own address: the validation message goes to a mailbox that exists
    await toEditor(page, ALICE.address)
    await setServer(page, 'Incoming mail', bed.host, bed.ports.imaps)
    await setServer(page, 'Outgoing mail', '127.0.0.1', hole.port)
    await page.getByRole('button', { name: 'Add another outgoing server' }).click()
    await setServer(page, 'Outgoing server 2', bed.host, bed.ports.smtps)
    await page.getByRole('button', { name: 'Test both servers' }).click()

    const heading = page.getByRole('heading', { name: 'Both work, sending through a fallback server' })
    await expect(heading).toBeFocused({ timeout: 30_000 })
    const fallbacks = page.getByRole('region', { name: 'Fallback outgoing servers' })
    await expect(fallbacks.getByRole('listitem')).toHaveText([
      new RegExp(`^${bed.host} port ${bed.ports.smtps}, SSL/TLS: works`),
    ])
    await shot(page, '01-fallback-tested')

    // validation: one message from the address to itself, sent through the first server that works
    const prove = page.getByRole('checkbox', { name: /message/i })
    if (!(await prove.isChecked())) await prove.check()
    await page.getByRole('button', { name: 'Validate and save' }).click()
    await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeFocused({ timeout: 60_000 })
    await expect(
      page.getByText(
        `Sent through the fallback server ${bed.host} port ${bed.ports.smtps}, because 127.0.0.1:${hole.port}`,
      ),
    ).toBeVisible()
    await shot(page, '02-sent-through-fallback')

    const [account] = savedAccounts(bridge)
    expect(account?.outgoingFallbacks).toEqual([{ host: bed.host, port: bed.ports.smtps, security: 'tls' }])
    expect(account?.lastVerifiedAt).not.toBeNull()
  } finally {
    await hole.close()
  }
})
