#!/usr/bin/env node
// `npm test`: system packages (apt on Debian as root), static checks (types, lint, build), then every
// suite inside a private D-Bus session with a real, unlocked gnome-keyring, then the summary line.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withKeyring } from './keyring-session.mjs'
import { summarize } from './summary.mjs'
import { ensureSystemPackages } from './system-deps.mjs'

const IN_SESSION = 'MAILKEY_TEST_SESSION'

function run(cmd, args, env = process.env) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  return r.status === 0
}

/**
 * A static check: its output is shown when it ends and kept, so that a failure's last lines can be
 * printed again next to the summary (CI logs are often read from the end).
 * @returns {{ ok: boolean, tail: string }} tail: the last `keep` lines of stdout and stderr together
 */
function check(cmd, args, keep = 40) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: ['inherit', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 })
  process.stdout.write(r.stdout ?? '')
  process.stderr.write(r.stderr ?? '')
  const lines = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`.trimEnd().split('\n')
  const ok = r.status === 0
  return { ok, tail: lines.slice(-keep).join('\n') + (ok ? '' : `\n(exit ${r.status ?? r.signal})`) }
}

/** Runs inside dbus-run-session: the keyring, then the suites (their reports are read outside). */
async function suites() {
  await withKeyring(async () => {
    run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json'])
    run('npx', ['playwright', 'test'])
  })
}

/** A port that is free on 127.0.0.1 now, for the browser suite's static server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function main() {
  if (!ensureSystemPackages()) return 1
  const static_ = [
    ['typecheck', 'npm', ['run', 'typecheck']],
    ['lint', 'npm', ['run', 'lint']],
    ['build', 'npm', ['run', 'build']],
    // each protection removed in turn from a copy of the tree: the tests must catch every removal
    ['protections', 'npm', ['run', 'check:protections']],
  ].map(([name, cmd, args]) => ({ name, ...check(cmd, args) }))
  rmSync('reports', { recursive: true, force: true })
  mkdirSync('reports')
  // anything the suites write under XDG dirs goes to a throwaway dir, never the user's home
  const xdg = mkdtempSync(join(tmpdir(), 'mailkey-xdg-'))
  const env = {
    ...process.env,
    [IN_SESSION]: '1',
    XDG_DATA_HOME: xdg,
    XDG_CONFIG_HOME: xdg,
    REQUIRE_KEYRING: '1',
    CI: '1',
    MAILKEY_E2E_PORT: String(await freePort()),
  }
  run('dbus-run-session', ['--', process.execPath, 'scripts/test.mjs'], env)
  rmSync(xdg, { recursive: true, force: true })
  for (const s of static_.filter((s) => !s.ok)) console.log(`\n--- ${s.name} FAILED; its last lines:\n${s.tail}`)
  console.log('')
  const checks = static_.map((s) => `${s.name} ${s.ok ? 'ok' : 'FAILED'}`).join(', ')
  const ok = summarize([
    {
      name: `static checks (${checks})`,
      passed: static_.filter((s) => s.ok).length,
      failed: static_.filter((s) => !s.ok).length,
      skipped: 0,
    },
  ])
  return ok ? 0 : 1
}

if (process.env[IN_SESSION] === '1') {
  await suites()
} else {
  process.exitCode = await main()
}
