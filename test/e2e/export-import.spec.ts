import { BED_OAUTH_CLIENTS } from '../bed/oauth-mock.js'
import { BED_USERS } from '../bed/users.js'
import { expect, test } from './bridge.js'
import { addAccount } from './add-account.js'

/**
 * Issue 17, "Export for other devices": Mailkey's accounts file exported from one profile and imported
 * into a fresh one (its own settings folder and keychain), where the account asks for its password,
 * which is tested against the bed before it is saved.
 */
const ALICE = BED_USERS.alice
let exported: { name: string; text: string } | null = null

test.describe.serial('export and import accounts', () => {
  test('Export…: Mailkey’s accounts file, without the password unless ticked, which warns first', async ({
    page,
    bridge,
  }) => {
    await addAccount(page, ALICE.address, ALICE.appPassword)
    await page.getByRole('button', { name: 'Export…' }).click()
    await expect(page.getByRole('radio', { name: /Mailkey accounts file/ })).toBeChecked()
    // the secret opt-in: a warning appears before anything is saved with passwords
    const tick = page.getByRole('checkbox', { name: 'Include the saved passwords' })
    await tick.check()
    await expect(page.getByRole('alert')).toContainText('every password in plain text')
    await expect(page.getByRole('button', { name: 'Save with passwords…' })).toBeVisible()
    await tick.uncheck()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await page.getByRole('button', { name: 'Save…' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved as' })).toContainText('.mailkey.json')
    const [file] = bridge.savedFiles
    expect(file?.name).toBe(`${ALICE.address}.mailkey.json`)
    expect(file?.content).not.toContain(ALICE.appPassword)
    exported = { name: file?.name ?? '', text: file?.content ?? '' }
  })

  test('Import… in a fresh profile: problems listed by field; then the account, asking for its password', async ({
    page,
    bridge,
  }) => {
    if (!exported) throw new Error('the export test did not run')
    const good = exported
    let offered = {
      name: 'broken.json',
      text: good.text.replace('"version": 1', '"version": 1, "extra": true').replace(/"port": \d+/, '"port": 0'),
    }
    bridge.services.openFile = () => Promise.resolve(offered)
    await page.goto('/')
    await page.getByRole('button', { name: 'Import…' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Nothing was imported from broken.json')
    await expect(alert.getByRole('listitem')).toHaveText([
      /^accounts\[0\]\.incoming\.port: The port must be between 1 and 65535/,
      /^extra: Unknown field/,
    ])
    expect(bridge.store.get('accounts')).toEqual([])

    offered = good
    await page.getByRole('button', { name: 'Import…' }).click()
    // a first run offers Import… beside the wizard; imported, the accounts screen shows what came in
    await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()
    const card = page.locator('li.card', { hasText: ALICE.address })
    await expect(card).toContainText('The keychain holds no password for this account.')
    await card.getByRole('button', { name: 'Enter the password' }).click()
    const field = card.getByRole('textbox', { name: /New (app )?password/ })
    await expect(field).toBeFocused()
    await field.fill(ALICE.appPassword)
    await page.keyboard.press('Enter')
    await expect(card.getByRole('heading', { name: 'The new password works and is saved' })).toBeVisible({
      timeout: 20_000,
    })
    await expect(card).not.toContainText('The keychain holds no password')
    const keys = await bridge.secrets.keys()
    expect(keys.filter((k) => k.endsWith(':incoming'))).toHaveLength(1)
  })

  test('an imported OAuth account: "Sign in with Google" and its client secret, no password; then both servers', async ({
    page,
    bridge,
  }) => {
    test.setTimeout(90_000)
    if (!exported) throw new Error('the export test did not run')
    // the same account as exported, signing in with the bed's authorization server and a confidential client
    const CLIENT = BED_OAUTH_CLIENTS.confidential
    const { oauth } = bridge.bed
    const file = JSON.parse(exported.text) as { accounts: Record<string, unknown>[] }
    file.accounts = file.accounts.map((a) => ({
      ...a,
      oauth: {
        provider: 'google',
        clientId: CLIENT.clientId,
        authorizationEndpoint: `${oauth.url}/authorize`,
        tokenEndpoint: `${oauth.url}/token`,
        revocationEndpoint: `${oauth.url}/revoke`,
        scope: oauth.scope,
        issuer: oauth.url,
        grantedScope: null,
        confidentialClient: true,
      },
    }))
    const text = JSON.stringify(file)
    expect(text).not.toContain(CLIENT.secret)
    bridge.services.openFile = () => Promise.resolve({ name: 'oauth.mailkey.json', text })
    await page.goto('/')
    await page.getByRole('button', { name: 'Import…' }).click()
    await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()
    const card = page.locator('li.card', { hasText: ALICE.address })
    await expect(card).toContainText('OAuth with Google; not signed in on this computer')
    const form = card.getByRole('form', { name: 'Sign in with Google' })
    await expect(form).toContainText('signs in with Google, not with a password')
    await expect(card.getByRole('button', { name: 'Enter the password' })).toHaveCount(0)
    await expect(card.getByRole('textbox', { name: /password/i })).toHaveCount(0)
    expect(await bridge.secrets.keys()).toEqual([])

    await form.getByRole('textbox', { name: 'Client secret' }).fill(CLIENT.secret)
    await form.getByRole('button', { name: 'Sign in with Google' }).click()
    await expect(card.getByRole('heading', { name: 'The new sign-in works and is saved' })).toBeVisible({
      timeout: 30_000,
    })
    expect(bridge.authorizations[0]).toMatch(new RegExp(`^${oauth.url}/authorize\\?`))
    await expect(card.getByRole('form', { name: 'Sign in with Google' })).toHaveCount(0)
    await expect(card).toContainText('OAuth with Google; saved in your keychain')
    const keys = (await bridge.secrets.keys()).map((k) => k.slice(k.indexOf(':') + 1)).sort()
    expect(keys).toEqual(['oauth-client-secret', 'oauth-refresh'])
    expect(JSON.stringify(bridge.results)).not.toContain(CLIENT.secret)
  })
})
