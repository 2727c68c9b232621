import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices } from '../../src/main/services.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runMailkey, type CliRun } from './mailkey-cli.js'

const problem = await keychainProblem()
const b = bed()
const gina = BED_USERS.gmailish

describe.skipIf(problem !== null)(`mailkey alias${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-alias-'))
  const secrets = scratchKeychain()

  function mailkey(args: string[], stdin = ''): Promise<CliRun> {
    const env = { NODE_EXTRA_CA_CERTS: b.caPath, MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: secrets.service }
    return runMailkey(['alias', ...args], stdin, env, 90_000)
  }

  beforeAll(async () => {
    if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    const s = createServices({ store: openSettings(dir).store, secrets, openExternal: () => Promise.resolve() })
    await s.accounts.save({
      email: gina.address,
      providerId: 'gmail',
      incoming: b.imaps,
      outgoing: b.smtps,
      password: gina.appPassword,
      verifiedAt: null,
    })
  })
  afterAll(async () => {
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('add, list, check (with the round trip that catches Gmail’s rewrite), export, remove', async () => {
    expect(
      (await mailkey(['add', gina.address, '--address', 'gina.verified@example.test', '--name', 'Gina'])).code,
    ).toBe(0)
    expect((await mailkey(['add', gina.address, '--address', 'gina.sales@example.test', '--name', 'Sales'])).code).toBe(
      0,
    )
    const list = await mailkey(['list', gina.address, '--json'])
    expect((JSON.parse(list.stdout) as { address: string }[]).map((a) => a.address)).toEqual([
      'gina.verified@example.test',
      'gina.sales@example.test',
    ])

    const good = await mailkey([
      'check',
      gina.address,
      '--address',
      'gina.verified@example.test',
      '--round-trip',
      '--json',
    ])
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject([
      { alias: 'gina.verified@example.test', sender: { ok: true }, roundTrip: { outcome: 'arrived' } },
    ])

    const rewritten = await mailkey(['check', gina.address, '--address', 'gina.sales@example.test', '--round-trip'])
    expect(rewritten.code).toBe(1)
    expect(rewritten.stdout).toContain('Gmail replaced gina.sales@example.test with your account address')
    expect(rewritten.stdout).toContain(
      'Fix: Open Gmail’s “Send mail as” settings (https://mail.google.com/mail/u/0/#settings/accounts)',
    )

    const exported = await mailkey(['export', gina.address])
    expect(exported.stdout).toContain('Sales <gina.sales@example.test>')
    expect(exported.stdout).not.toContain(gina.appPassword)

    expect((await mailkey(['remove', gina.address, '--address', 'gina.sales@example.test'])).code).toBe(0)
    expect((await mailkey(['list', gina.address])).stdout).not.toContain('gina.sales@example.test')
  })

  it('bad usage exits 2 with a message', async () => {
    for (const args of [
      ['add', gina.address],
      ['add', gina.address, '--address', 'not-an-address'],
      ['add', gina.address, '--address', 'x@example.test', '--username', 'u'],
      ['check', 'nobody@example.test'],
      ['remove', gina.address, '--address', 'never@example.test'],
      ['frob', gina.address],
      ['list'],
    ]) {
      const r = await mailkey(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^mailkey: /)
    }
  })
})
