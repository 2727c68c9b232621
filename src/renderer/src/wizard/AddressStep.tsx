import type { Dispatch } from 'react'
import { SOURCE_LABEL } from '../lib/labels.js'
import { Field } from '../ui/Field.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import { DiscoveryProgress } from './DiscoveryProgress.js'
import { parseReplyTo } from './office-draft.js'
import { isEmail, normalizeAddress } from './setup.js'
import { useProviderDetection } from './use-provider-detection.js'
import type { At, Detection, WizardAction } from './wizard-state.js'

interface Props {
  state: At<'address'>
  dispatch: Dispatch<WizardAction>
}

/** One stable live region (a replaced element would not be announced), its words changing inside. */
function ProviderStatus({ detection, email }: { detection: Detection; email: string }) {
  const current = detection.status !== 'idle' && detection.email === email ? detection : null
  return (
    <p className={`provider-status${current?.status === 'found' ? ' provider-status--found' : ''}`} role="status">
      {current === null && 'Mailkey recognises your provider from the address.'}
      {current?.status === 'detecting' && 'Looking up your provider…'}
      {current?.status === 'failed' && `Mailkey could not look up your provider: ${current.message}`}
      {current?.status === 'found' && !current.settings.incoming && !current.settings.outgoing && (
        <>
          <strong>No settings found</strong>
          <span className="provider-source">You can enter them after the password.</span>
        </>
      )}
      {current?.status === 'found' && (current.settings.incoming ?? current.settings.outgoing) && (
        <>
          <strong>
            {current.settings.provider?.name ??
              current.settings.publisher ??
              current.settings.displayDomain ??
              current.settings.domain ??
              'Provider not recognised'}
          </strong>
          <span className="provider-source">{SOURCE_LABEL[current.settings.source]}</span>
        </>
      )}
    </p>
  )
}

/** Step 1: the address (and an optional name); the provider is recognised while typing. */
export function AddressStep({ state, dispatch }: Props) {
  const emailRef = useFocusOnMount<HTMLInputElement>()
  useProviderDetection(state, dispatch)
  const email = normalizeAddress(state.email)
  const problem = state.showProblems && !isEmail(email) ? 'Enter an email address like name@gmail.com.' : null
  const lookingUp = state.advanceWhenFound && isEmail(email)
  const replyTo = parseReplyTo(state.replyTo)
  const replyToProblem = state.showProblems && !replyTo.ok ? replyTo.problem : null
  return (
    <form
      className="step"
      noValidate
      aria-labelledby="address-heading"
      onSubmit={(e) => {
        e.preventDefault()
        if (lookingUp) return
        dispatch({ type: 'addressSubmitted' })
        if (!isEmail(email)) emailRef.current?.focus()
      }}
    >
      <h2 id="address-heading">Which address do you want to set up?</h2>
      <p className="lead">Mailkey finds the servers, tests them for real and only then saves the account.</p>
      <Field id="email" label="Email address" error={problem}>
        {(control) => (
          <input
            {...control}
            ref={emailRef}
            className="input"
            type="email"
            autoComplete="email"
            spellCheck={false}
            autoCapitalize="off"
            value={state.email}
            onChange={(e) => dispatch({ type: 'addressChanged', email: e.target.value })}
          />
        )}
      </Field>
      <ProviderStatus detection={state.detection} email={email} />
      <DiscoveryProgress
        email={email}
        active={state.detection.status === 'detecting' && state.detection.email === email}
      />
      {state.detection.status === 'found' &&
        state.detection.email === email &&
        !state.detection.settings.incoming &&
        !state.detection.settings.outgoing &&
        !state.allowHttp && (
          <button type="button" className="button button--quiet" onClick={() => dispatch({ type: 'plainHttpAllowed' })}>
            Also look for settings published over plain HTTP
          </button>
        )}
      <Field id="display-name" label="Your name (optional)" hint="Shown to the people you write to.">
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="name"
            value={state.displayName}
            onChange={(e) => dispatch({ type: 'displayNameChanged', displayName: e.target.value })}
          />
        )}
      </Field>
      <Field
        id="reply-to"
        label="Reply-to address (optional)"
        hint="Where replies go, when not to this address (a shared office mailbox, say)."
        error={replyToProblem}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="email"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            value={state.replyTo}
            onChange={(e) => dispatch({ type: 'replyToChanged', replyTo: e.target.value })}
          />
        )}
      </Field>
      <div className="actions">
        {/* busy, not disabled: a disabled button would drop the keyboard focus on the page while it waits */}
        <button type="submit" className="button button--primary" aria-disabled={lookingUp || undefined}>
          {lookingUp ? 'Looking up…' : 'Continue'}
        </button>
      </div>
    </form>
  )
}
