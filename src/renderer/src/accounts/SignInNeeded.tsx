import { useRef, useState } from 'react'
import { oauthProviderName } from '../../../shared/oauth-kinds.js'
import { ClientSecretSchema, type OAuthSettings } from '../../../shared/oauth.js'
import { PasswordField } from '../ui/PasswordField.js'

interface Props {
  oauth: OAuthSettings
  idPrefix: string
  /** Sign in with the client the account keeps (its secret, if any, from the keychain). */
  onSignIn: () => void
  /** Sign in with the account's client and this client secret, typed now. */
  onSignInWithSecret: (clientSecret: string) => void
}

/**
 * An OAuth account whose keychain holds no sign-in (imported from an accounts file, which never
 * carries a token, or a keychain that lost it): "Sign in with <provider>" instead of a password. A
 * confidential client's secret is not in the keychain either, so it is asked for here, checked like
 * the wizard's (ClientSecretSchema) and handed to main with the sign-in only.
 */
export function SignInNeeded({ oauth, idPrefix, onSignIn, onSignInWithSecret }: Props) {
  const name = oauthProviderName(oauth)
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const needsSecret = oauth.hasClientSecret
  const submit = (): void => {
    if (!needsSecret) return onSignIn()
    const parsed = ClientSecretSchema.safeParse(secret)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter the client secret.')
      inputRef.current?.focus()
      return
    }
    onSignInWithSecret(parsed.data)
  }
  return (
    <form
      className="notice"
      aria-label={`Sign in with ${name}`}
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <p>
        This account signs in with {name}, not with a password; the keychain holds no sign-in for it yet. Sign in: your
        browser opens {name}’s page, then Mailkey tests both servers before it keeps the sign-in.
      </p>
      {needsSecret && (
        <PasswordField
          id={`${idPrefix}client-secret`}
          label="Client secret"
          value={secret}
          hint={`The secret of the OAuth client ${oauth.clientId}: exported files never carry it. Kept in the keychain.`}
          error={error}
          inputRef={inputRef}
          onChange={(raw) => {
            setSecret(raw)
            setError(null)
          }}
        />
      )}
      <div className="actions actions--start">
        <button type="submit" className="button button--primary">
          Sign in with {name}
        </button>
      </div>
    </form>
  )
}
