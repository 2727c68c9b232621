import type {
  AppLike,
  BrowserWindowLike,
  ElectronSurface,
  IpcEventLike,
  MenuItemOptions,
  Preventable,
  WebContentsLike,
  WindowOptionsLike,
} from '../../src/main/electron-surface.js'

type Listener = (...args: never[]) => unknown

/** A cancellable event that remembers whether it was cancelled. */
export function preventable(): Preventable & { prevented: boolean } {
  const e = {
    prevented: false,
    preventDefault() {
      e.prevented = true
    },
  }
  return e
}

let nextId = 1

/** A web contents that records its listeners and window-open handler. */
export class StandInContents implements WebContentsLike {
  readonly id = nextId++
  readonly listeners = new Map<string, Listener[]>()
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  readonly sent: { channel: string; args: unknown[] }[] = []
  url = 'app://mailkey/index.html'
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler
  }
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return false
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  /** Fires `event` as Electron would; true when a listener cancelled it. */
  fire(event: string): boolean {
    const e = preventable()
    for (const l of this.listeners.get(event) ?? []) (l as (e: Preventable) => void)(e)
    return e.prevented
  }
}

/**
 * A recording stand-in for the Electron main-process modules Mailkey uses (electron-surface.ts): every
 * call is kept so a test can check what the wiring configured, and events can be fired by hand.
 */
export function electronStandIn(opts: { packaged?: boolean; lock?: boolean; userData: string }) {
  const appListeners = new Map<string, Listener[]>()
  const windows: (BrowserWindowLike & { options: WindowOptionsLike; contents: StandInContents; loaded: string[] })[] =
    []
  const created: StandInContents[] = []
  let readyResolve: () => void = () => undefined
  const readyPromise = new Promise<void>((r) => (readyResolve = r))
  const calls = {
    quit: 0,
    lockRequested: 0,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequest: undefined as
      ((contents: { getURL(): string }, permission: string, callback: (granted: boolean) => void) => void) | undefined,
    permissionCheck: undefined as ((contents: unknown, permission: string, origin: string) => boolean) | undefined,
    ipcHandlers: new Map<string, (event: IpcEventLike, raw: unknown) => Promise<unknown>>(),
    removedHandlers: [] as string[],
    opened: [] as string[],
    menu: undefined as MenuItemOptions[] | undefined,
    errorBoxes: [] as string[],
    saveDialogs: [] as string[],
    openDialogs: [] as string[],
    focused: 0,
    userData: opts.userData,
  }
  const app: AppLike = {
    isPackaged: opts.packaged ?? false,
    requestSingleInstanceLock: () => {
      calls.lockRequested++
      return opts.lock ?? true
    },
    quit: () => {
      calls.quit++
    },
    whenReady: () => readyPromise,
    getPath: () => calls.userData,
    setPath: (_name, path) => {
      calls.userData = path
    },
    on(event: string, listener: Listener) {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener])
      return app
    },
  }
  class BrowserWindow implements BrowserWindowLike {
    readonly contents = new StandInContents()
    readonly webContents = this.contents
    readonly loaded: string[] = []
    private readonly own = new Map<string, Listener[]>()
    constructor(readonly options: WindowOptionsLike) {
      windows.push(this)
      // Electron emits web-contents-created for every new contents
      for (const l of appListeners.get('web-contents-created') ?? []) {
        ;(l as (e: unknown, c: WebContentsLike) => void)({}, this.contents)
      }
    }
    static getAllWindows(): BrowserWindowLike[] {
      return windows
    }
    on(event: string, listener: Listener): this {
      this.own.set(event, [...(this.own.get(event) ?? []), listener])
      return this
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener)
    }
    show(): void {}
    focus(): void {
      calls.focused++
    }
    restore(): void {}
    isMinimized(): boolean {
      return false
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url)
      return Promise.resolve()
    }
  }
  const surface: ElectronSurface = {
    app,
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h) => (calls.permissionRequest = h),
        setPermissionCheckHandler: (h) => (calls.permissionCheck = h),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => calls.privilegedSchemes.push(...schemes),
      handle: (scheme, handler) => calls.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel, listener) => calls.ipcHandlers.set(channel, listener),
      removeHandler: (channel) => {
        calls.removedHandlers.push(channel)
        calls.ipcHandlers.delete(channel)
      },
    },
    shell: {
      openExternal: (url) => {
        calls.opened.push(url)
        return Promise.resolve()
      },
    },
    Menu: {
      buildFromTemplate: (template) => template,
      setApplicationMenu: (menu) => (calls.menu = menu as MenuItemOptions[]),
    },
    dialog: {
      showErrorBox: (_title, content) => calls.errorBoxes.push(content),
      // the user cancels every Save dialog here; the test sees which file was offered
      showSaveDialog: (options) => {
        calls.saveDialogs.push(options.defaultPath)
        return Promise.resolve({ canceled: true })
      },
      // and every Open dialog
      showOpenDialog: (options) => {
        calls.openDialogs.push(options.title)
        return Promise.resolve({ canceled: true, filePaths: [] })
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
  }
  return {
    surface,
    calls,
    windows,
    created,
    /** Makes whenReady() resolve, as Electron does once it is ready. */
    ready: () => readyResolve(),
    /** Fires an app event; true when a listener cancelled it. */
    emit(event: string, ...args: unknown[]): boolean {
      const e = preventable()
      for (const l of appListeners.get(event) ?? [])
        (l as (...a: unknown[]) => void)(...(event === 'before-quit' ? [e] : args))
      return e.prevented
    },
    /** A web contents Electron made for something else (a webview, a popup): the guards apply too. */
    newContents(): StandInContents {
      const c = new StandInContents()
      created.push(c)
      for (const l of appListeners.get('web-contents-created') ?? [])
        (l as (e: unknown, c: WebContentsLike) => void)({}, c)
      return c
    },
  }
}

/** An IPC event from `contents`' main frame at `url` (or a sub-frame). */
export function ipcEvent(contents: StandInContents, url: string, subFrame = false): IpcEventLike {
  return { sender: contents, senderFrame: { url, parent: subFrame ? {} : null } }
}
