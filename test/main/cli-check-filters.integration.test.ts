import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import { deliver } from '../bed/deliver.js'
import { freePort } from '../bed/process.js'
import { OFFICE_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runCli, type CliRun } from './run-cli.js'

const problem = await keychainProblem()
const b = bed()
const WORKS = OFFICE_USERS[14]
const REVOKED = OFFICE_USERS[15]
const FILTERED = OFFICE_USERS[16]

describe.skipIf(problem !== null)(`mailkey check and mailkey filters${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-office-'))
  const secrets = scratchKeychain()
  let s: Services

  /** The real CLI, on the test's settings folder and keychain service, trusting the bed's CA. */
  const mailkey = (args: string[]): Promise<CliRun> =>
    runCli(args, { NODE_EXTRA_CA_CERTS: b.caPath, MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: secrets.service })
  const save = (email: string, password: string) =>
    s.accounts.save({ email, providerId: 'gmail', incoming: b.imaps, outgoing: b.smtps, password, verifiedAt: null })

  beforeAll(async () => {
    if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    if (!WORKS || !REVOKED || !FILTERED) throw new Error('the bed has too few office users')
    s = createServices({ store: openSettings(dir).store, secrets, openExternal: () => Promise.resolve() })
    await save(WORKS.address, WORKS.appPassword)
  })
  afterAll(async () => {
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('check: exit 0 when every account works, 1 when one is stale, rows in --json', async () => {
    const ok = await mailkey(['check'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain(`${WORKS?.address}  works`)
    expect(ok.stdout).toMatch(/1 accounts: 1 work, 0 stale, 0 failing\. Took/)

    await save(REVOKED?.address ?? '', 'revokedapppasswd')
    const bad = await mailkey(['check', '--json'])
    expect(bad.code).toBe(1)
    const result = JSON.parse(bad.stdout) as {
      rows: { email: string; outcome: string; cause?: string }[]
      totals: unknown
    }
    expect(result.totals).toEqual({ works: 1, stale: 1, failing: 0, cancelled: 0 })
    expect(result.rows.find((r) => r.email === REVOKED?.address)).toMatchObject({
      outcome: 'stale',
      cause: 'invalid_credentials',
    })
    expect(bad.stdout).not.toContain('revokedapppasswd')
    expect(bad.stdout).not.toContain(WORKS?.appPassword)
  })

  it('check: --group is accepted but no group exists yet (exit 2); unknown flags are usage errors', async () => {
    const group = await mailkey(['check', '--group', 'Front desk'])
    expect(group.code).toBe(2)
    expect(group.stderr).toContain('no group named "Front desk"')
    expect(group.stderr).toContain('(see mailkey check --help)')
    expect((await mailkey(['check', '--group'])).code).toBe(2)
    expect((await mailkey(['check', '--fast'])).code).toBe(2)
    expect((await mailkey(['check', '--help'])).stdout).toContain('--group NAME')
    // no accounts at all: nothing fails
    const empty = mkdtempSync(join(tmpdir(), 'mailkey-cli-empty-'))
    try {
      const none = await runCli(['check', '--json'], {
        MAILKEY_CONFIG_DIR: empty,
        MAILKEY_KEYCHAIN_SERVICE: secrets.service,
      })
      expect(none.code).toBe(0)
      expect(JSON.parse(none.stdout)).toMatchObject({ rows: [], totals: { works: 0, stale: 0, failing: 0 } })
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('filters set: repeats and blank lines left out and said, a 10,000-keyword file refused whole with nothing saved', async () => {
    const account = await save(FILTERED?.address ?? '', FILTERED?.appPassword ?? '')
    const file = join(dir, 'keywords.txt')
    writeFileSync(file, 'Invoice\n\n  invoice  \nlottery\n\n')
    const set = await mailkey([
      'filters',
      'set',
      account.email,
      '--mode',
      'ignore',
      '--keyword',
      'LOTTERY',
      '--keywords-file',
      file,
      '--domain',
      '@Spam.Test',
    ])
    expect(set.code).toBe(0)
    expect(set.stderr).toContain('Keywords: Left out 2 repeated entries and 2 blank lines.')
    expect(s.accounts.get(account.id).filter).toMatchObject({
      keywords: ['LOTTERY', 'Invoice'],
      domains: ['spam.test'],
    })

    writeFileSync(file, Array.from({ length: 10_000 }, (_, i) => `keyword ${i}`).join('\n'))
    const tooMany = await mailkey(['filters', 'set', account.email, '--mode', 'ignore', '--keywords-file', file])
    expect(tooMany.code).toBe(2)
    expect(tooMany.stderr).toContain('10,000 entries; at most 1,000')
    const long = await mailkey(['filters', 'set', account.email, '--mode', 'ignore', '--keyword', 'x'.repeat(201)])
    expect(long.code).toBe(2)
    expect(long.stderr).toContain('at most 200 characters')
    expect(s.accounts.get(account.id).filter).toMatchObject({ keywords: ['LOTTERY', 'Invoice'] })
  })

  it('filters preview, export and upload: a table of the inbox, the script, ManageSieve or where to paste', async () => {
    await deliver(b.ports.lmtp, FILTERED?.address ?? '', { from: 'win@spam.test', subject: 'You won' })
    await deliver(b.ports.lmtp, FILTERED?.address ?? '', { from: 'boss@client.test', subject: 'Your invoice' })
    await deliver(b.ports.lmtp, FILTERED?.address ?? '', { from: 'boss@client.test', subject: 'Lunch' })
    const preview = await mailkey(['filters', 'preview', FILTERED?.address ?? ''])
    expect(preview.code).toBe(0)
    expect(preview.stdout).toMatch(/IGNORED {2}domain spam\.test +win@spam\.test +You won/)
    expect(preview.stdout).toMatch(/IGNORED {2}keyword Invoice +boss@client\.test +Your invoice/)
    expect(preview.stdout).toMatch(/allowed {2}- +boss@client\.test +Lunch/)
    expect(preview.stdout).toContain('3 newest of 3 in INBOX: 1 allowed, 2 ignored.')

    const exported = await mailkey(['filters', 'export', FILTERED?.address ?? ''])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain('header :contains "subject" ["LOTTERY", "Invoice"]')
    expect(exported.stderr).toContain('Gmail does not run Sieve scripts')

    const uploaded = await mailkey([
      'filters',
      'upload',
      FILTERED?.address ?? '',
      '--sieve',
      `127.0.0.1:${b.ports.sieve}`,
    ])
    expect(uploaded.code).toBe(0)
    expect(uploaded.stdout.indexOf(exported.stdout)).toBe(0)
    expect(uploaded.stdout).toContain('Uploaded as "mailkey"')

    const nowhere = await mailkey([
      'filters',
      'upload',
      FILTERED?.address ?? '',
      '--sieve',
      `127.0.0.1:${await freePort()}`,
      '--json',
    ])
    expect(nowhere.code).toBe(1)
    expect(JSON.parse(nowhere.stdout)).toMatchObject({
      uploaded: false,
      reason: 'not-offered',
      pasteAt: { url: expect.stringContaining('#settings/filters') },
    })
  })
})
