import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron'
import Store from 'electron-store'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SettingsData } from './accounts/settings-schema.js'
import { createKeytarStore } from './credentials/keytar-store.js'
import { startMainProcess } from './main-process.js'

// the only place the real Electron modules are handed over; everything else takes them as a parameter
startMainProcess(
  {
    app,
    BrowserWindow,
    session,
    protocol,
    ipcMain,
    shell,
    dialog: {
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      // modal to the window the user is in, when there is one
      showSaveDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow()
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)
      },
      showOpenDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow()
        return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)
      },
    },
    nativeTheme,
    // menu-template.ts builds roles by name; Electron's type lists them as a union
    Menu: {
      buildFromTemplate: (template) => Menu.buildFromTemplate(template as MenuItemConstructorOptions[]),
      setApplicationMenu: (menu) => Menu.setApplicationMenu(menu as Menu),
    },
  },
  {
    mainDir: dirname(fileURLToPath(import.meta.url)),
    platform: process.platform,
    env: process.env,
    createStore: (options) => new Store<SettingsData>(options),
    secrets: createKeytarStore,
    log: (message) => console.error(`[mailkey] ${message}`),
    onProcessError: (listener) => {
      process.on('unhandledRejection', (reason) => listener('rejection', reason))
      process.on('uncaughtException', (error) => listener('exception', error))
    },
  },
)
