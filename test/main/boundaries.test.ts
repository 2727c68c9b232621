import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../src/main/ipc/trusted-sender.js'
import { resolveRendererPath } from '../../src/main/renderer-path.js'
import { isAllowedExternalUrl } from '../../src/main/url-allowlist.js'
import { secureWebPreferences } from '../../src/main/web-preferences.js'
import { permissionAllowed } from '../../src/main/permissions.js'
import { menuTemplate, type MenuItem } from '../../src/main/menu-template.js'

describe('links opened in the system browser', () => {
  it.each([
    'https://myaccount.google.com/apppasswords',
    'https://support.google.com/accounts/answer/185833',
    'https://login.yahoo.com/account/security',
    'https://MyAccount.Google.com/apppasswords',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://myaccount.google.com/apppasswords',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://myaccount.google.com/x',
    'ms-msdt:/id PCWDiagnostic',
    'https://myaccount.google.com.attacker.net/',
    'https://attacker.net/?https://myaccount.google.com',
    'https://user:pw@myaccount.google.com/',
    'https://myaccount.google.com:8443/',
    'https://example.com/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})

describe('app:// paths', () => {
  const root = '/opt/mailkey/out/renderer'
  it.each([
    ['app://mailkey/', `${root}/index.html`],
    ['app://mailkey/index.html', `${root}/index.html`],
    ['app://mailkey/assets/index-abc.js', `${root}/assets/index-abc.js`],
    ['app://mailkey/assets/a%20b.css', `${root}/assets/a b.css`],
  ])('%s → %s', (url, file) => {
    expect(resolveRendererPath(root, url)).toBe(file)
  })

  it.each([
    'app://mailkey/../../etc/passwd',
    'app://mailkey/%2e%2e/%2e%2e/etc/passwd',
    'app://mailkey/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://mailkey/%00index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://mailkey/%E0%A4%A',
  ])('never leaves the renderer folder for %s', (url) => {
    // URL parsing folds a leading `..` into the root, so such a path stays inside (and 404s)
    const file = resolveRendererPath(root, url)
    expect(file === null || file.startsWith(`${root}/`)).toBe(true)
    expect(file).not.toBe('/etc/passwd')
  })
})

describe('IPC sender check', () => {
  const trusted = new Set([7])
  const isApp = (url: string): boolean => url.startsWith('app://mailkey/')
  const frame = (url: string, parent: unknown = null) => ({ url, parent })

  it('accepts the app window main frame on the app page', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame('app://mailkey/index.html') }, trusted, isApp)).toBe(
      true,
    )
  })
  it.each([
    ['an unknown webContents', { sender: { id: 8 }, senderFrame: frame('app://mailkey/index.html') }],
    ['a sub-frame', { sender: { id: 7 }, senderFrame: frame('app://mailkey/index.html', {}) }],
    ['a foreign page', { sender: { id: 7 }, senderFrame: frame('https://evil.example/') }],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s', (_what, event) => {
    expect(isTrustedSender(event, trusted, isApp)).toBe(false)
  })
})

describe('window web preferences', () => {
  it('sandbox and isolation on, Node and webviews off, devtools only when asked', () => {
    const p = secureWebPreferences('/app/preload/index.cjs', false)
    expect(p).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    })
  })
})

describe('application menu', () => {
  const roles = (items: MenuItem[]): string[] =>
    items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])])

  it('a packaged app has no reload and no developer tools; development keeps them', () => {
    for (const mac of [true, false]) {
      expect(roles(menuTemplate({ packaged: true, mac }))).not.toEqual(expect.arrayContaining(['reload']))
      expect(roles(menuTemplate({ packaged: true, mac }))).not.toContain('toggleDevTools')
      expect(roles(menuTemplate({ packaged: false, mac }))).toEqual(
        expect.arrayContaining(['reload', 'toggleDevTools']),
      )
    }
    expect(roles(menuTemplate({ packaged: true, mac: false }))).toEqual(
      expect.arrayContaining(['copy', 'paste', 'quit']),
    )
  })
})

describe('web permissions', () => {
  const isApp = (url: string): boolean => url.startsWith('app://mailkey/')
  it('grants clipboard writing to the app page only, and nothing else to anyone', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://mailkey/index.html', isApp)).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/', isApp)).toBe(false)
    for (const p of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed(p, 'app://mailkey/index.html', isApp)).toBe(false)
    }
  })
})
