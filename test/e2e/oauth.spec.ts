import type { Page } from '@playwright/test'
import { BED_OAUTH_CLIENTS } from '../bed/oauth-mock.js'
import { BED_USERS } from '../bed/users.js'
import { expect, scanA11y, screenshot, test, type Bridge } from './bridge.js'

/**
 * "Sign in with Google instead", through Chromium against the bed: the wizard's sign-in opens the
 * authorization page in a second tab (the system browser), the bed's authorization server signs in
 * and sends the tab to Mailkey's loopback listener, the test signs both servers in with XOAUTH2/
 * OAUTHBEARER, and only then is the account saved. Then the sign-in is revoked at the provider, the
 * re-test shows the stale banner, and "Sign in again" repairs both servers.
 */

const ALICE = BED_USERS.alice
const CLIENT = BED_OAUTH_CLIENTS.desktop

async function signInTabClosesItself(page: Page): Promise<void> {
  // the second tab ends on the listener's page
  await expect
    .poll(async () => {
      const tabs = page
        .context()
        .pages()
        .filter((p) => p !== page)
      const last = tabs[tabs.length - 1]
      return last ? await last.title().catch(() => '') : ''
    })
    .toBe('You can close this tab')
}

async function revokeAtProvider(bridge: Bridge): Promise<void> {
  const id = bridge.store.get('accounts')[0].id
  const saved = await bridge.services.credentials.oauthSecrets(id)
  const r = await fetch(`${bridge.bed.oauth.url}/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: saved!.refreshToken, client_id: CLIENT.clientId }),
  })
  expect(r.status).toBe(200)
  // the app restarts: no access token in memory
  bridge.services.tokens.forget(id)
}

test('sign in with Google instead of an app password; a revoked sign-in is repaired by "Sign in again"', async ({
  page,
  bridge,
}) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(ALICE.address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Sign in with Google instead' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in with Google' })).toBeFocused()
  await expect(page.getByRole('textbox', { name: 'Redirect URI to register' })).toHaveValue('http://127.0.0.1')
  await expect(page.getByText(/Google ends a test user’s sign-in after/)).toBeVisible()
  await scanA11y(page, 'sign in with Google')
  await screenshot(page, 'sign-in-google', 'sign-in')
  await page.getByRole('textbox', { name: 'Client ID' }).fill(CLIENT.clientId)
  await page.getByRole('button', { name: 'Sign in with Google' }).click()
  await signInTabClosesItself(page)
  expect(bridge.authorizations[0]).toMatch(new RegExp(`^${bridge.bed.oauth.url}/authorize\\?`))
  expect(bridge.opened).toEqual([])

  // signed in: the servers, then the test of both with the token
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeVisible()
  await expect(page.getByText('Authorizing (getting a sign-in token)').first()).toBeVisible()
  expect(await bridge.secrets.keys()).toEqual([])
  await page.getByRole('button', { name: 'Save account' }).click()
  await page.getByRole('button', { name: 'Go to your accounts' }).click()
  const card = page.getByRole('listitem', { name: ALICE.address })
  await expect(card).toBeVisible()
  // the keychain health check's throwaway entry may be in flight (it is written and deleted at once)
  const keys = (await bridge.secrets.keys()).filter((k) => k !== '__mailkey-health-check__')
  expect(keys).toHaveLength(1)
  expect(keys[0]).toMatch(/:oauth-refresh$/)

  // the user removes Mailkey's access at Google: the re-test finds out, twice, and says so
  await revokeAtProvider(bridge)
  await card.getByRole('button', { name: `Re-test ${ALICE.address}` }).click()
  await expect(card.getByRole('heading', { name: 'The saved sign-in stopped working' })).toBeVisible({
    timeout: 20_000,
  })
  await expect(card.getByText('Needs a new sign-in')).toBeVisible()

  // "Sign in again": the browser, then both servers, then it is kept
  await card.getByRole('button', { name: 'Sign in again' }).first().click()
  await expect(card.getByRole('heading', { name: 'The new sign-in works and is saved' })).toBeVisible({
    timeout: 30_000,
  })
  await expect(card.getByRole('heading', { name: 'The saved sign-in stopped working' })).toHaveCount(0)
  expect(bridge.authorizations).toHaveLength(2)

  // nothing the page received holds the refresh token
  const saved = await bridge.services.credentials.oauthSecrets(bridge.store.get('accounts')[0].id)
  expect(JSON.stringify(bridge.results)).not.toContain(saved!.refreshToken)
})
