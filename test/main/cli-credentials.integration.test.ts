import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices } from '../../src/main/services.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runMailkey, type CliRun } from './mailkey-cli.js'

const problem = await keychainProblem()
const b = bed()
const user = BED_USERS.cliRotating
const NEW_PASSWORD = 'anotherapppasswd'

describe.skipIf(problem !== null)(`mailkey credentials${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-cred-'))
  const secrets = scratchKeychain()
  let accountId = ''

  /** The real CLI, on the test's settings folder and keychain service, trusting the bed's CA. */
  function mailkey(args: string[], stdin = ''): Promise<CliRun> {
    return runMailkey(['credentials', ...args], stdin, {
      NODE_EXTRA_CA_CERTS: b.caPath,
      MAILKEY_CONFIG_DIR: dir,
      MAILKEY_KEYCHAIN_SERVICE: secrets.service,
    })
  }

  beforeAll(async () => {
    if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    setAppPassword(b.usersFile, user.address, user.appPassword)
    const s = createServices({ store: openSettings(dir).store, secrets, openExternal: () => Promise.resolve() })
    const account = await s.accounts.save({
      email: user.address,
      providerId: 'gmail',
      incoming: b.imaps,
      outgoing: b.smtps,
      password: user.appPassword,
      verifiedAt: null,
    })
    accountId = account.id
    await secrets.set('gone-account:incoming', 'orphaned secret')
  })
  afterAll(async () => {
    setAppPassword(b.usersFile, user.address, user.appPassword)
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('check: the keychain works (exit 0)', async () => {
    const r = await mailkey(['check', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ ok: true })
  })

  it('list: accounts, which secrets exist, stale flags and orphans, never a secret', async () => {
    const r = await mailkey(['list', '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as {
      accounts: { email: string; secrets: unknown; stale: unknown }[]
      orphans: string[]
    }
    expect(out.accounts).toMatchObject([
      { email: user.address, secrets: { incoming: true, outgoing: 'shared' }, stale: null },
    ])
    expect(out.orphans).toEqual(['gone-account:incoming'])
    const text = await mailkey(['list'])
    expect(text.stdout).toContain('incoming secret: saved; outgoing secret: shared with incoming')
    for (const output of [r.stdout, text.stdout]) {
      expect(output).not.toContain(user.appPassword)
      expect(output).not.toContain('orphaned secret')
    }
  })

  it('reset: a wrong new password changes nothing (exit 1); the right one replaces it (exit 0)', async () => {
    setAppPassword(b.usersFile, user.address, NEW_PASSWORD)
    const wrong = await mailkey(['reset', user.address, '--password-stdin'], 'zzzzzzzzzzzzzzzz\n')
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('The new password was not saved; the old one is unchanged.')
    expect(await secrets.get(`${accountId}:incoming`)).toBe(user.appPassword)

    const right = await mailkey(['reset', user.address, '--password-stdin', '--json'], `${NEW_PASSWORD}\n`)
    expect(right.code).toBe(0)
    expect(JSON.parse(right.stdout)).toMatchObject({
      saved: true,
      incoming: { ok: true },
      outgoing: { ok: true },
      account: { stale: null },
    })
    expect(await secrets.get(`${accountId}:incoming`)).toBe(NEW_PASSWORD)
    expect(right.stdout + wrong.stdout + right.stderr + wrong.stderr).not.toContain(NEW_PASSWORD)
    const settings = readFileSync(join(dir, 'settings.json'), 'utf8')
    expect(settings).not.toContain(NEW_PASSWORD)
    expect(settings).not.toContain(user.appPassword)
  })

  it('reset refuses while the app holds its lock, and for an unknown address or bad usage', async () => {
    const lock = join(dir, 'SingletonLock')
    symlinkSync(`testhost-${process.pid}`, lock)
    try {
      const r = await mailkey(['reset', user.address, '--password-stdin'], `${NEW_PASSWORD}\n`)
      expect(r.code).toBe(1)
      expect(r.stderr).toContain('Mailkey is open and owns the settings')
    } finally {
      rmSync(lock)
    }
    expect((await mailkey(['reset', 'nobody@example.test', '--password-stdin'], 'x')).code).toBe(2)
    expect((await mailkey(['reset', user.address])).stderr).toMatch(/--password-stdin is required/)
    expect((await mailkey(['frob'])).code).toBe(2)
    expect((await mailkey(['list', 'extra'])).code).toBe(2)
  })
})
