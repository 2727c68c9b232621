import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS, METHODS } from '../shared/ipc/channels.js'
import type { DiscoveryEvent } from '../shared/discovery.js'
import type { StageEvent } from '../shared/report.js'

/**
 * `window.mailkey` (typed as MailkeyApi in src/shared/ipc/contract.ts). The whole bridge, readable in one screen: one function per channel, each bound to its literal
 * channel name; progress subscriptions (tests, discovery) that hand over the payload only (never the
 * IPC event) and return their unsubscribe function. No ipcRenderer, no generic invoke, no process.env on the page.
 */
const api: Record<string, unknown> = {}
for (const method of METHODS) {
  const channel = CHANNELS[method]
  api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T): void => listener(payload)
  ipcRenderer.on(channel, handler)
  return () => {
    ipcRenderer.removeListener(channel, handler)
  }
}
api['onTestProgress'] = (listener: (event: StageEvent) => void) => subscribe(EVENTS.testProgress, listener)
api['onDiscoveryProgress'] = (listener: (event: DiscoveryEvent) => void) =>
  subscribe(EVENTS.discoveryProgress, listener)

contextBridge.exposeInMainWorld('mailkey', Object.freeze(api))
