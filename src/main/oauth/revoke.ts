import * as client from 'openid-client'
import type { OAuthSettings } from '../../shared/oauth.js'
import { clientConfiguration } from './oauth-client.js'

/** What became of a revocation: done, not offered by the provider, or failed (the reason in words). */
export type Revocation = { revoked: true } | { revoked: false; reason: string }

/**
 * Revokes a refresh token at the provider (RFC 7009), which also ends the access tokens issued with it
 * at Google (https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke). Microsoft
 * offers no revocation endpoint; there the user ends the sign-in on the account's own page. Never
 * throws: removing an account goes on whatever the provider says.
 */
export async function revokeRefreshToken(
  settings: Pick<
    OAuthSettings,
    'clientId' | 'authorizationEndpoint' | 'tokenEndpoint' | 'revocationEndpoint' | 'issuer'
  >,
  refreshToken: string,
  clientSecret: string | null,
): Promise<Revocation> {
  if (!settings.revocationEndpoint) return { revoked: false, reason: 'The provider offers no way to revoke a sign-in.' }
  try {
    await client.tokenRevocation(clientConfiguration(settings, clientSecret), refreshToken, {
      token_type_hint: 'refresh_token',
    })
    return { revoked: true }
  } catch (e) {
    const text = e instanceof client.ResponseBodyError ? e.error : e instanceof Error ? e.message : String(e)
    return { revoked: false, reason: `The provider did not confirm the revocation (${text.slice(0, 200)}).` }
  }
}
