import { PROVIDERS, providerById, type Provider } from '../../src/shared/providers.js'
import type { BedInfo } from './index.js'

/**
 * The provider catalog as the app ships it, plus the bed posing as Gmail for `example.test`: Gmail's
 * guidance and app-password rules, the bed's servers, and its authorization server in place of
 * Google's (so "Sign in with Google instead" signs in against the bed).
 */
export function bedCatalog(bed: BedInfo): Provider[] {
  const gmail = providerById('gmail')
  const bedGmail: Provider = {
    ...gmail,
    domains: ['example.test'],
    incoming: {
      imap: { host: bed.host, port: bed.ports.imaps, security: 'tls' },
      pop3: { host: bed.host, port: bed.ports.pop3s, security: 'tls' },
    },
    outgoing: [
      { host: bed.host, port: bed.ports.smtps, security: 'tls' },
      { host: bed.host, port: bed.ports.submission, security: 'starttls' },
    ],
    ...(gmail.oauth
      ? {
          oauth: {
            ...gmail.oauth,
            issuer: bed.oauth.url,
            authorizationEndpoint: `${bed.oauth.url}/authorize`,
            tokenEndpoint: `${bed.oauth.url}/token`,
            revocationEndpoint: `${bed.oauth.url}/revoke`,
            scope: bed.oauth.scope,
          },
        }
      : {}),
  }
  return [bedGmail, ...PROVIDERS]
}
