import { test as base, type Page } from '@playwright/test'
import type Conf from 'conf'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SettingsData } from '../../src/main/accounts/settings-schema.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createKeytarStore } from '../../src/main/credentials/keytar-store.js'
import type { SecretStore } from '../../src/main/credentials/secret-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers, type Services } from '../../src/main/ipc/handlers.js'
import { createServices } from '../../src/main/services.js'
import { METHODS, type Method } from '../../src/shared/ipc/channels.js'
import type { StageEvent } from '../../src/shared/mail.js'
import { bedCatalog } from '../bed/catalog.js'
import type { BedInfo } from '../bed/index.js'
import { BED_INFO_ENV } from './global-setup.js'

/**
 * The test bridge: the built renderer runs in Chromium, and its `window.mailkey` is wired to the real
 * main-process services (dispatch → handlers → probes, keychain, settings) in this Node process,
 * exactly as the preload wires it to IPC in the app. Only the transport differs.
 */
export interface Bridge {
  bed: BedInfo
  services: Services
  secrets: SecretStore
  store: Conf<SettingsData>
  /** URLs the page asked to open in the system browser. */
  opened: string[]
  /** Every result the page received, to scan for secrets. */
  results: unknown[]
}

function bedInfo(): BedInfo {
  const file = process.env[BED_INFO_ENV]
  if (!file) throw new Error('the e2e global setup did not start the bed')
  return JSON.parse(readFileSync(file, 'utf8')) as BedInfo
}

declare global {
  interface Window {
    __mailkeyCall?: (method: string, input: unknown) => Promise<unknown>
    __mailkeyEmit?: (event: StageEvent) => void
  }
}

async function installBridge(page: Page, bridge: Bridge): Promise<void> {
  const handlers = createHandlers(bridge.services)
  await page.exposeFunction('__mailkeyCall', async (method: string, input: unknown) => {
    if (!(METHODS as string[]).includes(method)) throw new Error(`unknown method ${method}`)
    const emit = (event: StageEvent): void => {
      page.evaluate((e) => window.__mailkeyEmit?.(e), event).catch(() => undefined)
    }
    const result = await dispatch(handlers, method as Method, input, { emit })
    bridge.results.push(result)
    return result
  })
  await page.addInitScript((methods: string[]) => {
    const listeners = new Set<(e: StageEvent) => void>()
    const api: Record<string, unknown> = {}
    for (const m of methods) api[m] = (input?: unknown) => window.__mailkeyCall?.(m, input)
    api['onTestProgress'] = (listener: (e: StageEvent) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
    window.__mailkeyEmit = (e) => listeners.forEach((l) => l(e))
    Object.defineProperty(window, 'mailkey', { value: Object.freeze(api), enumerable: true })
  }, METHODS)
}

export const test = base.extend<{ bridge: Bridge }>({
  bridge: async ({ page }, use) => {
    const bed = bedInfo()
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-e2e-'))
    // a keychain service of its own per test: never touches a real user's entries
    const service = `mailkey-e2e-${process.pid}-${Date.now()}`
    const secrets = createKeytarStore(service)
    const store = openSettings(dir).store
    const opened: string[] = []
    const services = createServices({
      store,
      secrets,
      trust: { ca: bed.ca },
      catalog: bedCatalog(bed),
      mx: () => Promise.resolve([]),
      openExternal: (url) => {
        opened.push(url)
        return Promise.resolve()
      },
    })
    const bridge: Bridge = { bed, services, secrets, store, opened, results: [] }
    await installBridge(page, bridge)
    await use(bridge)
    for (const key of await secrets.keys()) await secrets.delete(key)
    rmSync(dir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
