import AxeBuilder from '@axe-core/playwright'
import { expect as baseExpect, test as base, type Page } from '@playwright/test'
import type Conf from 'conf'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SettingsData } from '../../src/main/accounts/settings-schema.js'
import type { AccountView } from '../../src/shared/account.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { checkKeychain } from '../../src/main/credentials/keychain-health.js'
import { keychainError } from '../../src/main/credentials/keychain-problem.js'
import { createKeytarStore } from '../../src/main/credentials/keytar-store.js'
import type { SecretStore } from '../../src/main/credentials/secret-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices, type Services } from '../../src/main/services.js'
import { METHODS, type Method } from '../../src/shared/ipc/channels.js'
import type { CheckAllEvent } from '../../src/shared/check-all.js'
import type { DiscoveryEvent } from '../../src/shared/discovery.js'
import type { StageEvent } from '../../src/shared/report.js'
import { bedCatalog } from '../bed/catalog.js'
import type { BedInfo } from '../bed/index.js'
import { BED_INFO_ENV, ZONE_INFO_ENV, type ZoneInfo } from './global-setup.js'

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
  /** Authorization pages main opened in "the system browser" (a second tab of the test's Chromium). */
  authorizations: string[]
  /** Every result the page received, to scan for secrets. */
  results: unknown[]
  /** Files main saved where the app would ask with its Save dialog (the test's own folder). */
  savedFiles: { name: string; path: string; content: string }[]
}

function bedInfo(): BedInfo {
  const file = process.env[BED_INFO_ENV]
  if (!file) throw new Error('the e2e global setup did not start the bed')
  return JSON.parse(readFileSync(file, 'utf8')) as BedInfo
}

function zoneInfo(): ZoneInfo {
  const file = process.env[ZONE_INFO_ENV]
  if (!file) throw new Error('the e2e global setup did not start the discovery zone')
  return JSON.parse(readFileSync(file, 'utf8')) as ZoneInfo
}

declare global {
  interface Window {
    __mailkeyCall?: (method: string, input: unknown) => Promise<unknown>
    __mailkeyEmit?: (event: StageEvent) => void
    __mailkeyEmitCheckAll?: (event: CheckAllEvent) => void
    __mailkeyDiscovery?: (event: DiscoveryEvent) => void
    __mailkeyAccountChanged?: (account: AccountView) => void
  }
}

async function installBridge(page: Page, bridge: Bridge): Promise<void> {
  const handlers = createHandlers(bridge.services)
  await page.exposeFunction('__mailkeyCall', async (method: string, input: unknown) => {
    if (!(METHODS as string[]).includes(method)) throw new Error(`unknown method ${method}`)
    const emit = (event: StageEvent): void => {
      page.evaluate((e) => window.__mailkeyEmit?.(e), event).catch(() => undefined)
    }
    const emitCheckAll = (event: CheckAllEvent): void => {
      page.evaluate((e) => window.__mailkeyEmitCheckAll?.(e), event).catch(() => undefined)
    }
    const emitDiscovery = (event: DiscoveryEvent): void => {
      page.evaluate((e) => window.__mailkeyDiscovery?.(e), event).catch(() => undefined)
    }
    const result = await dispatch(handlers, method as Method, input, { emit, emitCheckAll, emitDiscovery })
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
    const checkAllListeners = new Set<(e: CheckAllEvent) => void>()
    api['onCheckAllProgress'] = (listener: (e: CheckAllEvent) => void) => {
      checkAllListeners.add(listener)
      return () => checkAllListeners.delete(listener)
    }
    window.__mailkeyEmitCheckAll = (e) => checkAllListeners.forEach((l) => l(e))
    const discovery = new Set<(e: DiscoveryEvent) => void>()
    api['onDiscoveryProgress'] = (listener: (e: DiscoveryEvent) => void) => {
      discovery.add(listener)
      return () => discovery.delete(listener)
    }
    window.__mailkeyDiscovery = (e) => discovery.forEach((l) => l(e))
    const accountListeners = new Set<(a: AccountView) => void>()
    api['onAccountChanged'] = (listener: (a: AccountView) => void) => {
      accountListeners.add(listener)
      return () => accountListeners.delete(listener)
    }
    window.__mailkeyAccountChanged = (a) => accountListeners.forEach((l) => l(a))
    Object.defineProperty(window, 'mailkey', { value: Object.freeze(api), enumerable: true })
  }, METHODS)
}

