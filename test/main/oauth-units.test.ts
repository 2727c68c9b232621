import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/main/diagnosis/index.js'
import {
  challengeAnswer,
  decodeOAuthChallenge,
  oauthBearerResponse,
  pickOAuthMechanism,
  xoauth2Response,
} from '../../src/main/mail/sasl-oauth.js'
import { startLoopbackListener } from '../../src/main/oauth/loopback-listener.js'
import { isAllowedExternalUrl, isAuthorizationUrl } from '../../src/main/url-allowlist.js'
import { oauthEndpointProblem } from '../../src/shared/oauth.js'
import { OAUTH_PRESETS } from '../../src/shared/providers.js'

const decode = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8')

describe('SASL XOAUTH2 and OAUTHBEARER', () => {
  it('builds the initial responses Google, Microsoft (XOAUTH2) and RFC 7628 (OAUTHBEARER) document', () => {
    expect(decode(xoauth2Response('a@b.test', 'tok'))).toBe('user=a@b.test\u0001auth=Bearer tok\u0001\u0001')
    expect(decode(oauthBearerResponse('a,=b@c.test', 'tok', 'imap.c.test', 993))).toBe(
      'n,a=a=2C=3Db@c.test,\u0001host=imap.c.test\u0001port=993\u0001auth=Bearer tok\u0001\u0001',
    )
    expect(challengeAnswer('XOAUTH2')).toBe('')
    expect(decode(challengeAnswer('OAUTHBEARER'))).toBe('\u0001')
  })

  it('prefers XOAUTH2, takes OAUTHBEARER otherwise, and nothing else', () => {
    expect(pickOAuthMechanism(['PLAIN', 'LOGIN', 'XOAUTH2', 'OAUTHBEARER'])).toBe('XOAUTH2')
    expect(pickOAuthMechanism(['plain', 'oauthbearer'])).toBe('OAUTHBEARER')
    expect(pickOAuthMechanism(['PLAIN', 'LOGIN'])).toBeUndefined()
  })

  it.each([
    // Gmail's challenge (gmail-oauth2-tools#78, in the corpus) and Dovecot's (the bed)
    [
      'eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==',
      { status: '400', schemes: 'Bearer', scope: 'https://mail.google.com/' },
    ],
    ['eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=', { status: 'invalid_token' }],
    ['bm90IGpzb24=', undefined],
    ['not base64 at all!', undefined],
    [Buffer.from(JSON.stringify({ status: 'x', pad: 'y'.repeat(5000) })).toString('base64'), undefined],
    [Buffer.from(JSON.stringify({ scope: 'no status' })).toString('base64'), undefined],
  ])('decodes a failure challenge: %s', (challenge, expected) => {
    expect(decodeOAuthChallenge(challenge)).toEqual(expected)
  })
})

describe('OAuth endpoints and the authorization page', () => {
  it.each([
    ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize', null],
    ['http://127.0.0.1:8080/authorize', null],
    ['http://[::1]:8080/authorize', null],
    ['http://localhost:8080/authorize', /127\.0\.0\.1/],
    ['http://idp.example.com/authorize', /https/],
    ['https://user:pw@idp.example.com/authorize', /user name or password/],
    ['https://idp.example.com/authorize#x', /fragment/],
    ['ftp://idp.example.com/', /https/],
    ['idp.example.com/authorize', /full address/],
  ])('%s', (url, problem) => {
    const p = oauthEndpointProblem(url)
    if (problem === null) expect(p).toBeNull()
    else expect(p).toMatch(problem)
  })

  const google = OAUTH_PRESETS.google.authorizationEndpoint
  it('opens only the configured authorization endpoint, with its query, for the flow', () => {
    expect(isAuthorizationUrl(`${google}?client_id=x&state=y`, google)).toBe(true)
    expect(isAuthorizationUrl('http://127.0.0.1:4000/authorize?x=1', 'http://127.0.0.1:4000/authorize')).toBe(true)
    for (const other of [
      'https://accounts.google.com/o/oauth2/v2/other?x=1',
      'https://accounts.google.com.evil.example/o/oauth2/v2/auth',
      'http://accounts.google.com/o/oauth2/v2/auth',
      'https://u:p@accounts.google.com/o/oauth2/v2/auth',
      `${google}#fragment`,
      'javascript:alert(1)',
    ]) {
      expect(isAuthorizationUrl(other, google)).toBe(false)
    }
    expect(isAuthorizationUrl('http://idp.example/authorize', 'http://idp.example/authorize')).toBe(false)
  })

  it('does not add the sign-in hosts to the links the page may open', () => {
    expect(isAllowedExternalUrl(`${google}?client_id=x`)).toBe(false)
    expect(isAllowedExternalUrl(OAUTH_PRESETS.microsoft.authorizationEndpoint)).toBe(false)
    expect(isAllowedExternalUrl(OAUTH_PRESETS.google.consoleUrl)).toBe(true)
  })
})

