#!/usr/bin/env node
// `npm run check:protections`: proves that the tests catch each protection's removal. For every
// protection below it removes (or weakens) exactly that line in a copy of the tree (a temp dir with the
// sources and a symlinked node_modules), runs the tests that cover it, and expects a failure. An
// unmutated run of the same tests must pass first, so a failure means the mutation was caught. Exit 0
// only when every removal was caught. Run by `npm test` as a static check (issue 12).
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const WIRING = 'test/main/electron-wiring.test.ts'
const PRELOAD = 'test/main/preload.test.ts'
const LIMITS = 'test/main/hostile-limits.integration.test.ts'
const TERMINAL = 'test/main/cli-terminal.integration.test.ts'

/** One line per protection: name, file, its exact text, what replaces it, the test file, the test's name. */
const P = (name, file, find, replace, tests, grep) => ({ name, file, find, replace, tests: [tests], grep })
// prettier-ignore
const PROTECTIONS = [
  P('IPC sender check', 'src/main/ipc/register.ts', 'if (!isTrustedSender(event, trustedIds, isAppUrl)) {', 'if (false) {', WIRING, 'IPC sender check'),
  P('permission request handler', 'src/main/hardening.ts', 'callback(permissionAllowed(permission, wc.getURL(), isAppUrl))', 'callback(true)', WIRING, 'permission handlers'),
  P('permission check handler', 'src/main/hardening.ts', '=> permissionAllowed(permission, origin, isAppUrl))', '=> true)', WIRING, 'permission handlers'),
  P('navigation guard', 'src/main/hardening.ts', "contents.on('will-navigate', (e) => e.preventDefault())", '', WIRING, 'navigation guard'),
  P('frame navigation guard', 'src/main/hardening.ts', "contents.on('will-frame-navigate', (e) => e.preventDefault())", '', WIRING, 'navigation guard'),
  P('new-window guard', 'src/main/hardening.ts', "contents.setWindowOpenHandler(() => ({ action: 'deny' }))", '', WIRING, 'new-window guard'),
  P('webview guard', 'src/main/hardening.ts', "contents.on('will-attach-webview', (e) => e.preventDefault())", '', WIRING, 'new-window guard'),
  P('CSP header', 'src/main/app-protocol.ts', "'content-security-policy': CSP,", '', WIRING, 'CSP header'),
  P('app:// scheme without fetch', 'src/main/app-protocol.ts', 'supportFetchAPI: false', 'supportFetchAPI: true', WIRING, 'CSP header'),
  P('web preferences: sandbox', 'src/main/web-preferences.ts', 'sandbox: true,', 'sandbox: false,', WIRING, 'secure web preferences'),
  P('web preferences: context isolation', 'src/main/web-preferences.ts', 'contextIsolation: true,', 'contextIsolation: false,', WIRING, 'secure web preferences'),
  P('web preferences: no Node', 'src/main/web-preferences.ts', 'nodeIntegration: false,', 'nodeIntegration: true,', WIRING, 'secure web preferences'),
  P('openExternal allowlist (IPC)', 'src/main/ipc/handlers.ts', 'if (!isAllowedExternalUrl(input.url)) {', 'if (false) {', WIRING, 'openExternal allowlist'),
  P('openExternal allowlist (service)', 'src/main/open-external.ts', 'if (!isAllowedExternalUrl(url)) throw', 'if (false) throw', WIRING, 'openExternal allowlist'),
  P('single-instance lock', 'src/main/main-process.ts', 'if (!app.requestSingleInstanceLock()) {', 'if (false) {', WIRING, 'single-instance lock'),
  P('DevTools off when packaged', 'src/main/main-process.ts', 'devTools: !app.isPackaged,', 'devTools: true,', WIRING, 'DevTools off'),
  P('no DevTools menu when packaged', 'src/main/menu-template.ts', 'if (!opts.packaged) view.unshift(', 'view.unshift(', WIRING, 'DevTools off'),
  P('clean-up on quit', 'src/main/main-process.ts', 'event.preventDefault()\n    cleaned = true', 'cleaned = true', WIRING, 'quitting'),
  P('preload: frozen surface', 'src/preload/api.ts', "Object.freeze(api))", 'api)', PRELOAD),
  P('preload: no generic invoke', 'src/preload/api.ts', "  api['onTestProgress'] =", "  api['invoke'] = ipcRenderer.invoke\n  api['onTestProgress'] =", PRELOAD),
  P('IMAP line limit', 'src/main/mail/protocol-options.ts', 'maxLineLength: READ_LIMITS.lineBytes,', '', LIMITS, 'capability line'),
  P('SMTP reply limit', 'src/main/mail/protocol-options.ts', "1 MB)\n    maxResponseSize: READ_LIMITS.lineBytes,", '1 MB)', LIMITS, 'SMTP greeting|multi-line SMTP'),
  P('POP3 line limit', 'src/main/mail/line-reader.ts', 'if (this.buffer.length > READ_LIMITS.lineBytes) {', 'if (false) {', LIMITS, 'POP3 greeting'),
  P('total test deadline', 'src/main/mail/test-servers.ts', 'deadline.expired = true\n    controller.abort()', 'deadline.expired = true', LIMITS, 'at the 2.5 s deadline'),
  P('terminal escapes stripped', 'src/main/cli/index.ts', 'const io = printableIo(rawIo)', 'const io = rawIo', TERMINAL, 'greeting full of escapes'),
]

