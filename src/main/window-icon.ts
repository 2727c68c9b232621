import { join } from 'node:path'

/**
 * The icon a window names itself, or undefined where the system takes it from the packaged app
 * instead (the .icns on macOS, the icon embedded in the .exe on Windows). On Linux a running window
 * has no packaged icon to fall back on, so it points at `resources/icon.png`.
 *
 * `mainDir` is the folder of the built main bundle, `out/main` (package.json "main"); `resources/`
 * sits at the app root two levels up, the layout of the electron-vite template (its `?asset` imports
 * resolve the same way). A packager must ship `resources/icon.png` beside `out/` (electron-builder:
 * `files` keeps `out/**` and `resources/**`). Inside app.asar is fine: Electron reads images through
 * its asar support.
 */
export function windowIconPath(mainDir: string, platform: NodeJS.Platform): string | undefined {
  return platform === 'linux' ? join(mainDir, '..', '..', 'resources', 'icon.png') : undefined
}
