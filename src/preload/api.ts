import { CHANNELS, EVENTS, METHODS } from '../shared/ipc/channels.js'
import type { CheckAllEvent } from '../shared/check-all.js'
import type { DiscoveryEvent } from '../shared/discovery.js'
import type { StageEvent } from '../shared/report.js'

/** The parts of Electron's preload modules the bridge uses (structural, so a Node test can record them). */
export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void }
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>
    on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  }
}

/**
 * `window.mailkey` (typed as MailkeyApi in src/shared/ipc/contract.ts). The whole bridge, readable in one
 * screen: one function per channel, each bound to its literal channel name; progress subscriptions (test
 * stages, check-all rows, discovery lookups) that hand over the payload only (never the IPC event) and return their
 * unsubscribe function. No
 * ipcRenderer, no generic invoke, no process.env on the page. Frozen.
 */
export function exposeMailkey({ contextBridge, ipcRenderer }: PreloadElectron): void {
  const api: Record<string, unknown> = {}
  for (const method of METHODS) {
    const channel = CHANNELS[method]
    api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input)
  }
  // main sends each event's payload already shaped (register.ts); the IPC event itself stays here
  const subscribe = <T>(channel: string, listener: (payload: T) => void): (() => void) => {
    const handler = (_event: unknown, payload: unknown): void => listener(payload as T)
    ipcRenderer.on(channel, handler)
    return () => {
      ipcRenderer.removeListener(channel, handler)
    }
  }
  api['onTestProgress'] = (listener: (event: StageEvent) => void) => subscribe(EVENTS.testProgress, listener)
  api['onCheckAllProgress'] = (listener: (event: CheckAllEvent) => void) => subscribe(EVENTS.checkAllProgress, listener)
  api['onDiscoveryProgress'] = (listener: (event: DiscoveryEvent) => void) =>
    subscribe(EVENTS.discoveryProgress, listener)
  contextBridge.exposeInMainWorld('mailkey', Object.freeze(api))
}
