/**
 * What a setup sheet says about signing in for an account that uses OAuth: no password of any kind
 * works there (Outlook.com, Microsoft 365) or it is not the way this account signs in, so the mail app
 * on the other device signs in through the provider's page ("OAuth2" in Thunderbird, "Sign in with…").
 */
export function oauthAdvice(providerName: string | undefined): string {
  const who = providerName ?? 'the provider'
  return `This account signs in with ${who} (OAuth), not with a password: in the mail app choose OAuth2 (or “Sign in with ${who}”) and sign in on ${who}’s page. No password to type or copy.`
}
