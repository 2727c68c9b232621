import type Conf from 'conf'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { SettingsData } from '../../src/main/accounts/settings-schema.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import type { OAuthAuthorizeResult, Outputs } from '../../src/shared/ipc/contract.js'
import type { IncomingServer } from '../../src/shared/mail.js'
import type { OAuthClient } from '../../src/shared/oauth.js'
import type { StageEvent } from '../../src/shared/report.js'
import { bedCatalog } from '../bed/catalog.js'
import { BED_OAUTH_CLIENTS } from '../bed/oauth-mock.js'
import { freePort } from '../bed/process.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { FakeBrowser } from './oauth-browser.js'

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
const oauth = b.oauth

/** The bed's authorization server as a Google-like client: endpoints given, as the wizard sends them. */
function client(
  c: { clientId: string; secret?: string } = BED_OAUTH_CLIENTS.desktop,
  extra: Partial<OAuthClient> = {},
): OAuthClient {
  return {
    provider: 'google',
    clientId: c.clientId,
    ...(c.secret ? { clientSecret: c.secret } : {}),
    authorizationEndpoint: `${oauth.url}/authorize`,
    tokenEndpoint: `${oauth.url}/token`,
    revocationEndpoint: `${oauth.url}/revoke`,
    scope: oauth.scope,
    issuer: oauth.url,
    ...extra,
  }
}

const timings: Record<string, number> = {}
const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const t0 = performance.now()
  try {
    return await work()
  } finally {
    timings[name] = Math.round(performance.now() - t0)
  }
}

async function mockStats(clientId: string): Promise<Record<string, number>> {
  return (await (await fetch(`${oauth.url}/bed/stats?client_id=${encodeURIComponent(clientId)}`)).json()) as Record<
    string,
    number
  >
}