function get(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the loopback listener (RFC 8252 §7.3)', () => {
  it('refuses another path, a foreign Host, another method and a wrong state; takes the right one once', async () => {
    const l = await startLoopbackListener({ expectedState: 'good-state', timeoutMs: 5000 })
    const port = Number(new URL(l.redirectUri).port)
    expect(l.redirectUri).toBe(`http://127.0.0.1:${port}/`)
    expect(await get(port, '/favicon.ico?state=good-state')).toBe(404)
    expect(await get(port, '/?state=good-state', `evil.example:${port}`)).toBe(421)
    expect(await get(port, '/?state=good-state', undefined, 'POST')).toBe(405)
    expect(await get(port, '/?state=bad&code=x')).toBe(400)
    expect(await get(port, '/?code=x')).toBe(400)
    expect(l.refused()).toBe(5)
    expect(await get(port, '/?state=good-state&code=the-code')).toBe(200)
    const url = await l.callback
    expect(url.searchParams.get('code')).toBe('the-code')
    await expect(get(port, '/?state=good-state&code=again')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('closes when cancelled and when the time is up', async () => {
    const controller = new AbortController()
    const cancelled = await startLoopbackListener({ expectedState: 's', timeoutMs: 5000, signal: controller.signal })
    controller.abort()
    await expect(cancelled.callback).rejects.toMatchObject({ name: 'ListenerCancelled' })
    const timed = await startLoopbackListener({ expectedState: 's', timeoutMs: 50 })
    await expect(timed.callback).rejects.toMatchObject({ name: 'ListenerTimeout' })
    const port = Number(new URL(timed.redirectUri).port)
    await expect(get(port, '/?state=s')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})

describe('diagnosing OAuth sign-ins', () => {
  it('a password refused by a provider that takes only OAuth asks for "Sign in with Microsoft"', () => {
    const d = diagnose({
      text: '2 NO AUTHENTICATE failed.',
      protocol: 'imap',
      authFailed: true,
      auth: 'password',
      providerId: 'outlook',
    })
    expect(d.cause).toBe('oauth_required')
    expect(d.fix).toEqual({ kind: 'sign-in', provider: 'microsoft', label: 'Sign in with Microsoft' })
  })

  it('Exchange Online’s 5.7.30 asks for an OAuth sign-in even when a client logs only the code', () => {
    for (const text of [
      '550 5.7.30 Basic authentication is not supported for Client Submission.',
      'Error: Invalid login: 550 5.7.30',
      'SMTPSenderRefused: (550, b"5.7.30 ...")',
    ]) {
      const d = diagnose({ text, protocol: 'smtp', auth: 'password', providerId: 'microsoft-365' })
      expect({ text, cause: d.cause }).toEqual({ text, cause: 'oauth_required' })
    }
    // the same digits inside an address or a version are not the status code
    for (const text of ['connect ETIMEDOUT 10.5.7.30:587', 'Dovecot v2.5.7.301 ready']) {
      expect(diagnose({ text, protocol: 'smtp', auth: 'password' }).cause).not.toBe('oauth_required')
    }
  })

  it('Google’s app password explanation names the way in when there are no app passwords: OAuth', () => {
    const d = diagnose({
      text: '534-5.7.9 Application-specific password required. For more information, go to 534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor',
      protocol: 'smtp',
      auth: 'password',
      providerId: 'gmail',
    })
    expect(d.cause).toBe('app_password_required')
    expect(d.explanation).toMatch(/sign in with Google \(OAuth\)/)
  })

  it('the same refusal of a token means the sign-in is dead: "Sign in again"', () => {
    const d = diagnose({
      text: '2 NO AUTHENTICATE failed.',
      protocol: 'imap',
      authFailed: true,
      auth: 'oauth2',
      providerId: 'outlook',
    })
    expect(d.cause).toBe('oauth_token_invalid')
    expect(d.fix).toEqual({ kind: 'sign-in', provider: 'microsoft', label: 'Sign in again with Microsoft' })
  })

  it('a Microsoft token without SMTP.Send is a missing permission, not a dead token', () => {
    const d = diagnose({
      text: '535 5.7.3 Authentication unsuccessful',
      protocol: 'smtp',
      authFailed: true,
      auth: 'oauth2',
      providerId: 'microsoft-365',
      oauthProvider: 'microsoft',
      grantedScope: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access',
    })
    expect(d.cause).toBe('oauth_client_rejected')
    expect(d.explanation).toContain('https://outlook.office.com/SMTP.Send')
  })

  it('a server that says insufficient_scope is believed', () => {
    const d = diagnose({
      text: 'NO',
      protocol: 'imap',
      auth: 'oauth2',
      oauthChallenge: { status: 'insufficient_scope' },
    })
    expect(d.cause).toBe('oauth_client_rejected')
  })

  it('an admin policy names the client ID to hand to the admin', () => {
    const d = diagnose({
      text: 'admin_policy_enforced: Access to your account data is restricted by policies within your organization.',
      oauthError: 'admin_policy_enforced',
      oauthClientId: '1234-abc.apps.googleusercontent.com',
      stage: 'authorizing',
    })
    expect(d.cause).toBe('oauth_client_rejected')
    expect(d.fix).toMatchObject({ kind: 'contact-admin' })
    expect(d.fix.label).toContain('1234-abc.apps.googleusercontent.com')
  })

  it('consent_required says who can approve', () => {
    const d = diagnose({
      text: 'consent_required: AADSTS65001: …',
      oauthError: 'consent_required',
      stage: 'authorizing',
    })
    expect(d.cause).toBe('oauth_consent_required')
    expect(d.explanation).toMatch(/Global Administrator, Cloud Application Administrator or Application Administrator/)
  })

  it('invalid_grant from the token endpoint is a dead sign-in, and Google "Testing" apps are named', () => {
    const d = diagnose({
      text: 'invalid_grant: Token has been expired or revoked.',
      oauthError: 'invalid_grant',
      stage: 'authorizing',
      auth: 'oauth2',
      providerId: 'gmail',
    })
    expect(d.cause).toBe('oauth_token_invalid')
    expect(d.explanation).toContain('7 days')
  })

  it('a token endpoint that does not answer is named as the sign-in server, and the saved sign-in is kept', () => {
    const d = diagnose({
      text: '',
      code: 'ECONNREFUSED',
      message: 'fetch failed',
      stage: 'authorizing',
      host: 'oauth2.googleapis.com',
      port: 443,
    })
    expect(d.cause).toBe('connection_refused')
    expect(d.title).toBe('The sign-in server did not answer (oauth2.googleapis.com port 443)')
    expect(d.explanation).toContain('The saved sign-in was kept')
  })
})

describe('a sign-in that ends in the browser or at its first code exchange (not the network)', () => {
  const authorizing = { stage: 'authorizing', auth: 'oauth2', hasSavedSecret: false } as const

  it.each([
    ['access_denied', 'The user denied the request'],
    ['interaction_required', 'Interaction required'],
    ['login_required', 'Login required'],
  ])('%s: declined in the browser, sign in again, nothing saved', (oauthError, text) => {
    const d = diagnose({ ...authorizing, text: '', message: text, oauthError, providerId: 'gmail' })
    expect(d.title).toBe('The sign-in was not allowed in the browser')
    expect(d.explanation).toContain(oauthError)
    expect(d.explanation).toContain('Nothing was saved')
    expect(d.fix).toMatchObject({ kind: 'sign-in', provider: 'google' })
  })

  it('invalid_grant on the first exchange: the code expired or was used, not "no longer accepts the saved sign-in"', () => {
    const d = diagnose({
      ...authorizing,
      text: '',
      message: 'invalid_grant: Bad Request',
      oauthError: 'invalid_grant',
      providerId: 'microsoft-365',
    })
    expect(d.cause).toBe('oauth_token_invalid')
    expect(d.title).toBe('The sign-in could not be completed')
    expect(d.explanation).not.toMatch(/saved sign-in/)
    expect(d.fix).toMatchObject({ kind: 'sign-in', provider: 'microsoft' })
  })

  it('a saved sign-in whose refresh is refused is still the stale case', () => {
    const d = diagnose({
      ...authorizing,
      hasSavedSecret: true,
      text: '',
      message: 'invalid_grant: Token has been expired or revoked.',
      oauthError: 'invalid_grant',
      providerId: 'gmail',
    })
    expect(d.cause).toBe('oauth_token_invalid')
    expect(d.title).not.toBe('The sign-in could not be completed')
  })
})
