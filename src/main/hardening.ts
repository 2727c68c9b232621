import type { AppLike, PermissionsSessionLike } from './electron-surface.js'
import { permissionAllowed } from './permissions.js'

/**
 * Applies to every web contents the app ever creates: no navigation away from the app, no new
 * windows, no webviews.
 */
export function hardenWebContents(app: AppLike): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault())
    contents.on('will-frame-navigate', (e) => e.preventDefault())
    contents.on('will-attach-webview', (e) => e.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** Refuses every web permission except clipboard writing for the app's own page (see permissions.ts). */
export function restrictPermissions(session: PermissionsSessionLike, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((wc, permission, callback) =>
    callback(permissionAllowed(permission, wc.getURL(), isAppUrl)),
  )
  session.setPermissionCheckHandler((_wc, permission, origin) => permissionAllowed(permission, origin, isAppUrl))
}
