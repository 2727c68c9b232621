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
