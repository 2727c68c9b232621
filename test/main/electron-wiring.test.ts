import Conf from 'conf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SecretStore } from '../../src/main/credentials/secret-store.js'
import { QUIT_CLEANUP_MS, startMainProcess } from '../../src/main/main-process.js'
import { CSP } from '../../src/shared/csp.js'
import { CHANNELS, METHODS } from '../../src/shared/ipc/channels.js'
import { silentServer, type HostileServer } from '../bed/hostile.js'
import { electronStandIn, ipcEvent } from './electron-stand-in.js'

/**
 * The Electron main process, wired on a recording stand-in (issue 12): each protection the app
 * configures is asserted here, so removing one fails a test without the Electron binary. Each `it`
 * names its protection; scripts/check-protections.mjs removes them one at a time and expects a failure.
 */

/** A keychain in memory: the wiring is under test here, not the keychain (credentials tests use the real one). */
function memorySecrets(): SecretStore {
  const m = new Map<string, string>()
  return {
    set: (k, v) => Promise.resolve(void m.set(k, v)),
    get: (k) => Promise.resolve(m.get(k) ?? null),
    delete: (k) => Promise.resolve(m.delete(k)),
    keys: () => Promise.resolve([...m.keys()]),
  }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mailkey-wiring-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function started(opts: { packaged?: boolean; lock?: boolean } = {}) {
  const e = electronStandIn({ ...opts, userData: dir })
  const logs: string[] = []
  let onError: ((kind: 'rejection' | 'exception', error: unknown) => void) | undefined
  const main = startMainProcess(e.surface, {
    mainDir: join(dir, 'out', 'main'),
    platform: 'linux',
    env: {},
    createStore: (options) => new Conf(options),
    secrets: () => memorySecrets(),
    log: (m) => logs.push(m),
    onProcessError: (l) => (onError = l),
  })
  e.ready()
  await main.ready
  return { e, main, logs, processError: (kind: 'rejection' | 'exception') => onError?.(kind, new Error('boom')) }
}

const APP_URL = 'app://mailkey/index.html'

describe('the Electron wiring, on a recording stand-in', () => {
  it('single-instance lock: a second instance quits and sets nothing up', async () => {
    const { e, main } = await started({ lock: false })
    expect(main.primary).toBe(false)
    expect(e.calls.lockRequested).toBe(1)
    expect(e.calls.quit).toBe(1)
    expect(e.windows).toHaveLength(0)
    expect(e.calls.ipcHandlers.size).toBe(0)
    expect(e.calls.privilegedSchemes).toHaveLength(0)
  })

  it('single-instance lock: the first instance is focused when a second starts', async () => {
    const { e } = await started()
    expect(e.calls.quit).toBe(0)
    e.emit('second-instance')
    expect(e.calls.focused).toBe(1)
  })

  it('secure web preferences: sandboxed, isolated, no Node, no webviews, no insecure content', async () => {
    const { e } = await started()
    expect(e.windows).toHaveLength(1)
    const prefs = e.windows[0].options.webPreferences
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
    expect(String(prefs['preload'])).toMatch(/out\/preload\/index\.cjs$/)
    expect(e.windows[0].loaded).toEqual([APP_URL])
  })

  it('DevTools off when packaged: no devTools preference, no Reload or Toggle Developer Tools in the menu', async () => {
    const roles = (menu: unknown): string[] => JSON.stringify(menu).match(/"role":"[^"]+"/g) ?? []
    const packaged = await started({ packaged: true })
    expect(packaged.e.windows[0].options.webPreferences['devTools']).toBe(false)
    expect(roles(packaged.e.calls.menu)).not.toContain('"role":"toggleDevTools"')
    expect(roles(packaged.e.calls.menu)).not.toContain('"role":"reload"')
    const dev = await started({ packaged: false })
    expect(dev.e.windows[0].options.webPreferences['devTools']).toBe(true)
    expect(roles(dev.e.calls.menu)).toContain('"role":"toggleDevTools"')
  })

  it('navigation guard: every web contents refuses to navigate away, in any frame', async () => {
    const { e } = await started()
    for (const contents of [e.windows[0].contents, e.newContents()]) {
      expect(contents.fire('will-navigate')).toBe(true)
      expect(contents.fire('will-frame-navigate')).toBe(true)
    }
  })

  it('new-window guard: window.open is denied, webviews are not attached', async () => {
    const { e } = await started()
    for (const contents of [e.windows[0].contents, e.newContents()]) {
      expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
      expect(contents.fire('will-attach-webview')).toBe(true)
    }
  })

  it('permission handlers: everything refused but writing the clipboard from the app’s own page', async () => {
    const { e } = await started()
    const ask = (permission: string, url: string): Promise<boolean> =>
      new Promise((resolve) => e.calls.permissionRequest?.({ getURL: () => url }, permission, resolve))
    expect(await ask('notifications', APP_URL)).toBe(false)
    expect(await ask('media', APP_URL)).toBe(false)
    expect(await ask('clipboard-read', APP_URL)).toBe(false)
    expect(await ask('clipboard-sanitized-write', APP_URL)).toBe(true)
    expect(await ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    const check = e.calls.permissionCheck!
    expect(check({}, 'geolocation', 'app://mailkey')).toBe(false)
    expect(check({}, 'clipboard-sanitized-write', 'app://mailkey')).toBe(true)
    expect(check({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false)
  })

  it('CSP header: the app:// scheme serves the renderer with the policy as a header, and nothing outside it', async () => {
    const { e } = await started()
    expect(e.calls.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
    ])
    const serve = e.calls.protocolHandlers.get('app')!
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(join(dir, 'out', 'renderer'), { recursive: true })
    writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Mailkey</title>')
    const page = await serve(new Request(APP_URL))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await serve(new Request('app://mailkey/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404)
  })

  it('IPC sender check: only the app’s own window, main frame and page may call, every channel', async () => {
    const { e } = await started()
    expect([...e.calls.ipcHandlers.keys()].sort()).toEqual(METHODS.map((m) => CHANNELS[m]).sort())
    const own = e.windows[0].contents
    const notices = e.calls.ipcHandlers.get(CHANNELS.getNotices)!
    expect(await notices(ipcEvent(own, APP_URL), undefined)).toMatchObject({ ok: true })
    const stranger = e.newContents()
    for (const event of [
      ipcEvent(stranger, APP_URL),
      ipcEvent(own, APP_URL, true),
      ipcEvent(own, 'https://evil.example/'),
      { sender: own, senderFrame: null },
    ]) {
      expect(await notices(event, undefined)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'This window may not use Mailkey.' },
      })
    }
  })

  it('openExternal allowlist: only https links to provider help pages reach the system browser', async () => {
    const { e, main } = await started()
    const open = e.calls.ipcHandlers.get(CHANNELS.openExternal)!
    const from = ipcEvent(e.windows[0].contents, APP_URL)
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'http://support.google.com/x',
      'https://support.google.com.evil.example/',
    ]) {
      expect(await open(from, { url })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      // and the service itself refuses too, whoever calls it
      await expect(main.services()!.openExternal(url)).rejects.toThrow(/allowlist/)
    }
    expect(e.calls.opened).toEqual([])
    expect(await open(from, { url: 'https://support.google.com/mail/answer/185833' })).toEqual({
      ok: true,
      value: { opened: true },
    })
    expect(e.calls.opened).toEqual(['https://support.google.com/mail/answer/185833'])
  })

  it('uncaught exceptions: logged by kind only and told to the user once', async () => {
    const { e, logs, processError } = await started()
    processError('exception')
    expect(logs).toContain('uncaught exception: Error')
    expect(e.calls.errorBoxes).toHaveLength(1)
  })
})

describe('a bounded clean-up on quit', () => {
  let server: HostileServer | undefined
  afterEach(() => server?.close())

  it('quitting stops running tests (their sockets closed), removes every IPC handler, then quits', async () => {
    server = await silentServer()
    const { e } = await started()
    const test = e.calls.ipcHandlers.get(CHANNELS.testConnection)!(ipcEvent(e.windows[0].contents, APP_URL), {
      testId: 'quit1',
      email: 'u@example.test',
      password: 'somePassword1',
      incoming: { protocol: 'imap', host: '127.0.0.1', port: server.port, security: 'tls' },
    })
    // the test is connected and waiting on the silent server (polled, bounded: a loaded machine is slow)
    for (let waited = 0; server.connections?.() !== 1 && waited < 5000; waited += 50)
      await new Promise((r) => setTimeout(r, 50))
    expect(server.connections?.()).toBe(1)
    const t0 = Date.now()
    expect(e.emit('before-quit')).toBe(true) // held back for the clean-up
    const late = new Promise((r) => setTimeout(() => r('still running'), QUIT_CLEANUP_MS + 500))
    expect(await Promise.race([test, late])).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    await new Promise((r) => setTimeout(r, 50))
    expect(server.connections?.()).toBe(0)
    expect(e.calls.quit).toBe(1)
    expect(Date.now() - t0).toBeLessThan(QUIT_CLEANUP_MS)
    expect(e.calls.removedHandlers.sort()).toEqual(METHODS.map((m) => CHANNELS[m]).sort())
    expect(e.calls.ipcHandlers.size).toBe(0)
    // the second before-quit (from app.quit()) goes through
    expect(e.emit('before-quit')).toBe(false)
  })
})
