import { extname, normalize, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
const APP_HOST = 'mailkey'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * Maps an `app://mailkey/...` URL to a file inside the built renderer, or null. Encoded and plain
 * `..` segments, other hosts and anything outside `root` are refused.
 */
export function resolveRendererPath(root: string, rawUrl: string): string | null {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const base = resolve(root)
  const file = resolve(base, normalize(`.${path === '/' ? '/index.html' : path}`))
  return file === base || file.startsWith(base + sep) ? file : null
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
