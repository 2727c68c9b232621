import type { Credentials } from '../credentials/credentials.js'
import type { OAuthOwner } from '../oauth/access-tokens.js'
import { revokeRefreshToken, type Revocation } from '../oauth/revoke.js'

/**
 * Ends an OAuth sign-in: revokes its refresh token at the provider where it offers revocation (RFC
 * 7009), then deletes its keychain entries. A password account (no `oauth`) has nothing to revoke.
 */
export async function revokeSignIn(
  credentials: Credentials,
  owner: { id: string; oauth: OAuthOwner['oauth'] | null },
): Promise<Revocation> {
  if (!owner.oauth) return { revoked: false, reason: 'This account signs in with a password.' }
  const secrets = await credentials.oauthSecrets(owner.id)
  const result = secrets
    ? await revokeRefreshToken(owner.oauth, secrets.refreshToken, secrets.clientSecret)
    : { revoked: false as const, reason: 'No saved sign-in was left to revoke.' }
  await credentials.deleteOAuth(owner.id)
  return result
}
