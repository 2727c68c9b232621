import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The keychain is a system service that can be missing; each situation runs the real code in a child
 * process set up that way. The secret must not end up anywhere: not in settings, not in a fallback file.
 */
const SECRET = 'sentinelSecretNoKeychain'
const work = mkdtempSync(join(tmpdir(), 'mailkey-nokeychain-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface ChildResult {
  health: { ok: boolean; problem?: string; advice?: string; detail?: string }
  save: { ok: boolean; code?: string; message?: string }
  accounts: number
  files: string[]
}

function runChild(name: string, wrap: string[], env: NodeJS.ProcessEnv): ChildResult {
  const dir = join(work, name)
  const home = join(work, `${name}-home`)
  for (const d of [dir, home]) rmSync(d, { recursive: true, force: true })
  spawnSync('mkdir', ['-p', dir, home])
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
  const args = [...wrap, tsx, 'test/main/fixtures/keychain-child.ts', dir, SECRET]
  const [cmd = tsx, ...rest] = args
  const r = spawnSync(cmd, rest, {
    env: { PATH: process.env['PATH'], HOME: home, XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`)
  const result = JSON.parse(r.stdout) as ChildResult
  // nothing written anywhere: not the settings (the save failed first), not the child's home
  const written = [dir, home].flatMap((d) =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')),
  )
  for (const text of written) {
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'))
  }
  return result
}

describe('without a usable keychain', () => {
  it('no session bus at all: says D-Bus is missing and saves nothing', () => {
    const r = runChild('nobus', [], {})
    expect(r.health).toMatchObject({ ok: false, problem: 'no-session-bus', advice: expect.stringContaining('D-Bus') })
    expect(r.save).toMatchObject({
      ok: false,
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringContaining('Nothing was saved'),
    })
    expect(r.accounts).toBe(0)
  })

  it('a session bus without any Secret Service: says to install one and saves nothing', () => {
    // a bus that knows no service files, so nothing can be activated
    const config = join(work, 'bare-session.conf')
    writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${work}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    )
    const r = runChild('noservice', ['dbus-run-session', `--config-file=${config}`, '--'], {})
    expect(r.health).toMatchObject({
      ok: false,
      problem: 'no-secret-service',
      advice: expect.stringContaining('gnome-keyring'),
    })
    expect(r.save).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' })
    expect(r.accounts).toBe(0)
  })
})
