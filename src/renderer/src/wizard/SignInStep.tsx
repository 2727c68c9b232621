import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import { mailkey, settle } from '../lib/api.js'
import { oauthClientOf, signInLabel, type OAuthField, type OAuthProblems } from '../lib/oauth-draft.js'
import { newTestId } from '../lib/test-id.js'
import { DiagnosisCard } from '../test-view/DiagnosisCard.js'
import { Field } from '../ui/Field.js'
import { PasswordField } from '../ui/PasswordField.js'
import { useEscape } from '../ui/use-escape.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { OAuthGuidance } from './OAuthGuidance.js'
import { signInOnly } from './setup.js'
import type { At, WizardAction } from './wizard-state.js'

interface Props {
  state: At<'sign-in'>
  dispatch: Dispatch<WizardAction>
}

const HEADING = {
  google: 'Sign in with Google',
  microsoft: 'Sign in with Microsoft',
  custom: 'Sign in with OAuth (another provider)',
} as const

function TextField(props: {
  id: string
  label: string
  value: string
  hint?: string
  error?: string | undefined
  onChange: (v: string) => void
  disabled: boolean
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          className="input"
          spellCheck={false}
          autoCapitalize="off"
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  )
}

/** A custom provider's endpoints and scope, optionally read from its issuer's discovery document. */
function CustomFields({ state, dispatch, problems, busy }: Props & { problems: OAuthProblems; busy: boolean }) {
  const d = state.setup.signIn
  const [discovering, setDiscovering] = useState<string | null>(null)
  const change = (field: OAuthField) => (value: string) => dispatch({ type: 'oauthFieldChanged', field, value })
  const discover = async (): Promise<void> => {
    setDiscovering('Reading the discovery document…')
    const r = await settle(() => mailkey().oauthDiscover({ issuer: d.issuer.trim() }))
    if (r.ok) {
      dispatch({ type: 'oauthDiscovered', endpoints: r.value })
      setDiscovering('Filled from the issuer.')
    } else setDiscovering(r.error.message)
  }
  return (
    <fieldset className="fieldset">
      <legend>Your provider</legend>
      <div className="input-row">
        <TextField
          id="oauth-issuer"
          label="Issuer (optional)"
          value={d.issuer}
          hint="For example https://id.example.com/realms/mail"
          error={problems.issuer}
          onChange={change('issuer')}
          disabled={busy}
        />
        <button
          type="button"
          className="button"
          disabled={busy || d.issuer.trim() === ''}
          onClick={() => void discover()}
        >
          Fill from issuer
        </button>
      </div>
      <p className="field-hint" role="status">
        {discovering}
      </p>
      <TextField
        id="oauth-auth-url"
        label="Authorization endpoint"
        value={d.authorizationEndpoint}
        error={problems.authorizationEndpoint}
        onChange={change('authorizationEndpoint')}
        disabled={busy}
      />
      <TextField
        id="oauth-token-url"
        label="Token endpoint"
        value={d.tokenEndpoint}
        error={problems.tokenEndpoint}
        onChange={change('tokenEndpoint')}
        disabled={busy}
      />
      <TextField
        id="oauth-scope"
        label="Scope"
        hint="The permissions your mail server expects, separated by spaces."
        value={d.scope}
        error={problems.scope}
        onChange={change('scope')}
        disabled={busy}
      />
    </fieldset>
  )
}

