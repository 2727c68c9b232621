import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { oauthDraftFor } from '../../src/renderer/src/lib/oauth-draft.js'
import { testInput } from '../../src/renderer/src/wizard/connection-input.js'
import { secretSource } from '../../src/renderer/src/wizard/setup.js'
import { Wizard } from '../../src/renderer/src/wizard/Wizard.js'
import { wizardReducer } from '../../src/renderer/src/wizard/wizard-reducer.js'
import { serversState, signInState, type WizardState } from '../../src/renderer/src/wizard/wizard-state.js'
import type { OAuthAuthorizeResult } from '../../src/shared/ipc/contract.js'
import type { Result } from '../../src/shared/result.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { customSetup, gmailSetup, OUTLOOK_DETECTED, outgoingFailed } from './fixtures.js'
import { finished, fix } from './reducer-table.js'
import { setupFromDetection } from '../../src/renderer/src/wizard/setup.js'

const GRANT = { grantId: 'g1', provider: 'google' as const, scope: 'https://mail.google.com/', expiresIn: 3599 }
const signedIn: Result<OAuthAuthorizeResult> = { ok: true, value: { signedIn: true, grant: GRANT } }

function googleSignIn(): WizardState {
  const setup = gmailSetup({ password: '' })
  return signInState({
    ...setup,
    signIn: { ...oauthDraftFor('google', setup.detected.provider), clientId: 'abc.apps.googleusercontent.com' },
  })
}

describe('the sign-in step (reducer)', () => {
  it('Google: "Sign in with Google instead" leaves the app password and fills Google’s endpoints and scope', () => {
    const s = wizardReducer({ step: 'app-password', setup: gmailSetup() }, { type: 'signInChosen', provider: 'google' })
    expect(s.step).toBe('sign-in')
    if (s.step !== 'sign-in') return
    expect(s.setup.password).toBe('')
    expect(s.setup.signIn).toMatchObject({
      provider: 'google',
      authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenEndpoint: 'https://oauth2.googleapis.com/token',
      scope: 'https://mail.google.com/',
      grant: null,
    })
  })

  it('an incomplete client shows its problems instead of opening the browser', () => {
    const s = wizardReducer(signInState({ ...customSetup(), signIn: oauthDraftFor('custom', null) }), {
      type: 'signInStarted',
      flowId: 'f1',
    })
    expect(s).toMatchObject({ step: 'sign-in', showProblems: true, flow: { status: 'idle' } })
  })

  it('signed in: on to the servers, the test signs in with the grant (no password), the secret forgotten', () => {
    const waiting = wizardReducer(googleSignIn(), { type: 'signInStarted', flowId: 'f1' })
    expect(waiting).toMatchObject({ flow: { status: 'waiting', flowId: 'f1' } })
    const done = wizardReducer(waiting, { type: 'signInFinished', flowId: 'f1', result: signedIn })
    expect(done.step).toBe('servers')
    if (done.step !== 'servers') return
    expect(done.setup.signIn?.grant).toEqual(GRANT)
    expect(secretSource(done.setup)).toEqual({ grantId: 'g1' })
    // back from the servers returns to the sign-in, still signed in
    expect(wizardReducer(done, { type: 'back' })).toMatchObject({
      step: 'sign-in',
      setup: { signIn: { grant: GRANT } },
    })
  })

  it('a late answer of another sign-in is ignored; a refusal keeps everything typed', () => {
    const waiting = wizardReducer(googleSignIn(), { type: 'signInStarted', flowId: 'f1' })
    expect(wizardReducer(waiting, { type: 'signInFinished', flowId: 'old', result: signedIn })).toBe(waiting)
    const diagnosis = {
      cause: 'oauth_client_rejected' as const,
      title: 't',
      explanation: 'e',
      serverText: 'invalid_client',
      fix: { kind: 'none' as const, label: 'x' },
    }
    const refused = wizardReducer(waiting, {
      type: 'signInFinished',
      flowId: 'f1',
      result: { ok: true, value: { signedIn: false, reason: 'refused', diagnosis } },
    })
    expect(refused).toMatchObject({
      step: 'sign-in',
      flow: { status: 'failed' },
      setup: { signIn: { clientId: 'abc.apps.googleusercontent.com' } },
    })
    const cancelled = wizardReducer(waiting, {
      type: 'signInFinished',
      flowId: 'f1',
      result: { ok: false, error: { code: 'CANCELLED', message: 'x' } },
    })
    expect(cancelled).toMatchObject({
      flow: { status: 'idle', notice: 'You cancelled the sign-in. Nothing was saved.' },
    })
  })

  it('a changed client drops the finished sign-in (it was someone else’s)', () => {
    const s0 = googleSignIn()
    if (s0.step !== 'sign-in') return
    const withGrant = signInState({ ...s0.setup, signIn: { ...s0.setup.signIn, grant: GRANT } })
    const s = wizardReducer(withGrant, { type: 'oauthFieldChanged', field: 'clientId', value: 'other' })
    expect(s).toMatchObject({ setup: { signIn: { clientId: 'other', grant: null } } })
  })

  it('the diagnosis’s "Sign in with Microsoft" fix opens the sign-in for Microsoft', () => {
    const outlook = setupFromDetection('carol@outlook.com', '', OUTLOOK_DETECTED, null)
    const s = wizardReducer(
      finished(outgoingFailed({ kind: 'sign-in', provider: 'microsoft', label: 'Sign in with Microsoft' }), outlook),
      fix({ kind: 'sign-in', provider: 'microsoft', label: 'Sign in with Microsoft' }),
    )
    expect(s).toMatchObject({ step: 'sign-in', setup: { signIn: { provider: 'microsoft' } } })
  })

  it('Outlook.com’s "password sign-in is off" screen leads to Sign in with Microsoft, with no password path', () => {
    const outlook = setupFromDetection('carol@outlook.com', '', OUTLOOK_DETECTED, null)
    const s = wizardReducer({ step: 'app-password', setup: outlook }, { type: 'signInChosen', provider: 'microsoft' })
    expect(s).toMatchObject({ step: 'sign-in' })
    expect(wizardReducer(s, { type: 'passwordChosen' })).toBe(s)
  })

  it('the test of a signed-in setup plans the "authorizing" stage', () => {
    const servers = serversState({
      ...gmailSetup({ password: '' }),
      signIn: { ...oauthDraftFor('google', null), grant: GRANT },
    })
    const s = wizardReducer(servers, { type: 'testRequested', testId: 't9' })
    expect(s).toMatchObject({ step: 'test', run: { tested: { auth: 'oauth2' } } })
    if (s.step !== 'test') return
    const input = testInput(s.setup, 't9', s.run.tested)
    expect(input).toMatchObject({ grantId: 'g1' })
    expect(input).not.toHaveProperty('password')
  })
})

