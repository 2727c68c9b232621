/**
 * Whose OAuth sign-in it is: Google's, Microsoft's, or a provider the user configures. Apart from the
 * schemas (oauth.ts), so the settings schema reads it without loading zod (test/main/cli-startup.test.ts).
 */
export const OAUTH_PROVIDER_KINDS = ['google', 'microsoft', 'custom'] as const
export type OAuthProviderKind = (typeof OAUTH_PROVIDER_KINDS)[number]

/**
 * The name a "Sign in with …" button gives a provider: Google, Microsoft, or for another provider the
 * host of its issuer (else of its authorization endpoint), e.g. "login.example.com".
 */
export function oauthProviderName(settings: {
  provider: OAuthProviderKind
  issuer: string | null
  authorizationEndpoint: string
}): string {
  if (settings.provider === 'google') return 'Google'
  if (settings.provider === 'microsoft') return 'Microsoft'
  for (const raw of [settings.issuer, settings.authorizationEndpoint]) {
    if (!raw) continue
    try {
      return new URL(raw).host
    } catch {
      // not a URL: try the next
    }
  }
  return 'your provider'
}
