import { readFile } from 'node:fs/promises'
import { CSP } from '../shared/csp.js'
import type { ProtocolLike } from './electron-surface.js'
import { APP_SCHEME, contentType, resolveRendererPath } from './renderer-path.js'

/** Must run before `ready`: `app://` is a secure, standard scheme, so the page gets a real origin. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ])
}

/** Serves the built renderer from `root` (and nothing else) with the CSP as a response header. */
export function serveRenderer(protocol: ProtocolLike, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererPath(root, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'content-type': contentType(file),
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
