import type { Dispatch } from 'react'
import type { AppPasswordInfo, Provider } from '../../../shared/providers.js'
import { needsMicrosoftSignIn } from '../lib/microsoft.js'
import { KeychainNotice } from '../ui/KeychainNotice.js'
import type { KeychainCheck } from '../ui/use-keychain-health.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { GUIDANCE, type Guidance } from './provider-guidance.js'
import type { At, WizardAction } from './wizard-state.js'

interface Props {
  state: At<'app-password'>
  dispatch: Dispatch<WizardAction>
  keychain: KeychainCheck
  recheckKeychain: () => void
}

function Actions({
  dispatch,
  next,
  provider,
}: {
  dispatch: Dispatch<WizardAction>
  next: string
  provider?: Provider | undefined
}) {
  const oauth = provider?.oauth
  return (
    <div className="actions">
      <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
        Back
      </button>
      {oauth && (
        <button
          type="button"
          className="button"
          onClick={() => dispatch({ type: 'signInChosen', provider: oauth.kind })}
        >
          {oauth.kind === 'google' ? 'Sign in with Google instead' : 'Sign in with Microsoft instead'}
        </button>
      )}
      <button type="button" className="button button--primary" onClick={() => dispatch({ type: 'guidanceRead' })}>
        {next}
      </button>
    </div>
  )
}

/**
 * Outlook.com and Microsoft 365: no password of any kind works, and saying so plainly saves an hour.
 * The one way on is "Sign in with Microsoft".
 */
function PasswordSignInOff({ provider, dispatch }: { provider: Provider; dispatch: Dispatch<WizardAction> }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const [open, problem] = useOpenExternal()
  const kind = provider.oauth?.kind ?? 'microsoft'
  return (
    <section className="step" aria-labelledby="guidance-heading">
      <h2 id="guidance-heading" ref={headingRef} tabIndex={-1}>
        {provider.name} has switched off password sign-in
      </h2>
      <p className="lead">
        Microsoft no longer lets mail apps sign in to {provider.name} with a password, not even an app password. Sign in
        with Microsoft instead: your browser opens Microsoft’s own page, and Mailkey keeps a sign-in token in your
        system’s keychain, never a password.
      </p>
      <p>
        You need an app registration of your own in Microsoft Entra (free; the next screen shows how), or one your
        organization’s administrator gives you.
      </p>
      <p>
        <button type="button" className="button button--link" onClick={() => open(provider.helpUrl)}>
          Read {provider.name}’s help page
        </button>
      </p>
      {problem && <p className="field-error">{problem}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => dispatch({ type: 'signInChosen', provider: kind })}
        >
          Sign in with Microsoft
        </button>
      </div>
    </section>
  )
}

const GENERIC: Guidance = {
  where: 'Create an app password in your account’s security settings. Any name will do, for example “Mailkey”.',
  openLabel: 'Open App passwords',
}

function AppPasswordGuide({
  provider,
  info,
  dispatch,
  keychain,
  recheckKeychain,
}: Props & { provider: Provider; info: AppPasswordInfo }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  const [open, problem] = useOpenExternal()
  const guide = GUIDANCE[provider.id] ?? GENERIC
  const example = info.format?.example
  return (
    <section className="step" aria-labelledby="guidance-heading">
      <h2 id="guidance-heading" ref={headingRef} tabIndex={-1}>
        {info.required
          ? `${provider.name} needs an app password for Mailkey`
          : `${provider.name} may need an app password`}
      </h2>
      <p className="lead">
        {info.required
          ? `Mail apps cannot sign in to ${provider.name} with your normal password. You create an app password instead: a separate password just for Mailkey, which you can revoke at any time.`
          : `If your ${provider.name} account uses two-step sign-in, mail apps need an app password; otherwise your normal password works.`}
      </p>
      <KeychainNotice id="guidance-keychain" check={keychain} recheck={recheckKeychain} />
      <ol className="guide">
        {guide.before && (
          <li>
            <p>{guide.before}</p>
            {info.prerequisiteUrl && (
              <button type="button" className="button" onClick={() => open(info.prerequisiteUrl ?? '')}>
                Open 2-Step Verification
              </button>
            )}
          </li>
        )}
        <li>
          <p>{guide.where}</p>
          <button type="button" className="button" onClick={() => open(info.createUrl)}>
            {guide.openLabel}
          </button>
        </li>
        <li>
          <p>
            Copy the password
            {example ? (
              <>
                {' '}
                (it looks like <code>{example}</code>)
              </>
            ) : null}{' '}
            and paste it on the next screen.
          </p>
        </li>
      </ol>
      {guide.note && <p className="note">{guide.note}</p>}
      {provider.oauth && (
        <p className="note">
          No app passwords for this account (a Workspace policy, security keys only, Advanced Protection)?{' '}
          {provider.oauth.kind === 'google' ? 'Sign in with Google' : 'Sign in with Microsoft'} instead, with an OAuth
          client you register once.
        </p>
      )}
      {problem && <p className="field-error">{problem}</p>}
      <Actions dispatch={dispatch} next="I have my app password" provider={provider} />
    </section>
  )
}

/** Step 2, for providers with password rules: how to get the password the next step asks for. */
export function AppPasswordStep(props: Props) {
  const provider = props.state.setup.detected.provider
  if (provider && needsMicrosoftSignIn(provider))
    return <PasswordSignInOff provider={provider} dispatch={props.dispatch} />
  if (provider?.appPassword) return <AppPasswordGuide {...props} provider={provider} info={provider.appPassword} />
  // needsGuidance() sends only such providers here; should that change, the password step still works
  return <Actions dispatch={props.dispatch} next="Continue" />
}
