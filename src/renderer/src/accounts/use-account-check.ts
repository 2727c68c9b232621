import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { AccountView } from '../../../shared/account.js'
import type { AccountCheck } from '../../../shared/ipc/contract.js'
import { clientOfSettings, type OAuthClient } from '../../../shared/oauth.js'
import { providerById } from '../../../shared/providers.js'
import type { Result } from '../../../shared/result.js'
import { mailkey, settle } from '../lib/api.js'
import { newTestId } from '../lib/test-id.js'
import type { TestedServers } from '../test-view/test-run.js'
import { useTestCancel } from '../ui/use-test-cancel.js'
import { accountCheckReducer, idleCheck, type AccountCheckState, type CheckOutcome } from './account-check.js'

export interface AccountCheckControls {
  retest: () => void
  openReset: () => void
  /** An OAuth account: sign in again in the browser, then test both servers before keeping it. */
  signInAgain: () => void
  /**
   * The same with the client secret typed now, for a confidential client whose secret the keychain
   * does not hold (an imported account): the sign-in uses the account's client with that secret.
   */
  signInWithSecret: (clientSecret: string) => void
  changePassword: (raw: string, pasted: boolean) => void
  submitReset: () => void
  closeReset: () => void
  cancel: () => void
  dismiss: () => void
}

function testedOf(account: AccountView): TestedServers {
  return {
    incoming: account.incoming,
    outgoing: account.outgoing,
    ...(account.oauth ? { auth: 'oauth2' as const } : {}),
  }
}

/**
 * The effects of an account's checks: live progress while one runs, each re-test or reset sent to
 * main once per test id, the updated account handed up, and a running check stopped if the card goes.
 */
export function useAccountCheck(
  account: AccountView,
  onUpdated: (account: AccountView) => void,
): [AccountCheckState, AccountCheckControls] {
  const [state, dispatch] = useReducer(accountCheckReducer, idleCheck)
  const running = state.kind === 'running'
  const runningId = state.kind === 'running' ? state.run.testId : null

  // listening first, so the first stage of a check is not missed
  useEffect(() => {
    if (!running) return
    return mailkey().onTestProgress((event) => dispatch({ type: 'stageEvent', event }))
  }, [running])

  const started = useRef(new Set<string>())
  const { id } = account
  useEffect(() => {
    if (state.kind !== 'running' || started.current.has(state.run.testId)) return
    const { testId } = state.run
    started.current.add(testId)
    const call: () => Promise<Result<AccountCheck & CheckOutcome>> =
      state.mode === 'retest'
        ? () => mailkey().retestAccount({ id, testId })
        : () =>
            mailkey().resetCredentials(
              state.grantId !== undefined
                ? { id, testId, grantId: state.grantId }
                : { id, testId, password: state.password },
            )
    void settle(call).then((r) => {
      if (r.ok) onUpdated(r.value.account)
      dispatch({ type: 'checkFinished', testId, result: r })
    })
  }, [state, id, onUpdated])

  // leaving the screen mid-check stops it rather than letting it run unseen
  const requested = useCallback(() => dispatch({ type: 'cancelRequested' }), [])
  const cancelTest = useTestCancel(runningId, requested)
  const flowId = state.kind === 'signing-in' ? state.flowId : null
  const cancel = useCallback(() => {
    if (flowId === null) return cancelTest()
    dispatch({ type: 'signInCancelRequested' })
    void settle(() => mailkey().oauthCancel({ flowId }))
  }, [flowId, cancelTest])
  const email = account.email

  const providerId = account.providerId
  const tested = testedOf(account)
  const oauth = account.oauth
  const signIn = (client: { accountId: string } | { client: OAuthClient }): void => {
    const newFlow = newTestId()
    dispatch({ type: 'signInStarted', flowId: newFlow })
    void settle(() => mailkey().oauthAuthorize({ flowId: newFlow, email, ...client })).then((result) =>
      dispatch({ type: 'signInFinished', flowId: newFlow, result, testId: newTestId(), tested }),
    )
  }
  const controls: AccountCheckControls = {
    retest: () => dispatch({ type: 'retestRequested', testId: newTestId(), tested }),
    signInAgain: () => signIn({ accountId: id }),
    signInWithSecret: (clientSecret) =>
      signIn(oauth ? { client: clientOfSettings(oauth, clientSecret) } : { accountId: id }),
    openReset: () => dispatch({ type: 'resetOpened', provider: providerId ? providerById(providerId) : null }),
    changePassword: (raw, pasted) => dispatch({ type: 'resetPasswordChanged', raw, pasted }),
    submitReset: () => dispatch({ type: 'resetSubmitted', testId: newTestId(), tested }),
    closeReset: () => dispatch({ type: 'resetClosed' }),
    cancel,
    dismiss: () => dispatch({ type: 'dismissed' }),
  }
  return [state, controls]
}
