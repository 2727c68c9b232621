import { isAllowedExternalUrl, isAuthorizationUrl } from './url-allowlist.js'

/** The only call to shell.openExternal for links: https links to provider help pages, nothing else. */
export function openExternalSafe(shell: { openExternal(url: string): Promise<void> }): (url: string) => Promise<void> {
  return async (url) => {
    if (!isAllowedExternalUrl(url)) throw new Error('refused to open a link outside the allowlist')
    await shell.openExternal(url)
  }
}

/**
 * The authorization page of a sign-in the user asked for, in the system browser (RFC 8252 §8.12: never
 * an embedded window): only the configured authorization endpoint, for that one flow.
 */
export function openAuthorizationPage(shell: {
  openExternal(url: string): Promise<void>
}): (url: string, authorizationEndpoint: string) => Promise<void> {
  return async (url, authorizationEndpoint) => {
    if (!isAuthorizationUrl(url, authorizationEndpoint)) throw new Error('refused to open a sign-in page elsewhere')
    await shell.openExternal(url)
  }
}
