/**
 * The parts of Electron the main process uses, as plain structural types (no `electron` import), so
 * the whole wiring (main-process.ts) runs in Node with a recording stand-in (test/main/electron-stand-in.ts)
 * and a test can check what was configured: the IPC sender check, permission handlers, navigation and
 * new-window guards, the CSP header, the web preferences, the openExternal allowlist, the single-instance
 * lock, DevTools, the clean-up on quit. src/main/index.ts hands in the real modules.
 */

/** An event a listener can cancel (navigation, webview attach, quit). */
export interface Preventable {
  preventDefault(): void
}

export interface WebContentsLike {
  readonly id: number
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-attach-webview',
    listener: (e: Preventable) => void,
  ): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  getURL(): string
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike
  on(event: 'closed', listener: () => void): unknown
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
  focus(): void
  restore(): void
  isMinimized(): boolean
  loadURL(url: string): Promise<void>
}

/** The window options Mailkey sets (a subset of BrowserWindowConstructorOptions). */
export interface WindowOptionsLike {
  width: number
  height: number
  minWidth: number
  minHeight: number
  show: boolean
  title: string
  backgroundColor: string
  icon?: string
  webPreferences: Record<string, unknown>
}

export interface BrowserWindowClass {
  new (options: WindowOptionsLike): BrowserWindowLike
  getAllWindows(): BrowserWindowLike[]
}

export interface AppLike {
  readonly isPackaged: boolean
  requestSingleInstanceLock(): boolean
  quit(): void
  whenReady(): Promise<unknown>
  getPath(name: 'userData'): string
  setPath(name: 'userData', path: string): void
  on(event: 'web-contents-created', listener: (e: unknown, contents: WebContentsLike) => void): unknown
  on(event: 'before-quit', listener: (e: Preventable) => void): unknown
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown
}

export interface PermissionsSessionLike {
  setPermissionRequestHandler(
    handler: (contents: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, origin: string) => boolean): void
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: {
      scheme: string
      privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; corsEnabled: boolean }
    }[],
  ): void
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void
}

/** The sender of an IPC call as the handler sees it (the parts the sender check reads). */
export interface IpcEventLike {
  sender: { id: number; isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void }
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, raw: unknown) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface MenuItemOptions {
  label?: string
  role?: string
  type?: 'separator'
  submenu?: MenuItemOptions[]
}

/** The Save dialog, modal to the focused window (index.ts picks the window). */
export interface SaveDialogLike {
  showSaveDialog(options: {
    title: string
    defaultPath: string
    filters: { name: string; extensions: string[] }[]
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>
}

/** The Open dialog, modal to the focused window (index.ts picks the window). */
export interface OpenDialogLike {
  showOpenDialog(options: {
    title: string
    filters: { name: string; extensions: string[] }[]
    properties: 'openFile'[]
  }): Promise<{ canceled: boolean; filePaths: string[] }>
}

export interface ElectronSurface {
  app: AppLike
  BrowserWindow: BrowserWindowClass
  session: { defaultSession: PermissionsSessionLike }
  protocol: ProtocolLike
  ipcMain: IpcMainLike
  shell: { openExternal(url: string): Promise<void> }
  Menu: { buildFromTemplate(template: MenuItemOptions[]): unknown; setApplicationMenu(menu: unknown): void }
  dialog: { showErrorBox(title: string, content: string): void } & SaveDialogLike & OpenDialogLike
  nativeTheme: { readonly shouldUseDarkColors: boolean }
}
