import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS, METHODS } from '../shared/ipc/channels.js'
import type { AccountView } from '../shared/account.js'
import type { StageEvent } from '../shared/report.js'

/**
 * `window.mailkey` (typed as MailkeyApi in src/shared/ipc/contract.ts). The whole bridge, readable in one screen: one function per channel, each bound to its literal
 * channel name; two subscriptions (test progress, account changes) that hand over the payload only
 * (never the IPC event) and return their unsubscribe function. No ipcRenderer, no generic invoke, no process.env on the page.
 */
const api: Record<string, unknown> = {}
for (const method of METHODS) {
  const channel = CHANNELS[method]
  api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}
api['onTestProgress'] = (listener: (event: StageEvent) => void) => {
  const handler = (_event: IpcRendererEvent, payload: StageEvent): void => listener(payload)
  ipcRenderer.on(EVENTS.testProgress, handler)
  return () => {
    ipcRenderer.removeListener(EVENTS.testProgress, handler)
  }
}

api['onAccountChanged'] = (listener: (account: AccountView) => void) => {
  const handler = (_event: IpcRendererEvent, payload: AccountView): void => listener(payload)
  ipcRenderer.on(EVENTS.accountChanged, handler)
  return () => {
    ipcRenderer.removeListener(EVENTS.accountChanged, handler)
  }
}

contextBridge.exposeInMainWorld('mailkey', Object.freeze(api))
