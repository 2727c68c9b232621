/**
 * Whose OAuth sign-in it is: Google's, Microsoft's, or a provider the user configures. Apart from the
 * schemas (oauth.ts), so the settings schema reads it without loading zod (test/main/cli-startup.test.ts).
 */
export const OAUTH_PROVIDER_KINDS = ['google', 'microsoft', 'custom'] as const
export type OAuthProviderKind = (typeof OAUTH_PROVIDER_KINDS)[number]
