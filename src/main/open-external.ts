import { isAllowedExternalUrl } from './url-allowlist.js'

/** The only call to shell.openExternal: https links to provider help pages, nothing else. */
export function openExternalSafe(shell: { openExternal(url: string): Promise<void> }): (url: string) => Promise<void> {
  return async (url) => {
    if (!isAllowedExternalUrl(url)) throw new Error('refused to open a link outside the allowlist')
    await shell.openExternal(url)
  }
}
