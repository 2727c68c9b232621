import { useState } from 'react'
import { LOOPBACK_REDIRECT, type OAuthProviderKind } from '../../../shared/oauth.js'
import { OAUTH_PRESETS } from '../../../shared/providers.js'
import { useOpenExternal } from '../ui/use-open-external.js'

/** The redirect URL to register, read-only, with a Copy button (and the text selected if copying is refused). */
export function RedirectUrl({ id }: { id: string }) {
  const [copied, setCopied] = useState<string | null>(null)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(LOOPBACK_REDIRECT)
      setCopied('Copied.')
    } catch {
      ;(document.getElementById(id) as HTMLInputElement | null)?.select()
      setCopied('Mailkey could not use the clipboard: the address is selected, press Ctrl+C.')
    }
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Redirect URI to register
      </label>
      <p id={`${id}-hint`} className="field-hint">
        Mailkey listens on this address, on a port of its choosing, only while you sign in.
      </p>
      <div className="input-group">
        <input id={id} className="input" readOnly value={LOOPBACK_REDIRECT} aria-describedby={`${id}-hint`} />
        <button type="button" className="button button--inline" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="field-hint" role="status">
        {copied}
      </p>
    </div>
  )
}

function GoogleSteps() {
  return (
    <>
      <li>
        <p>
          In Google Cloud console, pick or create a project and set up its <strong>OAuth consent screen</strong>:
          “External” for a personal account (“Internal” for your Workspace organization), the app name, your address.
        </p>
      </li>
      <li>
        <p>
          Under Data access, add the scope <code>https://mail.google.com/</code>. While the app is in “Testing”, add
          your address under <strong>Test users</strong>: only test users can sign in, and Google ends a test user’s
          sign-in after <strong>7 days</strong> (Mailkey then asks you to sign in again). Publishing the app lifts the
          limit.
        </p>
      </li>
      <li>
        <p>
          Credentials → Create credentials → OAuth client ID, application type <strong>Desktop app</strong>. Copy its
          client ID and client secret below.
        </p>
      </li>
    </>
  )
}

function MicrosoftSteps() {
  return (
    <>
      <li>
        <p>
          In the Microsoft Entra admin center, App registrations → <strong>New registration</strong>. For Outlook.com
          choose “Accounts in any organizational directory and personal Microsoft accounts”.
        </p>
      </li>
      <li>
        <p>
          Add the platform <strong>Mobile and desktop applications</strong> with the redirect URI below, and under
          Authentication set <strong>Allow public client flows</strong> to Yes. A desktop app needs no client secret.
        </p>
      </li>
      <li>
        <p>
          API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Delegated:{' '}
          <code>IMAP.AccessAsUser.All</code>, <code>POP.AccessAsUser.All</code>, <code>SMTP.Send</code>. Many
          organizations need an administrator to grant consent.
        </p>
      </li>
      <li>
        <p>
          Copy the <strong>Application (client) ID</strong> below.
        </p>
      </li>
    </>
  )
}

/**
 * How to register the OAuth client Mailkey signs in with (Mailkey ships none: the client is yours),
 * like the app-password guidance: the provider's console and guide one click away.
 */
export function OAuthGuidance({ kind, idPrefix }: { kind: OAuthProviderKind; idPrefix: string }) {
  const [open, problem] = useOpenExternal()
  if (kind === 'custom') {
    return (
      <div className="guide-box">
        <p>
          Register Mailkey as a desktop (public) client with your identity provider, with the redirect URI below. Give
          its client ID (and secret, if it has one), the authorization and token endpoints, and the scope your mail
          server expects, or fill them from the issuer’s discovery document.
        </p>
        <RedirectUrl id={`${idPrefix}redirect`} />
      </div>
    )
  }
  const preset = OAUTH_PRESETS[kind]
  const brand = kind === 'google' ? 'Google Cloud' : 'Microsoft Entra'
  return (
    <div className="guide-box">
      <ol className="guide">{kind === 'google' ? <GoogleSteps /> : <MicrosoftSteps />}</ol>
      <p className="actions actions--start">
        <button type="button" className="button" onClick={() => open(preset.consoleUrl)}>
          Open {brand}
        </button>
        <button type="button" className="button button--link" onClick={() => open(preset.guideUrl)}>
          Read {kind === 'google' ? 'Google' : 'Microsoft'}’s guide
        </button>
      </p>
      {problem && <p className="field-error">{problem}</p>}
      <RedirectUrl id={`${idPrefix}redirect`} />
    </div>
  )
}