describe('the sign-in step (screen)', () => {
  it(
    'Microsoft: guidance with the redirect URI and Copy, the client ID, waiting with Cancel, then the servers',
    { timeout: 20_000 },
    async () => {
      const fake = installFakeMailkey()
      const user = userEvent.setup({ delay: null })
      const outlook = setupFromDetection('carol@outlook.com', '', OUTLOOK_DETECTED, null)
      render(<Wizard onSaved={() => undefined} initialState={{ step: 'app-password', setup: outlook }} />)
      await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }))
      expect(await screen.findByRole('heading', { name: 'Sign in with Microsoft' })).toBeTruthy()
      expect(screen.getByLabelText<HTMLInputElement>('Redirect URI to register').value).toBe('http://127.0.0.1')
      expect(screen.getByText(/Allow public client flows/)).toBeTruthy()
      await user.click(screen.getByRole('button', { name: 'Open Microsoft Entra' }))
      expect(fake.api.openExternal).toHaveBeenCalledWith({
        url: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
      })
      // nothing typed: the problem is said and the browser stays shut
      await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }))
      expect(await screen.findByText('Enter the client ID.')).toBeTruthy()
      expect(fake.api.oauthAuthorize).not.toHaveBeenCalled()

      const answer = pending<Result<OAuthAuthorizeResult>>()
      fake.api.oauthAuthorize.mockReturnValue(answer.promise)
      await user.type(screen.getByLabelText('Client ID'), '11111111-2222-3333-4444-555555555555')
      await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }))
      expect(await screen.findByRole('heading', { name: 'Waiting for you to sign in in your browser…' })).toBeTruthy()
      const call = fake.api.oauthAuthorize.mock.calls[0]?.[0]
      expect(call).toMatchObject({
        email: 'carol@outlook.com',
        client: { provider: 'microsoft', clientId: '11111111-2222-3333-4444-555555555555' },
      })
      expect(call && 'client' in call && call.client?.clientSecret).toBeFalsy()
      await user.keyboard('{Escape}')
      expect(fake.api.oauthCancel).toHaveBeenCalledWith({ flowId: call?.flowId })
      await act(() =>
        answer.resolve({ ok: true, value: { signedIn: true, grant: { ...GRANT, provider: 'microsoft' } } }),
      )
      // the cancel came too late: the sign-in finished, and the servers come next
      expect(await screen.findByRole('heading', { name: /server/i })).toBeTruthy()
      expect(within(screen.getByRole('navigation', { name: 'Setup progress' })).getByText('Sign in')).toBeTruthy()
    },
  )
})
