import type Conf from 'conf'
import { join } from 'node:path'
import type { SettingsData } from './accounts/settings-schema.js'
import { openSettings, SETTINGS_NAME } from './accounts/settings-store.js'
import { EVENTS } from '../shared/ipc/channels.js'
import type { BackgroundRecheck } from './accounts/background-recheck.js'
import { registerAppScheme, serveRenderer } from './app-protocol.js'
import type { SecretStore } from './credentials/secret-store.js'
import type { BrowserWindowLike, ElectronSurface } from './electron-surface.js'
import { hardenWebContents, restrictPermissions } from './hardening.js'
import { createHandlers } from './ipc/handlers.js'
import { registerIpc } from './ipc/register.js'
import { menuTemplate } from './menu-template.js'
import { openAuthorizationPage, openExternalSafe } from './open-external.js'
import { APP_ORIGIN } from './renderer-path.js'
import { saveWithDialog } from './save-file.js'
import { openWithDialog } from './open-file.js'
import { createServices, type Services } from './services.js'
import { createMainWindow } from './window.js'
import { windowIconPath } from './window-icon.js'

/** How long quitting waits for running tests to close their sockets before it goes on anyway. */
export const QUIT_CLEANUP_MS = 2000

export interface MainProcessOptions {
  /** The folder of the built main bundle (out/main): preload and renderer are found from it. */
  mainDir: string
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  /** The settings store (electron-store in the app). */
  createStore: (options: ConstructorParameters<typeof Conf<SettingsData>>[0]) => Conf<SettingsData>
  secrets: (service: string | undefined) => SecretStore
  log: (message: string) => void
  /** Where process-wide failures are reported (process.on in the app; tests leave it out). */
  onProcessError?: (listener: (kind: 'rejection' | 'exception', error: unknown) => void) => void
}

/** What a test (and nothing else) looks at after start. */
export interface MainProcess {
  /** False when another instance held the lock: this one quits and configures nothing. */
  primary: boolean
  /** Resolves once the app is ready and the window is open. */
  ready: Promise<void>
  services(): Services | undefined
  window(): BrowserWindowLike | undefined
}

/**
 * Everything the Electron main process sets up, in order, on the Electron surface it is handed (the real
 * modules in index.ts, a recording stand-in in tests): the single-instance lock, the app:// scheme, the
 * guards on every web contents, then at `ready` the permission handlers, the menu (no DevTools or
 * Reload when packaged), the renderer with its CSP header, the services, IPC behind the sender check,
 * the window with secure web preferences, the quiet hourly re-check of saved accounts, and a bounded
 * clean-up on quit.
 */
export function startMainProcess(e: ElectronSurface, opts: MainProcessOptions): MainProcess {
  const { app } = e
  const devUrl = !app.isPackaged ? opts.env['ELECTRON_RENDERER_URL'] : undefined
  const appUrl = devUrl ?? `${APP_ORIGIN}/index.html`
  const appOrigin = new URL(appUrl).origin
  const isAppUrl = (url: string): boolean => {
    try {
      return new URL(url).origin === appOrigin
    } catch {
      return false
    }
  }
  const trustedIds = new Set<number>()
  let mainWindow: BrowserWindowLike | undefined
  let services: Services | undefined
  let unregister: () => void = () => undefined
  let recheck: BackgroundRecheck | undefined

  // tests and a portable setup can keep settings elsewhere; the CLI honours the same variable
  const configDir = opts.env['MAILKEY_CONFIG_DIR']
  if (configDir) app.setPath('userData', configDir)

  // one process owns the settings file and the window: a second start focuses the first
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return { primary: false, ready: Promise.resolve(), services: () => undefined, window: () => undefined }
  }

  const openWindow = (): void => {
    mainWindow = createMainWindow(e.BrowserWindow, {
      preload: join(opts.mainDir, '../preload/index.cjs'),
      url: appUrl,
      trustedIds,
      devTools: !app.isPackaged,
      darkTheme: e.nativeTheme.shouldUseDarkColors,
      ...(windowIconPath(opts.mainDir, opts.platform) ? { icon: windowIconPath(opts.mainDir, opts.platform) } : {}),
    })
    mainWindow.on('closed', () => (mainWindow = undefined))
  }

  const start = (): void => {
    restrictPermissions(e.session.defaultSession, isAppUrl)
    const menu = menuTemplate({ packaged: app.isPackaged, mac: opts.platform === 'darwin' })
    e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(menu))
    if (!devUrl) serveRenderer(e.protocol, join(opts.mainDir, '../renderer'))
    const settingsDir = app.getPath('userData')
    const { store, notice } = openSettings(settingsDir, (options) =>
      opts.createStore({ ...options, configName: SETTINGS_NAME }),
    )
    if (notice) opts.log(`settings recovered: ${notice.reason}`)
    services = createServices({
      store,
      secrets: opts.secrets(opts.env['MAILKEY_KEYCHAIN_SERVICE'] || undefined),
      openExternal: openExternalSafe(e.shell),
      openAuthorization: openAuthorizationPage(e.shell),
      saveFile: saveWithDialog(e.dialog),
      openFile: openWithDialog(e.dialog),
      notices: notice ? [{ kind: 'settings-recovered', message: notice.message }] : [],
      settingsDir,
    })
    unregister = registerIpc(e.ipcMain, createHandlers(services), trustedIds, isAppUrl, opts.log)
    openWindow()
    // the quiet hourly re-check: a revoked password shows on its card before the user meets it
    recheck = services.recheck({
      onChange: (account) => {
        if (mainWindow && !mainWindow.webContents.isDestroyed())
          mainWindow.webContents.send(EVENTS.accountChanged, account)
      },
    })
    recheck.start()
  }

  registerAppScheme(e.protocol)
  hardenWebContents(app)
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (opts.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (e.BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  // quitting waits (at most QUIT_CLEANUP_MS) for running tests to close their sockets, then stops
  // listening for IPC; the second before-quit (from the app.quit() below) goes through
  let cleaned = false
  app.on('before-quit', (event) => {
    if (cleaned) return
    event.preventDefault()
    cleaned = true
    recheck?.stop()
    const stopped = services?.shutdown() ?? Promise.resolve()
    const bound = new Promise<void>((r) => setTimeout(r, QUIT_CLEANUP_MS).unref())
    void Promise.race([stopped, bound]).then(() => {
      unregister()
      app.quit()
    })
  })
  opts.onProcessError?.((kind, error) => {
    opts.log(
      `${kind === 'rejection' ? 'unhandled rejection' : 'uncaught exception'}: ${error instanceof Error ? error.name : typeof error}`,
    )
    if (kind === 'exception')
      e.dialog.showErrorBox('Mailkey', 'Something went wrong inside Mailkey. Please restart it.')
  })
  const ready = app.whenReady().then(start, (err: unknown) => opts.log(`startup failed: ${String(err)}`))
  return { primary: true, ready, services: () => services, window: () => mainWindow }
}
