import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import type { SecretStore } from '../../src/main/credentials/secret-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers.js'
import { createServices, type ServiceConfig } from '../../src/main/services.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import type { Outputs } from '../../src/shared/ipc/contract.js'
import type { Result } from '../../src/shared/result.js'
import type { StageEvent } from '../../src/shared/report.js'

export interface IpcHarness {
  /** One IPC call as the window makes it (schema-parsed input, a Result back); throws on a failure. */
  call<M extends Method>(method: M, input: unknown): Promise<Outputs[M]>
  /** Every Result handed back, failures included, in order. */
  results: Result<unknown>[]
  /** Every progress event emitted. */
  events: StageEvent[]
}

/**
 * The IPC handlers on real services over a settings folder, a keychain and the bed's CA, built on
 * first use (a describe's body runs before its beforeAll). No MX lookups, no browser.
 */
export function ipcHarness(config: Pick<ServiceConfig, 'secrets' | 'trust' | 'catalog'> & { dir: string }): IpcHarness {
  let handlers: Handlers | undefined
  const results: Result<unknown>[] = []
  const events: StageEvent[] = []
  const { dir, ...rest } = config
  const get = (): Handlers =>
    (handlers ??= createHandlers(
      createServices({
        ...rest,
        store: openSettings(dir).store,
        mx: () => Promise.resolve([]),
        openExternal: () => Promise.resolve(),
      }),
    ))
  return {
    results,
    events,
    async call(method, input) {
      const r = await dispatch(get(), method, input, { emit: (e) => events.push(e) })
      results.push(r)
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value
    },
  }
}

/**
 * For a beforeEach: an emptied keychain and a settings folder without its file, then the IPC handlers
 * on real services over them (no MX lookups, no browser unless `config` says otherwise).
 */
export async function freshHandlers(
  dir: string,
  secrets: SecretStore & { clear(): Promise<void> },
  config: Omit<ServiceConfig, 'store' | 'secrets' | 'openExternal'> = {},
): Promise<{ store: ReturnType<typeof openSettings>['store']; handlers: Handlers }> {
  await secrets.clear()
  rmSync(join(dir, 'settings.json'), { force: true })
  const store = openSettings(dir).store
  const services = createServices({
    mx: () => Promise.resolve([]),
    openExternal: () => Promise.resolve(),
    ...config,
    store,
    secrets,
  })
  return { store, handlers: createHandlers(services) }
}
