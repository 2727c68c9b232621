import type { Provider } from '../../../shared/providers.js'

/**
 * Accounts whose incoming mail (IMAP and POP) takes no password of any kind, app passwords included:
 * Outlook.com, Hotmail, Live and MSN since Microsoft retired basic authentication there (2024-09-16),
 * and Microsoft 365, where Exchange Online has had it off in every tenant since 2023 (only SMTP AUTH
 * lingers, and a mail account needs both sides). Only "Sign in with Microsoft" (OAuth) works.
 * Sources: support.microsoft.com "Modern authentication methods now needed…"; learn.microsoft.com
 * "Deprecation of Basic authentication in Exchange Online".
 */
export function needsMicrosoftSignIn(provider: Provider | null | undefined): boolean {
  return provider?.oauthOnly === true || provider?.id === 'microsoft-365'
}
