import { isLoopbackHost } from '../shared/oauth.js'
import { HELP_HOSTS } from '../shared/providers.js'

/**
 * Links the app may hand to the system browser: https only, no credentials in the URL, and the host
 * exactly one of the provider help hosts (so `support.google.com.evil.example` does not pass).
 */
export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = HELP_HOSTS): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  return hosts.includes(url.hostname.toLowerCase())
}

/**
 * The authorization page of an OAuth sign-in the user started (issue 15): main built `raw` from the
 * configured authorization endpoint, and it may open only that endpoint (same scheme, host, port and
 * path; `https:`, or `http:` on a loopback address for a local identity server) with a query, no user
 * info, no fragment. The page can add no host: it never hands main a URL to open this way.
 */
export function isAuthorizationUrl(raw: string, authorizationEndpoint: string): boolean {
  let url: URL
  let endpoint: URL
  try {
    url = new URL(raw)
    endpoint = new URL(authorizationEndpoint)
  } catch {
    return false
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
  return (
    secure &&
    !url.username &&
    !url.password &&
    !url.hash &&
    url.origin === endpoint.origin &&
    url.pathname === endpoint.pathname
  )
}
