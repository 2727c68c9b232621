// Inside a private D-Bus session (dbus-run-session), starts gnome-keyring-daemon in the foreground with
// an unlocked keyring in a temporary XDG_DATA_HOME, runs a command, and stops the daemon by its PID.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function secretServiceUp() {
  const r = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8' },
  )
  return r.status === 0 && /boolean true/.test(r.stdout)
}

/** Runs `fn` with a Secret Service available; the daemon is ours and ends with it. */
export async function withKeyring(fn) {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS)
    throw new Error('withKeyring needs a D-Bus session (run under dbus-run-session)')
  // the keyring files live in a throwaway dir, never in the user's ~/.local/share/keyrings
  const home = mkdtempSync(join(tmpdir(), 'mailkey-keyring-'))
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    stdio: ['pipe', 'ignore', 'inherit'],
    env: { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: home },
  })
  daemon.stdin.end('mailkey-test-keyring')
  const deadline = Date.now() + 10_000
  while (!secretServiceUp()) {
    if (Date.now() > deadline || daemon.exitCode !== null) {
      daemon.kill()
      rmSync(home, { recursive: true, force: true })
      throw new Error('gnome-keyring-daemon did not provide org.freedesktop.secrets within 10 s')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  try {
    return await fn()
  } finally {
    daemon.kill('SIGTERM')
    await new Promise((r) => (daemon.exitCode !== null ? r() : daemon.once('exit', r)))
    rmSync(home, { recursive: true, force: true })
  }
}
