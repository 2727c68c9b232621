import { shell } from 'electron'
import { isAllowedExternalUrl } from './url-allowlist.js'

/** The only call to shell.openExternal: https links to provider help pages, nothing else. */
export async function openExternalSafe(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error('refused to open a link outside the allowlist')
  await shell.openExternal(url)
}