/** Waiting for the browser, with Cancel; or why the last sign-in ended without one. */
function FlowStatus({
  state,
  onCancel,
  onFix,
}: {
  state: At<'sign-in'>
  onCancel: () => void
  onFix: (fix: Fix) => void
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { flow } = state
  useEffect(() => headingRef.current?.focus(), [flow.status])
  if (flow.status === 'waiting') {
    return (
      <section className="panel" aria-labelledby="sign-in-wait">
        <h3 id="sign-in-wait" ref={headingRef} tabIndex={-1} className="panel-title">
          Waiting for you to sign in in your browser…
        </h3>
        <p>
          Your browser opened the sign-in page. Sign in there and allow access to mail; then come back here. Mailkey
          waits up to 5 minutes.
        </p>
        <div className="actions actions--start">
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Escape"
            disabled={flow.cancelling}
            onClick={onCancel}
          >
            {flow.cancelling ? 'Cancelling…' : 'Cancel'} <kbd>Esc</kbd>
          </button>
        </div>
      </section>
    )
  }
  if (flow.status === 'idle') return flow.notice ? <p className="notice">{flow.notice}</p> : null
  const { outcome } = flow
  if (outcome.reason === 'refused') {
    return (
      <DiagnosisCard
        id="sign-in-problem"
        report={outcome.diagnosis}
        wordsLabel="The provider said"
        headingRef={headingRef}
        onFix={onFix}
      />
    )
  }
  return (
    <div className="panel panel--error" role="alert">
      <h3 ref={headingRef} tabIndex={-1} className="panel-title">
        The sign-in did not finish
      </h3>
      <p>{outcome.message}</p>
    </div>
  )
}

/**
 * "Sign in with Google / Microsoft / OAuth": the user's OAuth client (with how to register one), then
 * the sign-in in the system browser. Nothing is saved here: the sign-in goes on to the servers' test,
 * and only a passed test saves it.
 */
export function SignInStep({ state, dispatch }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [open, openProblem] = useOpenExternal()
  const { setup, flow } = state
  const draft = setup.signIn
  const kind = draft.provider
  const waiting = flow.status === 'waiting'
  const client = oauthClientOf(draft)
  const problems: OAuthProblems = state.showProblems && 'problems' in client ? client.problems : {}
  const editing = setup.accountId !== undefined
  useEffect(() => headingRef.current?.focus(), [])

  const signIn = async (): Promise<void> => {
    const flowId = newTestId()
    dispatch({ type: 'signInStarted', flowId })
    if ('problems' in client) return
    // signing an account in again without a new secret: main uses the saved client and its secret
    const source = editing && draft.clientSecret === '' && setup.accountId ? { accountId: setup.accountId } : { client }
    const result = await settle(() => mailkey().oauthAuthorize({ flowId, email: setup.email, ...source }))
    dispatch({ type: 'signInFinished', flowId, result })
  }
  const cancel = useCallback(() => {
    if (flow.status !== 'waiting') return
    dispatch({ type: 'signInCancelRequested' })
    void settle(() => mailkey().oauthCancel({ flowId: flow.flowId }))
  }, [flow, dispatch])
  useEscape(waiting, cancel)
  const onFix = (fix: Fix): void => {
    if (fix.kind === 'open-url') open(fix.url)
  }
  const change = (field: OAuthField) => (value: string) => dispatch({ type: 'oauthFieldChanged', field, value })

  return (
    <form
      className="step"
      noValidate
      aria-labelledby="sign-in-heading"
      onSubmit={(e) => {
        e.preventDefault()
        if (!waiting) void signIn()
      }}
    >
      <h2 id="sign-in-heading" ref={headingRef} tabIndex={-1}>
        {HEADING[kind]}
      </h2>
      <p className="lead">
        {signInOnly(setup.detected.provider)
          ? `${setup.detected.provider?.name ?? 'This provider'} no longer lets mail apps sign in with a password. Sign in with Microsoft instead: your browser opens Microsoft’s page, and Mailkey keeps a sign-in token in your system’s keychain, never a password.`
          : `For ${setup.email}. Your browser opens the sign-in page; Mailkey keeps the sign-in token in your system’s keychain, never in a file, and only after both servers accept it.`}
      </p>
      {draft.grant && !waiting && (
        <p className="notice">
          Signed in (access to {draft.grant.scope}). Continue, or sign in again to use another account or client.
        </p>
      )}
      <OAuthGuidance kind={kind} idPrefix="oauth-" />
      <TextField
        id="oauth-client-id"
        label="Client ID"
        value={draft.clientId}
        hint={
          kind === 'google'
            ? 'Ends in .apps.googleusercontent.com'
            : kind === 'microsoft'
              ? 'The Application (client) ID, a GUID'
              : undefined
        }
        error={problems.clientId}
        onChange={change('clientId')}
        disabled={waiting}
      />
      <PasswordField
        id="oauth-client-secret"
        label={editing ? 'Client secret (leave empty to keep the saved one)' : 'Client secret (if the client has one)'}
        value={draft.clientSecret}
        hint={
          kind === 'microsoft'
            ? 'A desktop app registered as a public client has none.'
            : 'Kept in the keychain, like a password.'
        }
        error={problems.clientSecret ?? null}
        disabled={waiting}
        onChange={(raw) => dispatch({ type: 'oauthFieldChanged', field: 'clientSecret', value: raw })}
      />
      {kind === 'custom' && <CustomFields state={state} dispatch={dispatch} problems={problems} busy={waiting} />}
      <FlowStatus state={state} onCancel={cancel} onFix={onFix} />
      {openProblem && <p className="field-error">{openProblem}</p>}
      <div className="actions">
        {!editing && (
          <button type="button" className="button" disabled={waiting} onClick={() => dispatch({ type: 'back' })}>
            Back
          </button>
        )}
        {!signInOnly(setup.detected.provider) && !editing && (
          <button
            type="button"
            className="button"
            disabled={waiting}
            onClick={() => dispatch({ type: 'passwordChosen' })}
          >
            Use a password instead
          </button>
        )}
        {draft.grant && !waiting && (
          <button type="button" className="button" onClick={() => dispatch({ type: 'guidanceRead' })}>
            Continue
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={waiting}>
          {draft.grant ? 'Sign in again' : signInLabel(kind)}
        </button>
      </div>
    </form>
  )
}
