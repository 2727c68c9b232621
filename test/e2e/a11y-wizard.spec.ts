import type { Page } from '@playwright/test'
import { createServer as createTcpServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { freePort } from '../bed/process.js'
import { BED_USERS } from '../bed/users.js'
import { expect, expectReadableAt200, refuseKeychain, scanA11y, screenshot, test } from './bridge.js'

/**
 * Accessibility of every wizard step against the real services: an axe-core scan in the light and the
 * dark theme (no violation of impact "serious" or "critical" may remain), and a screenshot of each.
 * With UPDATE_README_SCREENSHOTS=1 the README's pictures of the wizard are written too.
 */

const ALICE = BED_USERS.alice

/** A server that accepts connections and never says a word: a test against it stays running. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: NetServer = createTcpServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function toServersEditor(page: Page, password: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Edit settings' }).click()
}

// each test scans a dozen screens in light and dark with axe (seconds each on a loaded 2-core machine)
test.describe.configure({ timeout: 180_000 })

test('every wizard step: address, guidance, password, servers, editor, running, failed, passed, done', async ({
  page,
  bridge,
}) => {
  const silent = await silentServer()
  try {
    await page.goto('/')
    await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
    await expect(page.getByRole('status').filter({ hasText: 'Gmail' })).toBeVisible()
    await scanA11y(page, 'address')
    await screenshot(page, '01-address')
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page.getByRole('heading', { name: 'Gmail needs an app password for Mailkey' })).toBeFocused()
    await scanA11y(page, 'app-password guidance')
    await screenshot(page, '02-guidance', 'app-password')
    await expectReadableAt200(page, '02-guidance')
    await page.getByRole('button', { name: 'I have my app password' }).click()

    await page.getByRole('textbox', { name: 'App password' }).fill('abcd efgh ijkl mnop')
    await scanA11y(page, 'password')
    await screenshot(page, '03-password')
    await page.getByRole('button', { name: 'Continue' }).click()

    await expect(page.getByRole('heading', { name: 'Test the servers' })).toBeFocused()
    await scanA11y(page, 'servers')
    await screenshot(page, '04-servers')
    await page.getByRole('button', { name: 'Edit settings' }).click()
    const incoming = page.getByRole('group', { name: 'Incoming mail' })
    await incoming.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: 'POP3' })
    await expect(page.getByRole('button', { name: 'Open Gmail’s POP settings' })).toBeVisible()
    await scanA11y(page, 'servers editor (POP3, with Gmail’s POP reminder)')
    await screenshot(page, '05-servers-editor')
    await expectReadableAt200(page, '05-servers-editor')
    await incoming.getByRole('combobox', { name: 'Protocol' }).selectOption({ label: 'IMAP' })

    // a server that never greets keeps the test running for as long as the scan takes: its wait is
    // stretched to a minute here (the default 10 s can pass during a scan on a loaded machine)
    const setup = bridge.services.setup
    const runTest = setup.test.bind(setup)
    setup.test = (testId, draft, emit) => runTest(testId, { ...draft, timeoutMs: 60_000 }, emit)
    await incoming.getByRole('textbox', { name: 'Port' }).fill(String(silent.port))
    await incoming.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'STARTTLS' })
    await page.getByRole('button', { name: 'Test both servers' }).click()
    await expect(
      page
        .getByRole('list', { name: 'Incoming mail test stages' })
        .getByRole('listitem')
        .filter({ hasText: 'Waiting for the server to answer' }),
    ).toHaveAttribute('data-state', 'running')
    await scanA11y(page, 'test running')
    await screenshot(page, '06-test-running')
    await page.keyboard.press('Escape')
    await expect(page.getByText('Test cancelled.')).toBeVisible()
    setup.test = runTest
    await page.getByRole('button', { name: 'Edit settings' }).click()
    await incoming.getByRole('textbox', { name: 'Port' }).fill(String(bridge.bed.ports.imaps))
    await incoming.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'SSL/TLS' })

    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('textbox', { name: 'App password' }).fill('zzzzzzzzzzzzzzzz')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Test both servers' }).click()
    await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeFocused()
    await expect(page.getByRole('button', { name: 'Copy details for support' })).toBeEnabled()
    await scanA11y(page, 'test failed (wrong app password)')
    await screenshot(page, '07-test-failed', 'diagnosis')

    await page.getByRole('button', { name: 'Change settings' }).click()
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('textbox', { name: 'App password' }).fill(ALICE.appPassword)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Test both servers' }).click()
    await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeFocused()
    await expect(page.getByRole('button', { name: 'Copy details for support' })).toBeEnabled()
    await screenshot(page, '08-test-passed', 'test-step')
    await page.getByText('Show the details').click()
    await expect(page.getByRole('region', { name: 'Details for support' })).toContainText(
      '--- Incoming mail (IMAP) ---',
    )
    await scanA11y(page, 'test passed (support details open)')
    await screenshot(page, '09-test-passed-details')

    await page.getByRole('button', { name: 'Save account' }).click()
    await expect(page.getByRole('heading', { name: `${ALICE.address} is ready` })).toBeFocused()
    await scanA11y(page, 'done')
    await screenshot(page, '10-done')
    await expectReadableAt200(page, '10-done')
    await page.getByRole('button', { name: 'Go to your accounts' }).click()
    await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeFocused()
    await scanA11y(page, 'accounts')
    await screenshot(page, '11-accounts')
  } finally {
    await silent.close()
  }
})

test('failures with a certificate and a reachability check, and the password step when the keychain is broken', async ({
  page,
  bridge,
}) => {
  const closed = await freePort()
  const { key, cert } = bridge.bed.certs.selfSigned
  const tls = createTlsServer({ key, cert }, (s) => s.destroy())
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
  try {
    await toServersEditor(page, ALICE.appPassword)
    await page.getByRole('group', { name: 'Incoming mail' }).getByRole('textbox', { name: 'Port' }).fill(String(closed))
    const outgoing = page.getByRole('group', { name: 'Outgoing mail (SMTP)' })
    await outgoing.getByRole('textbox', { name: 'Port' }).fill(String((tls.address() as AddressInfo).port))
    await outgoing.getByRole('combobox', { name: 'Encryption' }).selectOption({ label: 'SSL/TLS' })
    await page.getByRole('button', { name: 'Test both servers' }).click()

    await expect(page.getByRole('heading', { name: 'Both servers failed the test' })).toBeFocused({ timeout: 20_000 })
    const reach = page.getByRole('region', { name: 'What answers from this network' })
    await expect(reach).toBeVisible()
    // the standard ports of both protocols on that host, tried from here
    await expect(reach).toContainText('127.0.0.1 port 993')
    await expect(reach).toContainText('127.0.0.1 port 587')
    // each failure is said above the two servers' stages, titled by whose it is
    const certificate = page.locator('.diagnosis', { hasText: 'Outgoing mail' }).locator('.certificate')
    await expect(certificate).toContainText('SHA-256')
    await scanA11y(page, 'test failed (refused with reachability, untrusted certificate)')
    await screenshot(page, '01-refused-and-certificate')
    await expectReadableAt200(page, '01-refused-and-certificate')

    refuseKeychain(bridge, 'The name org.freedesktop.secrets was not provided by any .service files')
    await page.goto('/')
    await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('alert')).toContainText('Install GNOME Keyring')
    await scanA11y(page, 'guidance with a keychain problem')
    await page.getByRole('button', { name: 'I have my app password' }).click()
    await expect(page.getByRole('textbox', { name: 'App password' })).toBeDisabled()
    await scanA11y(page, 'password with a keychain problem')
    await screenshot(page, '02-keychain-problem')
  } finally {
    await new Promise<void>((resolve) => tls.close(() => resolve()))
  }
})
