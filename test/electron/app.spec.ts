import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronBinary } from '../../scripts/electron-binary.mjs'
import { METHODS } from '../../src/shared/ipc/channels.js'

/**
 * The real app in a real Electron window. Needs the Electron binary, which `npm start` downloads on a
 * connected machine; where it cannot be obtained the suite skips and says so.
 */
const exe = electronBinary()
test.skip(
  exe === null,
  'Electron binary not installed (offline machine: node_modules/electron/dist missing; `npx install-electron` downloads it)',
)

let app: ElectronApplication
let page: Page

// the app's settings and keychain entries go to throwaway places, never the user's
const configDir = mkdtempSync(join(tmpdir(), 'mailkey-electron-'))

test.beforeAll(async () => {
  app = await electron.launch({
    executablePath: exe ?? undefined,
    args: ['.'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MAILKEY_CONFIG_DIR: configDir,
      MAILKEY_KEYCHAIN_SERVICE: `mailkey-electron-test-${process.pid}`,
    },
  })
  page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
})

test.afterAll(async () => {
  await app?.close()
  rmSync(configDir, { recursive: true, force: true })
})

test('the page has no Node: no require, process or module, and it is served from app://', async () => {
  const globals = await page.evaluate(() => {
    const g = globalThis as { require?: unknown; process?: unknown; module?: unknown }
    return [typeof g.require, typeof g.process, typeof g.module]
  })
  expect(globals).toEqual(['undefined', 'undefined', 'undefined'])
  expect(page.url()).toMatch(/^app:\/\/mailkey\//)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('window.mailkey is the fixed, frozen API and nothing else of Electron is on the page', async () => {
  const shape = await page.evaluate(() => {
    const api = (window as unknown as { mailkey: Record<string, unknown> }).mailkey
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      electron: 'electron' in window,
      ipc: 'ipcRenderer' in window,
    }
  })
  expect(shape).toEqual({
    // one function per channel of the contract, plus the progress subscriptions: nothing else
    keys: [...METHODS, 'onTestProgress', 'onCheckAllProgress', 'onDiscoveryProgress', 'onAccountChanged'].sort(),
    frozen: true,
    electron: false,
    ipc: false,
  })
})

test('new windows and navigation away are refused', async () => {
  expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true)
  const before = page.url()
  await page.evaluate(() => {
    location.href = 'https://example.com/'
  })
  await page.waitForTimeout(300)
  expect(page.url()).toBe(before)
  expect(app.windows()).toHaveLength(1)
})

test('IPC answers a Result and refuses bad input at the boundary', async () => {
  const r = await page.evaluate(() =>
    (window as unknown as { mailkey: { testConnection(i: unknown): Promise<unknown> } }).mailkey.testConnection({
      testId: 'x',
      extra: 1,
    }),
  )
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})
