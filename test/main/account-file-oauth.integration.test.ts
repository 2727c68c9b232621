import { beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { ImportOutcome } from '../../src/shared/export.js'
import type { OAuthSettings } from '../../src/shared/oauth.js'
import { exported, portable, useProfiles } from './account-file-profile.js'
import { keychainProblem } from './keychain.js'

/**
 * Issue 17, "Export for other devices", OAuth accounts: Mailkey's accounts file carries a sign-in's
 * public settings (provider, client ID, endpoints, scopes, whether the client is confidential), never
 * its refresh token or client secret, even with passwords asked for; the imported account asks to sign
 * in with its provider, not for a password.
 */
const problem = await keychainProblem()

const REFRESH_TOKEN = '1//0refresh-TOKEN-never-exported'
const CLIENT_SECRET = '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'
const CUSTOM_REFRESH = 'custom-refresh-TOKEN-never-exported'

const GOOGLE: OAuthSettings = {
  provider: 'google',
  clientId: '1234-abc.apps.googleusercontent.com',
  authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  revocationEndpoint: 'https://oauth2.googleapis.com/revoke',
  scope: 'https://mail.google.com/ openid email',
  issuer: 'https://accounts.google.com',
  grantedScope: 'https://mail.google.com/ openid email',
  hasClientSecret: true,
}

/** A public client (no secret) at an office's own identity server. */
const CUSTOM: OAuthSettings = {
  provider: 'custom',
  clientId: 'mailkey-desktop',
  authorizationEndpoint: 'https://login.office.test/authorize',
  tokenEndpoint: 'https://login.office.test/token',
  revocationEndpoint: null,
  scope: 'openid email offline_access mail',
  issuer: null,
  grantedScope: null,
  hasClientSecret: false,
}

function refusedWith(outcome: ImportOutcome): { path: string; message: string }[] {
  if (outcome.imported) throw new Error('the file was imported')
  return outcome.problems
}

describe.skipIf(problem !== null)(`accounts file with OAuth sign-ins${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const { fresh } = useProfiles()
  let source: Services
  let target: Services

  beforeEach(async () => {
    source = fresh()
    target = fresh()
    const imap = { protocol: 'imap', port: 993, security: 'tls' } as const
    const smtp = { port: 465, security: 'tls' } as const
    const google = await source.accounts.save({
      email: 'anna@gmail.com',
      displayName: 'Anna Ångström',
      providerId: 'gmail',
      incoming: { ...imap, host: 'imap.gmail.com' },
      outgoing: { ...smtp, host: 'smtp.gmail.com' },
      oauth: { settings: GOOGLE, secrets: { refreshToken: REFRESH_TOKEN, clientSecret: CLIENT_SECRET } },
      verifiedAt: '2026-11-01T00:00:00.000Z',
    })
    const custom = await source.accounts.save({
      email: 'bob@office.test',
      providerId: null,
      incoming: { ...imap, host: 'mail.office.test' },
      outgoing: { ...smtp, host: 'mail.office.test' },
      oauth: { settings: CUSTOM, secrets: { refreshToken: CUSTOM_REFRESH, clientSecret: null } },
      verifiedAt: null,
    })
    await source.accounts.save({
      email: 'cleo@office.test',
      providerId: null,
      incoming: { ...imap, host: 'mail.office.test' },
      outgoing: { ...smtp, host: 'mail.office.test' },
      password: 'cleo-password',
      verifiedAt: null,
    })
    // the real keychain holds the secrets the file must never carry
    expect(await source.credentials.oauthSecrets(google.id)).toEqual({
      refreshToken: REFRESH_TOKEN,
      clientSecret: CLIENT_SECRET,
    })
    expect(await source.credentials.oauthSecrets(custom.id)).toEqual({
      refreshToken: CUSTOM_REFRESH,
      clientSecret: null,
    })
  })

  it('export → import: the sign-ins’ settings equal, no token or client secret in the file, "sign in with" each provider', async () => {
    for (const includeSecrets of [false, true]) {
      const doc = await exported(source, includeSecrets)
      expect(doc.content).not.toContain(REFRESH_TOKEN)
      expect(doc.content).not.toContain(CLIENT_SECRET)
      expect(doc.content).not.toContain(CUSTOM_REFRESH)
      expect(doc.content.includes('cleo-password')).toBe(includeSecrets)
    }
    const doc = await exported(source)
    const file = JSON.parse(doc.content) as { version: number; accounts: Record<string, unknown>[] }
    expect(file.version).toBe(1)
    expect(file.accounts.find((a) => a.email === 'anna@gmail.com')?.oauth).toEqual({
      provider: 'google',
      clientId: GOOGLE.clientId,
      authorizationEndpoint: GOOGLE.authorizationEndpoint,
      tokenEndpoint: GOOGLE.tokenEndpoint,
      revocationEndpoint: GOOGLE.revocationEndpoint,
      scope: GOOGLE.scope,
      issuer: GOOGLE.issuer,
      grantedScope: GOOGLE.grantedScope,
      confidentialClient: true,
    })
    // a password account's entry stays as before: no oauth field (older Mailkeys still read the file)
    expect(file.accounts.find((a) => a.email === 'cleo@office.test')).not.toHaveProperty('oauth')

    const outcome = await target.importAccounts(doc.content)
    if (!outcome.imported) throw new Error(JSON.stringify(outcome.problems))
    expect(outcome.accounts.map(({ id: _id, ...a }) => a)).toEqual([
      {
        email: 'anna@gmail.com',
        needsPassword: false,
        needsSignIn: { provider: 'google', name: 'Google', clientSecretNeeded: true },
      },
      {
        email: 'bob@office.test',
        needsPassword: false,
        needsSignIn: { provider: 'custom', name: 'login.office.test', clientSecretNeeded: false },
      },
      { email: 'cleo@office.test', needsPassword: true },
    ])
    const byEmail = (list: AccountView[]) => [...list].sort((a, b) => a.email.localeCompare(b.email)).map(portable)
    expect(byEmail(await target.accounts.list())).toEqual(byEmail(await source.accounts.list()))

    // nothing of the sign-in reached this keychain: the account asks for a sign-in, never a password
    const anna = target.accounts.findByEmail('anna@gmail.com')
    if (!anna) throw new Error('anna not imported')
    expect(anna.oauth).toEqual(GOOGLE)
    expect(await target.credentials.oauthSecrets(anna.id)).toBeNull()
    expect((await target.accounts.view(anna)).secrets.incoming).toBe(false)
    await expect(target.credentials.logins(anna)).rejects.toThrow(/sign/i)
    // "Sign in again" takes the imported client (its secret is asked for: none saved here)
    const { grantedScope: _g, ...client } = GOOGLE
    expect(await target.signIn.client({ email: anna.email, accountId: anna.id })).toEqual({
      settings: client,
      clientSecret: null,
    })
  })

  describe('a malformed oauth block: refused whole, each problem at its field', () => {
    const withOAuth = (oauth: unknown, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        format: 'mailkey-accounts',
        version: 1,
        accounts: [
          {
            email: 'anna@gmail.com',
            displayName: '',
            username: 'anna@gmail.com',
            providerId: 'gmail',
            incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
            outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
            outgoingUsername: null,
            aliases: [],
            filter: null,
            oauth,
            ...extra,
          },
        ],
      })
    const good = {
      provider: 'google',
      clientId: GOOGLE.clientId,
      authorizationEndpoint: GOOGLE.authorizationEndpoint,
      tokenEndpoint: GOOGLE.tokenEndpoint,
      revocationEndpoint: null,
      scope: GOOGLE.scope,
      issuer: null,
      grantedScope: null,
      confidentialClient: true,
    }

    it('the good block imports (the control for the cases below)', async () => {
      expect((await target.importAccounts(withOAuth(good))).imported).toBe(true)
    })

    it.each([
      [
        'a plain-http token endpoint',
        { ...good, tokenEndpoint: 'http://login.evil.test/token' },
        'oauth.tokenEndpoint',
      ],
      ['no client ID', (({ clientId: _c, ...rest }) => rest)(good), 'oauth.clientId'],
      ['an unknown provider', { ...good, provider: 'yahoo' }, 'oauth.provider'],
      ['a scope with a quote', { ...good, scope: 'mail "all"' }, 'oauth.scope'],
      ['not an object', 'google', 'oauth'],
    ])('%s', async (_name, oauth, path) => {
      const problems = refusedWith(await target.importAccounts(withOAuth(oauth)))
      expect(problems.map((p) => p.path)).toEqual([`accounts[0].${path}`])
      expect(await target.accounts.list()).toEqual([])
    })

    it('a token or client secret in the block is an unknown field, named', async () => {
      const problems = refusedWith(
        await target.importAccounts(withOAuth({ ...good, refreshToken: 'x', clientSecret: 'y' })),
      )
      expect(problems.map((p) => p.path).sort()).toEqual([
        'accounts[0].oauth.clientSecret',
        'accounts[0].oauth.refreshToken',
      ])
      expect(problems[0]?.message).toMatch(/Unknown field/)
      expect(await target.accounts.list()).toEqual([])
    })

    it('an OAuth account with a password in "secrets": refused at secrets', async () => {
      const problems = refusedWith(await target.importAccounts(withOAuth(good, { secrets: { incoming: 'pw' } })))
      expect(problems).toEqual([{ path: 'accounts[0].secrets', message: expect.stringMatching(/signs in with OAuth/) }])
      expect(await target.accounts.list()).toEqual([])
    })
  })
})
