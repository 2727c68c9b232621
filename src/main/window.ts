import type { BrowserWindowClass, BrowserWindowLike } from './electron-surface.js'
import { secureWebPreferences } from './web-preferences.js'

export interface WindowOptions {
  preload: string
  url: string
  /** Registered so IPC accepts calls from this window only while it lives. */
  trustedIds: Set<number>
  devTools: boolean
  darkTheme: boolean
  /** The window's own icon (Linux); elsewhere the packaged app's icon is used. */
  icon?: string
}

/** The one window factory: every BrowserWindow of the app is made here, locked down. */
export function createMainWindow(BrowserWindow: BrowserWindowClass, opts: WindowOptions): BrowserWindowLike {
  const win = new BrowserWindow({
    width: 980,
    height: 760,
    minWidth: 640,
    minHeight: 560,
    show: false,
    title: 'Mailkey',
    backgroundColor: opts.darkTheme ? '#16181d' : '#f7f8fa',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: secureWebPreferences(opts.preload, opts.devTools),
  })
  const id = win.webContents.id
  opts.trustedIds.add(id)
  win.on('closed', () => opts.trustedIds.delete(id))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(opts.url)
  return win
}
