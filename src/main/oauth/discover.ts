import * as client from 'openid-client'
import { isLoopbackHost, oauthEndpointProblem, type DiscoveredEndpoints } from '../../shared/oauth.js'
import { AppError } from '../app-error.js'

/**
 * Reads an issuer's OpenID discovery document (`/.well-known/openid-configuration`, OpenID Connect
 * Discovery 1.0 §4) with openid-client, which checks that the document names the same issuer. The
 * issuer and every endpoint must be https (or http on a loopback address).
 */
export async function discoverIssuer(issuer: string, timeoutMs = 10_000): Promise<DiscoveredEndpoints> {
  const problem = oauthEndpointProblem(issuer)
  if (problem) throw new AppError('INVALID_INPUT', `Issuer: ${problem}`)
  const url = new URL(issuer)
  let meta: client.ServerMetadata
  try {
    const config = await client.discovery(url, 'mailkey-discovery', undefined, client.None(), {
      timeout: timeoutMs / 1000,
      ...(url.protocol === 'http:' && isLoopbackHost(url.hostname) ? { execute: [client.allowInsecureRequests] } : {}),
    })
    meta = config.serverMetadata()
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw new AppError('NOT_FOUND', `Mailkey could not read the issuer’s discovery document (${why.slice(0, 200)}).`)
  }
  const endpoints = [meta.authorization_endpoint, meta.token_endpoint, meta.revocation_endpoint].filter(
    (e): e is string => typeof e === 'string',
  )
  if (!meta.authorization_endpoint || !meta.token_endpoint || endpoints.some((e) => oauthEndpointProblem(e))) {
    throw new AppError('INVALID_INPUT', 'The issuer publishes no usable authorization and token endpoints.')
  }
  return {
    issuer: meta.issuer,
    authorizationEndpoint: meta.authorization_endpoint,
    tokenEndpoint: meta.token_endpoint,
    revocationEndpoint: meta.revocation_endpoint ?? null,
    scopesSupported: Array.isArray(meta.scopes_supported) ? meta.scopes_supported.slice(0, 100) : [],
  }
}
