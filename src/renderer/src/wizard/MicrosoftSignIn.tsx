import type { Provider } from '../../../shared/providers.js'

/**
 * THE place where "Sign in with Microsoft" goes once Mailkey can do it (OAuth, issue 15): the stop
 * screen for Outlook.com and Microsoft 365 renders this, and nothing else offers a way on. Until then
 * it says plainly that this version cannot, so nobody tests a password that cannot work.
 */
export function MicrosoftSignIn({ provider }: { provider: Provider }) {
  return (
    <div className="microsoft-sign-in" role="note" aria-label="Sign in with Microsoft">
      <p>
        <strong>Sign in with Microsoft</strong> is not in this version of Mailkey yet, so it cannot set up{' '}
        {provider.name} accounts. Nothing you could type here would work.
      </p>
    </div>
  )
}
