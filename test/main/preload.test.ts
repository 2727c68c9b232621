import { describe, expect, it } from 'vitest'
import { exposeMailkey, type PreloadElectron } from '../../src/preload/api.js'
import { CHANNELS, EVENTS, METHODS } from '../../src/shared/ipc/channels.js'

/** The preload's fixed surface (issue 12): recorded with stand-ins for contextBridge and ipcRenderer. */
function recordPreload() {
  const exposed: { key: string; api: Record<string, unknown> }[] = []
  const invoked: { channel: string; args: unknown[] }[] = []
  const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>()
  const electron: PreloadElectron = {
    contextBridge: { exposeInMainWorld: (key, api) => exposed.push({ key, api: api as Record<string, unknown> }) },
    ipcRenderer: {
      invoke: (channel, ...args) => {
        invoked.push({ channel, args })
        return Promise.resolve({ ok: true })
      },
      on: (channel, l) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
      removeListener: (channel, l) =>
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((x) => x !== l),
        ),
    },
  }
  exposeMailkey(electron)
  return { exposed, invoked, listeners }
}

describe('the preload’s fixed surface', () => {
  it('exposes one frozen object, window.mailkey, with one function per channel and the progress subscriptions', () => {
    const { exposed } = recordPreload()
    expect(exposed.map((x) => x.key)).toEqual(['mailkey'])
    const api = exposed[0].api
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual(
      [...METHODS, 'onCheckAllProgress', 'onDiscoveryProgress', 'onTestProgress'].sort(),
    )
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true)
  })

  it('each function invokes its own literal channel with the input only', async () => {
    const { exposed, invoked } = recordPreload()
    const api = exposed[0].api as Record<string, (input?: unknown) => Promise<unknown>>
    for (const m of METHODS) await api[m]({ probe: m })
    expect(invoked).toEqual(METHODS.map((m) => ({ channel: CHANNELS[m], args: [{ probe: m }] })))
  })

  it('progress listeners get the payload, never the IPC event, and can unsubscribe', () => {
    const { exposed, listeners } = recordPreload()
    const got: unknown[] = []
    const off = (exposed[0].api['onTestProgress'] as (l: (e: unknown) => void) => () => void)((p) => got.push(p))
    const [handler] = listeners.get(EVENTS.testProgress) ?? []
    handler?.({ sender: 'the IPC event' }, { testId: 't', stage: 'dns' })
    expect(got).toEqual([{ testId: 't', stage: 'dns' }])
    off()
    expect(listeners.get(EVENTS.testProgress)).toEqual([])
  })

  it('check-all progress arrives the same way, on its own event', () => {
    const { exposed, listeners } = recordPreload()
    const got: unknown[] = []
    const off = (exposed[0].api['onCheckAllProgress'] as (l: (e: unknown) => void) => () => void)((p) => got.push(p))
    const [handler] = listeners.get(EVENTS.checkAllProgress) ?? []
    handler?.({ sender: 'the IPC event' }, { runId: 'r', state: 'started' })
    expect(got).toEqual([{ runId: 'r', state: 'started' }])
    expect(listeners.get(EVENTS.testProgress)).toBeUndefined()
    off()
    expect(listeners.get(EVENTS.checkAllProgress)).toEqual([])
  })
})