const CONFIG = `export default { test: { environment: 'node', testTimeout: 20000, include: ['test/main/**/*.test.ts'] } }\n`
/** Mutations run side by side, each in its own copy: most of a run is waiting on sockets and timers. */
const PARALLEL = 4

function copyTree() {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-protections-'))
  for (const part of ['src', 'test', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
  writeFileSync(join(dir, 'protections.vitest.config.mjs'), CONFIG)
  return dir
}

/** Runs the tests in `dir`; the names of the failed tests (empty: all passed), or null if none ran. */
function runTests(dir, tests, grep) {
  const report = join(dir, 'report.json')
  rmSync(report, { force: true })
  const args = [
    'vitest',
    'run',
    '--config',
    'protections.vitest.config.mjs',
    '--reporter=json',
    `--outputFile=${report}`,
    ...tests,
  ]
  if (grep) args.push('-t', grep)
  return new Promise((done) => {
    const child = spawn('npx', args, { cwd: dir, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('close', () => {
      clearTimeout(timer)
      let json
      try {
        json = JSON.parse(readFileSync(report, 'utf8'))
      } catch {
        return done(null)
      }
      if (json.numTotalTests - json.numPendingTests === 0) return done(null)
      done(json.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.title)))
    })
  })
}

/** Removes one protection in `dir`, runs its tests, puts it back: the failed tests, or why none ran. */
async function mutate(dir, p) {
  const path = join(dir, p.file)
  const original = readFileSync(path, 'utf8')
  if (original.split(p.find).length !== 2)
    return { p, note: 'NOT FOUND: its text changed; update scripts/check-protections.mjs' }
  writeFileSync(path, original.replace(p.find, p.replace))
  try {
    const failed = await runTests(dir, p.tests, p.grep)
    return failed?.length ? { p, caughtBy: `${p.tests[0]}: ${failed[0]}` } : { p, note: 'NOT CAUGHT' }
  } finally {
    writeFileSync(path, original)
  }
}

const dirs = Array.from({ length: PARALLEL }, copyTree)
let results = []
try {
  const groups = [...new Set(PROTECTIONS.map((p) => p.tests[0]))]
  const baseline = await runTests(dirs[0], groups)
  if (baseline === null || baseline.length > 0) {
    console.error(`check:protections: the unmutated tests do not pass (${baseline?.join('; ') ?? 'none ran'})`)
    process.exit(1)
  }
  const queue = [...PROTECTIONS]
  await Promise.all(
    dirs.map(async (dir) => {
      for (let p = queue.shift(); p; p = queue.shift()) results.push(await mutate(dir, p))
    }),
  )
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}
results = PROTECTIONS.map((p) => results.find((r) => r.p === p))
console.log(`${'protection removed'.padEnd(44)} caught by`)
for (const r of results) console.log(`${r.p.name.padEnd(44)} ${r.caughtBy ?? r.note}`)
const caught = results.filter((r) => r.caughtBy).length
console.log(`\n${caught}/${PROTECTIONS.length} protections caught`)
process.exitCode = caught === PROTECTIONS.length ? 0 : 1
