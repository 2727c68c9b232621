import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App.js'
import { importedMessage } from '../../src/renderer/src/accounts/transfer/transfer-words.js'
import type { AccountView } from '../../src/shared/account.js'
import type { OAuthAuthorizeResult } from '../../src/shared/ipc/contract.js'
import type { OAuthSettings } from '../../src/shared/oauth.js'
import type { Result } from '../../src/shared/result.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account } from './fixtures.js'

/**
 * Issue 17: an account imported from Mailkey's accounts file that signs in with OAuth has no token on
 * this computer; its card offers "Sign in with <provider>" (and the client secret of a confidential
 * client, which files never carry), never a password field.
 */
const GOOGLE: OAuthSettings = {
  provider: 'google',
  clientId: '1234-abc.apps.googleusercontent.com',
  authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  revocationEndpoint: 'https://oauth2.googleapis.com/revoke',
  scope: 'https://mail.google.com/',
  issuer: 'https://accounts.google.com',
  grantedScope: 'https://mail.google.com/',
  hasClientSecret: false,
}

/** As import-accounts.ts saves it: the sign-in's settings, nothing in the keychain, never verified here. */
function imported(oauth: OAuthSettings): AccountView {
  return account({ oauth, lastVerifiedAt: null, secrets: { incoming: false, outgoing: 'shared' } })
}

async function renderCard(view: AccountView) {
  const fake = installFakeMailkey({ accounts: [view] })
  const user = userEvent.setup()
  render(<App />)
  const card = await screen.findByRole('listitem', { name: view.email })
  return { fake, user, card }
}

describe('an imported OAuth account', () => {
  it('offers "Sign in with Google", not a password; the sign-in uses the account’s saved client', async () => {
    const { fake, user, card } = await renderCard(imported(GOOGLE))
    const form = within(card).getByRole('form', { name: 'Sign in with Google' })
    expect(form.textContent).toContain('signs in with Google, not with a password')
    expect(within(card).queryByRole('button', { name: 'Enter the password' })).toBeNull()
    expect(within(card).queryByLabelText(/password/i)).toBeNull()
    expect(within(card).queryByLabelText('Client secret')).toBeNull()
    expect(card.textContent).toContain('Sign-inOAuth with Google; not signed in on this computer')
    expect(card.textContent).not.toContain('Missing from your keychain')

    const answer = pending<Result<OAuthAuthorizeResult>>()
    fake.api.oauthAuthorize.mockReturnValue(answer.promise)
    await user.click(within(form).getByRole('button', { name: 'Sign in with Google' }))
    expect(
      await within(card).findByRole('heading', { name: 'Waiting for you to sign in in your browser…' }),
    ).toBeTruthy()
    expect(fake.api.oauthAuthorize).toHaveBeenCalledWith({
      flowId: expect.any(String),
      email: 'alice@gmail.com',
      accountId: 'acc1',
    })
  })

  it('a confidential client: asks for its client secret first, then signs in with it', async () => {
    const { fake, user, card } = await renderCard(imported({ ...GOOGLE, hasClientSecret: true }))
    const form = within(card).getByRole('form', { name: 'Sign in with Google' })
    const button = within(form).getByRole('button', { name: 'Sign in with Google' })
    // nothing typed: said at the field, and the browser stays shut
    await user.click(button)
    expect(await within(form).findByText('Enter the client secret.')).toBeTruthy()
    const field = within(form).getByLabelText('Client secret')
    expect(document.activeElement).toBe(field)
    expect(fake.api.oauthAuthorize).not.toHaveBeenCalled()

    fake.api.oauthAuthorize.mockReturnValue(pending<Result<OAuthAuthorizeResult>>().promise)
    await user.type(field, 'GOCSPX-typed-now{Enter}')
    expect(
      await within(card).findByRole('heading', { name: 'Waiting for you to sign in in your browser…' }),
    ).toBeTruthy()
    expect(fake.api.oauthAuthorize).toHaveBeenCalledWith({
      flowId: expect.any(String),
      email: 'alice@gmail.com',
      client: {
        provider: 'google',
        clientId: GOOGLE.clientId,
        authorizationEndpoint: GOOGLE.authorizationEndpoint,
        tokenEndpoint: GOOGLE.tokenEndpoint,
        revocationEndpoint: GOOGLE.revocationEndpoint,
        scope: GOOGLE.scope,
        issuer: GOOGLE.issuer,
        clientSecret: 'GOCSPX-typed-now',
      },
    })
  })

  it('another provider is named by its host', async () => {
    const { card } = await renderCard(
      imported({
        ...GOOGLE,
        provider: 'custom',
        issuer: null,
        authorizationEndpoint: 'https://login.office.test/authorize',
      }),
    )
    expect(within(card).getByRole('button', { name: 'Sign in with login.office.test' })).toBeTruthy()
  })

  it('a password account still asks for its password', async () => {
    const { card } = await renderCard(account({ secrets: { incoming: false, outgoing: 'shared' } }))
    expect(within(card).getByRole('button', { name: 'Enter the password' })).toBeTruthy()
    expect(within(card).queryByRole('form', { name: /Sign in with/ })).toBeNull()
  })
})

describe('the import’s message', () => {
  it('says what is left: passwords, and a sign-in with each provider', () => {
    const message = importedMessage(
      [
        {
          id: 'a',
          email: 'a@gmail.com',
          needsPassword: false,
          needsSignIn: { provider: 'google', name: 'Google', clientSecretNeeded: true },
        },
        {
          id: 'b',
          email: 'b@outlook.com',
          needsPassword: false,
          needsSignIn: { provider: 'microsoft', name: 'Microsoft', clientSecretNeeded: false },
        },
        {
          id: 'c',
          email: 'c@gmail.com',
          needsPassword: false,
          needsSignIn: { provider: 'google', name: 'Google', clientSecretNeeded: true },
        },
      ],
      'office.mailkey.json',
    )
    expect(message).toBe(
      'Imported 3 accounts from office.mailkey.json. Sign in again where an account asks (“Sign in with Google”, “Sign in with Microsoft”): no password, your browser opens the provider’s page.',
    )
    expect(importedMessage([{ id: 'd', email: 'd@x.test', needsPassword: true }], 'x.json')).toMatch(
      /^Imported 1 account from x\.json\. Enter the password of each below/,
    )
  })
})
