import type { RejectionCause } from '../../shared/account.js'
import type { ProviderId } from '../../shared/providers.js'

/** Causes that mean the server refused the secret itself (not the network, not the settings). */
export { isRejection } from '../../shared/account.js'

const BY_PROVIDER: Partial<Record<ProviderId, string>> = {
  gmail:
    'Google revokes every app password when the Google account password changes, or when someone removes it under App passwords.',
  'google-workspace':
    'Google revokes every app password when the account password changes; a Workspace admin can also turn app passwords off.',
  yahoo:
    'Yahoo app passwords stop working when they are removed in the account’s security settings or the password is reset.',
  aol: 'AOL app passwords stop working when they are removed in the account’s security settings or the password is reset.',
  icloud: 'Apple revokes app-specific passwords when the Apple Account password changes.',
  fastmail:
    'Fastmail app passwords stop working when they are deleted or their access is changed under Privacy & Security.',
  outlook: 'Microsoft no longer accepts passwords for mail apps on Outlook.com; sign-in needs OAuth.',
  'microsoft-365':
    'The password was changed, or an admin turned off password sign-in (SMTP AUTH / basic authentication).',
}

/** The likely reason a saved secret went stale, for this provider. */
export function staleReason(providerId: ProviderId | null, cause: RejectionCause): string {
  if (cause === 'oauth_token_invalid')
    return 'The sign-in token was revoked or expired (for example after a password change).'
  return (providerId && BY_PROVIDER[providerId]) ?? 'The password was changed or revoked since it was saved.'
}