export const test = base.extend<{ bridge: Bridge }>({
  // automatic: every test's page talks to the real services, whether or not the test looks at them
  bridge: [
    async ({ page }, use) => {
      const bed = bedInfo()
      const zone = zoneInfo()
      const dir = mkdtempSync(join(tmpdir(), 'mailkey-e2e-'))
      // a keychain service of its own per test: never touches a real user's entries
      const service = `mailkey-e2e-${process.pid}-${Date.now()}`
      const secrets = createKeytarStore(service)
      const store = openSettings(dir).store
      const opened: string[] = []
      const authorizations: string[] = []
      const services = createServices({
        store,
        secrets,
        trust: { ca: bed.ca },
        catalog: bedCatalog(bed),
        // discovery asks the zone's DNS server only, and finds the bed's mail servers where ports are moved
        discovery: {
          dnsServers: [zone.dnsServer],
          ports: {
            https: zone.httpsPort,
            http: zone.httpPort,
            mail: {
              imap: { tls: bed.ports.imaps, starttls: bed.ports.imap },
              smtp: { tls: bed.ports.smtps, starttls: bed.ports.submission },
            },
          },
          ispdbBase: `https://127.0.0.1:${zone.httpsPort}/v1.1/`,
        },
        openExternal: (url) => {
          opened.push(url)
          return Promise.resolve()
        },
        // the system browser: a new tab of the same Chromium signs in at the bed and is sent back to
        // Mailkey's loopback listener, whose "You can close this tab" page it shows
        openAuthorization: async (url) => {
          authorizations.push(url)
          const tab = await page.context().newPage()
          void tab.goto(url).catch(() => undefined)
        },
      })
      const savedFiles: Bridge['savedFiles'] = []
      // what the Save dialog does in the app: here the test's folder is the one the user "chose"
      services.saveFile = (doc) => {
        const path = join(dir, doc.fileName)
        writeFileSync(path, doc.content)
        // the text of a text document; a PDF's bytes as Latin-1 (its header and structure stay readable)
        const text = typeof doc.content === 'string' ? doc.content : Buffer.from(doc.content).toString('latin1')
        savedFiles.push({ name: doc.fileName, path, content: text })
        return Promise.resolve({ saved: true, fileName: doc.fileName })
      }
      const bridge: Bridge = { bed, services, secrets, store, opened, authorizations, results: [], savedFiles }
      await installBridge(page, bridge)
      await use(bridge)
      for (const key of await secrets.keys()) await secrets.delete(key)
      rmSync(dir, { recursive: true, force: true })
    },
    { auto: true },
  ],
})

export { expect } from '@playwright/test'

/**
 * Makes the keychain health check fail as it does on a desktop without a Secret Service: main's real
 * check, problem classification and advice run against a store that refuses every write with the
 * system's own message. Only the health check sees it; the test's real keychain stays as it is.
 */
export function refuseKeychain(bridge: Bridge, systemMessage: string): void {
  const refuse = (): Promise<never> => Promise.reject(keychainError(new Error(systemMessage)))
  const refusing: SecretStore = { set: refuse, get: refuse, delete: refuse, keys: refuse }
  bridge.services.keychainHealth = () => checkKeychain(refusing)
}

/** Tells the page an account changed, as main's background re-check does over `accounts:changed`. */
export async function pushAccountChange(page: Page, account: AccountView): Promise<void> {
  await page.evaluate((a) => window.__mailkeyAccountChanged?.(a), account)
}

/**
 * Saves a bed mailbox as an account the way the wizard's last two steps do: the real handlers test
 * both servers, then save under that test, so it is saved as verified. For specs about what comes
 * after setup.
 */
export async function saveBedAccount(
  bridge: Bridge,
  user: { address: string; appPassword: string },
): Promise<AccountView> {
  const handlers = createHandlers(bridge.services)
  const { bed } = bridge
  const servers = {
    incoming: { protocol: 'imap', host: bed.host, port: bed.ports.imaps, security: 'tls' },
    outgoing: { host: bed.host, port: bed.ports.smtps, security: 'tls' },
  } as const
  const ctx = { emit: () => undefined }
  const testId = `bed-${Date.now()}`
  const input = { email: user.address, password: user.appPassword, ...servers }
  const tested = await dispatch(handlers, 'testConnection', { ...input, testId }, ctx)
  if (!tested.ok || !tested.value.incoming?.ok || !tested.value.outgoing?.ok)
    throw new Error(`the bed did not accept ${user.address}`)
  const saved = await dispatch(handlers, 'saveAccount', { ...input, providerId: 'gmail', testId }, ctx)
  if (!saved.ok) throw new Error(`${user.address} was not saved: ${saved.error.message}`)
  return saved.value
}

const README_SCREENSHOTS = process.env['UPDATE_README_SCREENSHOTS'] === '1'

/** A full-page screenshot as a test artifact; with UPDATE_README_SCREENSHOTS=1 also docs/screenshots/<readme>.png. */
export async function screenshot(page: Page, name: string, readme?: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
  if (README_SCREENSHOTS && readme) {
    await page.screenshot({ path: join(process.cwd(), 'docs', 'screenshots', `${readme}.png`), fullPage: true })
  }
}

/**
 * An axe-core scan of the page as it is, in the light and the dark theme. Every violation is recorded
 * (test annotations and the log) and fails the test, whatever its impact, with where it is.
 */
export async function scanA11y(page: Page, screen: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const { violations } = await new AxeBuilder({ page }).analyze()
    const found = violations.map((v) => `${v.id} [${v.impact ?? 'none'}] ×${v.nodes.length}`)
    const line = `${screen} (${scheme}): ${found.length ? found.join(', ') : 'no violations'}`
    test.info().annotations.push({ type: 'axe', description: line })
    console.log(`axe · ${line}`)
    const where = violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
    baseExpect.soft(where, `${screen} (${scheme})`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** At 200% zoom (half the CSS pixels of a 1280×720 window) nothing needs scrolling sideways. */
export async function expectReadableAt200(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 640, height: 360 })
  baseExpect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true)
  await screenshot(page, `${name}-200-percent`)
  if (size) await page.setViewportSize(size)
}
