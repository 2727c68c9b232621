import { shell } from 'electron'
import { isAllowedExternalUrl, isAuthorizationUrl } from './url-allowlist.js'

/** The only calls to shell.openExternal: https links to provider help pages, nothing else. */
export async function openExternalSafe(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error('refused to open a link outside the allowlist')
  await shell.openExternal(url)
}

/**
 * The authorization page of a sign-in the user asked for, in the system browser (RFC 8252 §8.12: never
 * an embedded window): only the configured authorization endpoint, for that one flow.
 */
export async function openAuthorizationPage(url: string, authorizationEndpoint: string): Promise<void> {
  if (!isAuthorizationUrl(url, authorizationEndpoint)) throw new Error('refused to open a sign-in page elsewhere')
  await shell.openExternal(url)
}