describe.skipIf(problem !== null)(`OAuth2 sign-in against the bed${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-oauth-'))
  const secrets = scratchKeychain()
  let store: Conf<SettingsData>
  let services: Services
  let handlers: ReturnType<typeof createHandlers>
  let browser: FakeBrowser
  /** Everything any call answered, and every event: the leak scan reads it all. */
  const outputs: unknown[] = []
  const call = async <M extends Method>(method: M, input: unknown, events: StageEvent[] = []) => {
    const r = await dispatch(handlers, method, input, { emit: (e) => events.push(e) })
    outputs.push(r, events)
    return r
  }
  const value = <M extends Method>(r: Awaited<ReturnType<typeof call<M>>>): Outputs[M] => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value
  }
  const setup = (b2: FakeBrowser = new FakeBrowser()) => {
    browser = b2
    services = createServices({
      store,
      secrets,
      trust: { ca: b.ca },
      catalog: bedCatalog(b),
      mx: () => Promise.resolve([]),
      openExternal: () => Promise.resolve(),
      openAuthorization: browser.open,
    })
    handlers = createHandlers(services)
  }
  const signIn = async (input: Record<string, unknown>): Promise<OAuthAuthorizeResult> =>
    value<'oauthAuthorize'>(await call('oauthAuthorize', { flowId: `f${Date.now()}`, email: alice.address, ...input }))
  const grantOf = (r: OAuthAuthorizeResult): string => {
    if (!r.signedIn) throw new Error(`not signed in: ${JSON.stringify(r)}`)
    return r.grant.grantId
  }
  let lastTestId = ''
  const saveWith = async (grantId: string, incoming: IncomingServer = b.imaps) =>
    value<'validateAndSave'>(
      await call('validateAndSave', {
        testId: (lastTestId = `v${Date.now()}`),
        email: alice.address,
        providerId: null,
        incoming,
        outgoing: b.smtps,
        grantId,
        validationMessage: false,
      }),
    )

  beforeEach(async () => {
    await secrets.clear()
    rmSync(join(dir, 'settings.json'), { force: true })
    store = openSettings(dir).store
    setup()
  })
  afterAll(async () => {
    console.info(`[oauth timings, ms] ${JSON.stringify(timings)}`)
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('signs in in the system browser (PKCE S256, state, loopback) and saves only after IMAP and SMTP accept the token', async () => {
    const r = await timed('first sign-in', () => signIn({ client: client() }))
    const grantId = grantOf(r)
    const url = browser.visits[0]?.authorizationUrl
    expect(url?.origin + (url?.pathname ?? '')).toBe(`${oauth.url}/authorize`)
    expect(url?.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url?.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url?.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(url?.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(url?.searchParams.get('login_hint')).toBe(alice.address)
    expect(url?.searchParams.get('access_type')).toBe('offline')
    // nothing saved yet: the tokens wait in memory for the test
    expect(await secrets.keys()).toEqual([])
    expect(store.get('accounts')).toEqual([])

    const saved = await timed('validate and save (IMAP+SMTP)', () => saveWith(grantId))
    expect(saved.saved).toBe(true)
    expect(saved.report.incoming).toMatchObject({ ok: true, protocol: 'imap' })
    expect(saved.report.outgoing).toMatchObject({ ok: true, protocol: 'smtp' })
    expect(saved.report.incoming?.stages.map((s) => s.stage)).toEqual([
      'authorizing',
      'dns',
      'connect',
      'tls',
      'greeting',
      'auth',
      'ready',
    ])
    const account = saved.account as AccountView
    expect(account.oauth).toMatchObject({
      provider: 'google',
      clientId: BED_OAUTH_CLIENTS.desktop.clientId,
      grantedScope: oauth.scope,
    })
    expect(account.secrets).toEqual({ incoming: true, outgoing: 'shared' })
    expect((await secrets.keys()).sort()).toEqual([`${account.id}:oauth-refresh`])
    // the transcript shows the SASL exchange (Dovecot offers OAUTHBEARER, smtp-server XOAUTH2), never the token
    const transcript = value<'getTranscript'>(await call('getTranscript', { testId: lastTestId }))
    expect(transcript.incoming).toContain('AUTHENTICATE OAUTHBEARER [redacted]')
    expect(transcript.outgoing).toContain('AUTH XOAUTH2 [redacted]')

    // a re-test with the saved sign-in: the cached access token, both servers
    const again = value<'retestAccount'>(await call('retestAccount', { id: account.id, testId: 'r1' }))
    expect(again.report.incoming?.ok && again.report.outgoing?.ok).toBe(true)
    expect(again.account.stale).toBeNull()
  })

  it('signs in on POP3 with AUTH XOAUTH2, and with a confidential client whose secret goes to the keychain', async () => {
    const grantId = grantOf(await signIn({ client: client(BED_OAUTH_CLIENTS.confidential) }))
    const saved = await timed('validate and save (POP3+SMTP)', () => saveWith(grantId, b.pop3s))
    expect(saved.saved).toBe(true)
    expect(saved.report.incoming).toMatchObject({ ok: true, protocol: 'pop3' })
    const id = (saved.account as AccountView).id
    expect((await secrets.keys()).sort()).toEqual([`${id}:oauth-client-secret`, `${id}:oauth-refresh`])
    expect(store.get('accounts')[0]?.oauth?.hasClientSecret).toBe(true)
    const transcripts = value<'getTranscript'>(await call('getTranscript', { testId: lastTestId }))
    expect(transcripts.incoming).toMatch(/C: AUTH XOAUTH2\n.*S: \+ \n.*C: \[redacted\]\n.*S: \+OK/s)
  })

  it('refreshes an expired access token silently before the test: one refresh serves both servers', async () => {
    const c = BED_OAUTH_CLIENTS.shortLived
    const grantId = grantOf(await signIn({ client: client(c) }))
    const saved = await saveWith(grantId)
    expect(saved.saved).toBe(true)
    const account = saved.account as AccountView
    const before = await mockStats(c.clientId)
    // the bed's tokens for this client live 3 s: the one in memory is dead at both servers now
    await new Promise((r) => setTimeout(r, 3200))
    const retest = await timed('re-test with a silent refresh', async () =>
      value<'retestAccount'>(await call('retestAccount', { id: account.id, testId: 'r2' })),
    )
    expect(retest.report.incoming?.ok && retest.report.outgoing?.ok).toBe(true)
    expect(retest.report.incoming?.stages[0]).toMatchObject({ stage: 'authorizing' })
    const after = await mockStats(c.clientId)
    expect((after['refresh_token'] ?? 0) - (before['refresh_token'] ?? 0)).toBe(1)
    expect(retest.account.stale).toBeNull()
  })

  it('a revoked sign-in: the re-test flags the account stale, and "Sign in again" fixes both servers', async () => {
    const saved = await saveWith(grantOf(await signIn({ client: client() })))
    const account = saved.account as AccountView
    const { refreshToken } = (await services.credentials.oauthSecrets(account.id))!
    // the user removes Mailkey's access at the provider (RFC 7009 revocation ends the grant)
    const revoked = await fetch(`${oauth.url}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: BED_OAUTH_CLIENTS.desktop.clientId }),
    })
    expect(revoked.status).toBe(200)
    // a restart of the app: no access token in memory, the refresh is refused with invalid_grant
    services.tokens.forget(account.id)
    const check = await timed('re-test of a revoked sign-in', async () =>
      value<'retestAccount'>(await call('retestAccount', { id: account.id, testId: 'r3' })),
    )
    expect(check.report.incoming).toMatchObject({ ok: false, failedStage: 'authorizing', cause: 'oauth_token_invalid' })
    expect(check.report.outgoing).toMatchObject({ ok: false, cause: 'oauth_token_invalid' })
    expect(check.report.incoming?.fix).toEqual({
      kind: 'sign-in',
      provider: 'google',
      label: 'Sign in again with Google',
    })
    expect(check.report.incoming?.serverText).toContain('Token has been expired or revoked')
    expect(check.account.stale).toMatchObject({ side: 'both', cause: 'oauth_token_invalid' })

    // "Sign in again": the saved client, a new sign-in, both servers re-tested, then saved
    const grantId = grantOf(await signIn({ accountId: account.id }))
    const reset = await timed('sign in again and re-test both', async () =>
      value<'resetCredentials'>(await call('resetCredentials', { id: account.id, testId: 'r4', grantId })),
    )
    expect(reset.saved).toBe(true)
    expect(reset.report.incoming?.ok && reset.report.outgoing?.ok).toBe(true)
    expect(reset.account.stale).toBeNull()
    expect((await services.credentials.oauthSecrets(account.id))?.refreshToken).not.toBe(refreshToken)
  })

  it('the listener refuses a forged state and a second request; the sign-in still finishes', async () => {
    setup(new FakeBrowser({ forgedStateFirst: true, replay: true }))
    const r = await signIn({ client: client() })
    expect(r.signedIn).toBe(true)
    expect(browser.visits[0]?.statuses).toEqual([400, 200])
    expect(browser.replayOutcome).toBe('ECONNREFUSED')
  })

  it('nobody finishes signing in: the timeout closes the listener and nothing is saved', async () => {
    setup(new FakeBrowser({ never: true }))
    const r = await timed('sign-in timeout (10 s)', () => signIn({ client: client(), timeoutMs: 10_000 }))
    expect(r).toMatchObject({ signedIn: false, reason: 'timeout' })
    const redirect = new URL(browser.visits[0].authorizationUrl.searchParams.get('redirect_uri')!)
    await expect(fetch(redirect)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } })
    expect(await secrets.keys()).toEqual([])
    expect(store.get('accounts')).toEqual([])
  })

  it('Cancel stops a sign-in that waits for the browser', async () => {
    setup(new FakeBrowser({ never: true }))
    const pending = call('oauthAuthorize', { flowId: 'cancel-me', email: alice.address, client: client() })
    await new Promise((r) => setTimeout(r, 300))
    expect(value<'oauthCancel'>(await call('oauthCancel', { flowId: 'cancel-me' }))).toEqual({ cancelled: true })
    const r = await pending
    expect(r.ok ? r : r.error.code).toBe('CANCELLED')
  })

  it('the token endpoint is down: the sign-in says so and saves nothing; a saved sign-in is not marked stale', async () => {
    const closed = await freePort()
    const down = await signIn({
      client: client(BED_OAUTH_CLIENTS.desktop, { tokenEndpoint: `http://127.0.0.1:${closed}/token` }),
    })
    expect(down).toMatchObject({ signedIn: false, reason: 'refused', diagnosis: { cause: 'connection_refused' } })
    if (down.signedIn || down.reason !== 'refused') throw new Error('unreachable')
    expect(down.diagnosis.title).toContain(`127.0.0.1 port ${closed}`)
    expect(await secrets.keys()).toEqual([])

    // a saved account whose token endpoint goes away between two tests
    const saved = await saveWith(grantOf(await signIn({ client: client() })))
    const account = saved.account as AccountView
    store.set('accounts', [
      { ...store.get('accounts')[0], oauth: { ...account.oauth!, tokenEndpoint: `http://127.0.0.1:${closed}/token` } },
    ])
    services.tokens.forget(account.id)
    const check = value<'retestAccount'>(await call('retestAccount', { id: account.id, testId: 'r5' }))
    expect(check.report.incoming).toMatchObject({ ok: false, failedStage: 'authorizing', cause: 'connection_refused' })
    expect(check.account.stale).toBeNull()
  })

  it('a wrong scope: both servers refuse the token and the diagnosis says the mail permission is missing', async () => {
    const grantId = grantOf(await signIn({ client: client(BED_OAUTH_CLIENTS.desktop, { scope: 'openid email' }) }))
    const r = await saveWith(grantId)
    expect(r.saved).toBe(false)
    for (const side of [r.report.incoming, r.report.outgoing]) {
      expect(side).toMatchObject({ ok: false, failedStage: 'auth', cause: 'oauth_client_rejected' })
      expect(side?.title).toBe('The sign-in does not include access to mail')
      expect(side?.explanation).toContain('the sign-in granted “openid email”')
      expect(side?.explanation).toContain(oauth.scope)
    }
    expect(await secrets.keys()).toEqual([])
    expect(store.get('accounts')).toEqual([])
  })

  it('an unknown client is refused at the token endpoint: oauth_client_rejected, naming the client ID', async () => {
    const r = await signIn({ client: client({ clientId: 'not-registered.bed.test' }) })
    expect(r).toMatchObject({ signedIn: false, reason: 'refused', diagnosis: { cause: 'oauth_client_rejected' } })
    if (r.signedIn || r.reason !== 'refused') throw new Error('unreachable')
    expect(r.diagnosis.explanation).toContain('not-registered.bed.test')
    expect(r.diagnosis.serverText).toContain('invalid_client')
  })

  it('removing the account revokes its sign-in at the provider and deletes its keychain entries', async () => {
    const saved = await saveWith(grantOf(await signIn({ client: client(BED_OAUTH_CLIENTS.confidential) })))
    const account = saved.account as AccountView
    const { refreshToken } = (await services.credentials.oauthSecrets(account.id))!
    expect(value<'removeAccount'>(await call('removeAccount', { id: account.id }))).toEqual({ removed: true })
    expect(await secrets.keys()).toEqual([])
    const refresh = await fetch(`${oauth.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: BED_OAUTH_CLIENTS.confidential.clientId,
        client_secret: BED_OAUTH_CLIENTS.confidential.secret,
      }),
    })
    expect(refresh.status).toBe(400)
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('leaks no token, client secret or authorization code into any output, the settings file or a transcript', async () => {
    setup()
    const grantId = grantOf(await signIn({ client: client(BED_OAUTH_CLIENTS.confidential) }))
    const saved = await saveWith(grantId)
    const account = saved.account as AccountView
    const secretsNow = (await services.credentials.oauthSecrets(account.id))!
    const access = await (await services.credentials.tokenLogin({ ...account, oauth: account.oauth! }))!.authorize(
      new AbortController().signal,
    )
    outputs.push(value<'getTranscript'>(await call('getTranscript', { testId: lastTestId })))
    const files = readFileSync(join(dir, 'settings.json'), 'utf8')
    const haystack = JSON.stringify(outputs) + files
    const code = browser.visits[0]?.code
    expect(code).toBeTruthy()
    for (const secret of [secretsNow.refreshToken, BED_OAUTH_CLIENTS.confidential.secret, access, code!]) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) {
        expect(haystack.includes(form)).toBe(false)
      }
    }
  })
})
