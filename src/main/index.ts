import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import Store from 'electron-store'
import { openSettings, SETTINGS_NAME } from './accounts/settings-store.js'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SettingsData } from './accounts/settings-schema.js'
import { registerAppScheme, serveRenderer } from './app-protocol.js'
import { createKeytarStore } from './credentials/keytar-store.js'
import { hardenWebContents, restrictPermissions } from './hardening.js'
import { EVENTS } from '../shared/ipc/channels.js'
import { createHandlers } from './ipc/handlers.js'
import { registerIpc } from './ipc/register.js'
import { openExternalSafe } from './open-external.js'
import { saveWithDialog } from './save-file.js'
import { APP_ORIGIN } from './renderer-path.js'
import { createServices } from './services.js'
import { menuTemplate } from './menu-template.js'
import { createMainWindow } from './window.js'
import { windowIconPath } from './window-icon.js'

const here = dirname(fileURLToPath(import.meta.url))
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const appUrl = devUrl ?? `${APP_ORIGIN}/index.html`
const appOrigin = new URL(appUrl).origin
const isAppUrl = (url: string): boolean => {
  try {
    return new URL(url).origin === appOrigin
  } catch {
    return false
  }
}

const log = (message: string): void => console.error(`[mailkey] ${message}`)
const trustedIds = new Set<number>()
let mainWindow: BrowserWindow | undefined

function openWindow(): void {
  mainWindow = createMainWindow({
    preload: join(here, '../preload/index.cjs'),
    url: appUrl,
    trustedIds,
    devTools: !app.isPackaged,
    icon: windowIconPath(here, process.platform),
  })
  mainWindow.on('closed', () => (mainWindow = undefined))
}

function start(): void {
  restrictPermissions(isAppUrl)
  const menu = menuTemplate({ packaged: app.isPackaged, mac: process.platform === 'darwin' })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu as MenuItemConstructorOptions[]))
  if (!devUrl) serveRenderer(join(here, '../renderer'))
  const { store, notice } = openSettings(
    app.getPath('userData'),
    (options) => new Store<SettingsData>({ ...options, name: SETTINGS_NAME }),
  )
  if (notice) log(`settings recovered: ${notice.reason}`)
  const services = createServices({
    store,
    secrets: createKeytarStore(process.env['MAILKEY_KEYCHAIN_SERVICE'] || undefined),
    openExternal: openExternalSafe,
    saveFile: saveWithDialog,
    notices: notice ? [{ kind: 'settings-recovered', message: notice.message }] : [],
  })
  registerIpc(createHandlers(services), trustedIds, isAppUrl, log)
  openWindow()
  // the quiet hourly re-check: a revoked password shows on its card before the user meets it
  const recheck = services.recheck({
    onChange: (account) => {
      if (mainWindow && !mainWindow.webContents.isDestroyed()) {
        mainWindow.webContents.send(EVENTS.accountChanged, account)
      }
    },
  })
  recheck.start()
  app.on('before-quit', () => recheck.stop())
}

// tests and a portable setup can keep settings elsewhere; the CLI honours the same variable
const configDir = process.env['MAILKEY_CONFIG_DIR']
if (configDir) app.setPath('userData', configDir)

// one process owns the settings file and the window: a second start focuses the first
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  hardenWebContents()
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.whenReady().then(start, (e: unknown) => log(`startup failed: ${String(e)}`))
  process.on('unhandledRejection', (reason) => {
    log(`unhandled rejection: ${reason instanceof Error ? reason.name : typeof reason}`)
  })
  process.on('uncaughtException', (error) => {
    log(`uncaught exception: ${error.name}`)
    dialog.showErrorBox('Mailkey', 'Something went wrong inside Mailkey. Please restart it.')
  })
}
