import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import { OFFICE_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runCli, type CliRun } from './run-cli.js'

const problem = await keychainProblem()
const b = bed()
const MEMBER = OFFICE_USERS[19]

describe.skipIf(problem !== null)(`mailkey group and check --group${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-group-'))
  const secrets = scratchKeychain()
  let s: Services

  const env = { NODE_EXTRA_CA_CERTS: b.caPath, MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: secrets.service }
  const mailkey = (args: string[], stdin = ''): Promise<CliRun> => runCli(args, env, stdin)
  /** The store as the CLI left it (each CLI run writes the file; a fresh store reads it). */
  const settings = () => openSettings(dir).store

  beforeAll(async () => {
    if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    if (!MEMBER) throw new Error('the bed has too few office users')
    s = createServices({ store: settings(), secrets, openExternal: () => Promise.resolve() })
    // an account outside any group, whose saved password the server refuses
    await s.accounts.save({
      email: 'outside@example.test',
      providerId: null,
      incoming: b.imaps,
      outgoing: b.smtps,
      password: 'wrong-password',
      verifiedAt: null,
    })
  })
  afterAll(async () => {
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('create with servers, add with a wrong then the right password, check only the group', async () => {
    const created = await mailkey([
      'group',
      'create',
      'Front desk',
      '--imap',
      `${b.host}:${b.ports.imaps}`,
      '--incoming-security',
      'tls',
      '--smtp',
      `${b.host}:${b.ports.submission}`,
      '--outgoing-security',
      'starttls',
    ])
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect((await mailkey(['group', 'create', 'front DESK', '--from', 'outside@example.test'])).code).toBe(2)

    const wrong = await mailkey(
      ['group', 'add', 'front desk', '--email', MEMBER?.address ?? '', '--password-stdin'],
      'not-it\n',
    )
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('nothing was saved')
    expect(wrong.stdout).toMatch(/\[invalid_credentials\]|user name or password|password/i)
    expect(wrong.stdout).not.toContain('not-it')
    expect(
      settings()
        .get('accounts')
        .map((a) => a.email),
    ).toEqual(['outside@example.test'])

    const right = await mailkey(
      ['group', 'add', 'Front desk', '--email', MEMBER?.address ?? '', '--password-stdin', '--json'],
      `${MEMBER?.appPassword ?? ''}\n`,
    )
    expect(right.code).toBe(0)
    const added = JSON.parse(right.stdout) as { saved: boolean; account: { groupId: string; outgoing: unknown } }
    expect(added.saved).toBe(true)
    expect(added.account.outgoing).toEqual(b.submission)
    expect(right.stdout).not.toContain(MEMBER?.appPassword)

    const listed = await mailkey(['group', 'list'])
    expect(listed.stdout).toContain('Front desk  (1 mailbox)')
    expect(listed.stdout).toContain(`  ${MEMBER?.address}`)

    // the whole set fails (the outside account), the group alone works
    expect((await mailkey(['check'])).code).toBe(1)
    const group = await mailkey(['check', '--group', 'FRONT desk', '--json'])
    expect(group.code).toBe(0)
    const result = JSON.parse(group.stdout) as { rows: { email: string; outcome: string }[] }
    expect(result.rows).toEqual([expect.objectContaining({ email: MEMBER?.address, outcome: 'works' })])

    const unknown = await mailkey(['check', '--group', 'Back office'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no group named "Back office". The groups are: "Front desk".')
    expect(unknown.stderr).toContain('(see mailkey check --help)')
  })

  it('from an account, rename, remove keeps the accounts; bad usage is exit 2', async () => {
    expect((await mailkey(['group', 'create', 'Client', '--from', 'outside@example.test'])).code).toBe(0)
    expect((await mailkey(['group', 'rename', 'client', 'Client A'])).code).toBe(0)
    const groups = settings().get('groups')
    expect(groups.find((g) => g.name === 'Client A')?.defaults).toEqual({
      incoming: b.imaps,
      outgoing: b.smtps,
      login: 'address',
    })
    const removed = await mailkey(['group', 'remove', 'Front desk'])
    expect(removed.code).toBe(0)
    expect(removed.stdout).toContain('its 1 account(s) stay saved')
    expect(
      settings()
        .get('accounts')
        .find((a) => a.email === MEMBER?.address)?.groupId,
    ).toBeNull()

    for (const args of [
      ['group'],
      ['group', 'create'],
      ['group', 'create', 'X'],
      ['group', 'create', 'X', '--imap', 'h:993', '--pop3', 'h:995', '--smtp', 'h:465'],
      ['group', 'create', 'X', '--imap', 'h:993', '--smtp', 'h:465', '--login', 'nick'],
      ['group', 'remove', 'Nope'],
      ['group', 'add', 'Client A', '--email', 'not-an-address', '--password-stdin'],
      ['group', 'frobnicate', 'X'],
    ]) {
      const run = await mailkey(args)
      expect({ args, code: run.code }).toEqual({ args, code: 2 })
      expect(run.stderr).toContain('(see mailkey group --help)')
    }
    expect((await mailkey(['group', '--help'])).stdout).toContain('mailkey group add NAME --email ADDR')
  })

  it('a group made from an account behind a proxy lists its connection; the password stays in the keychain', async () => {
    const proxied = await s.accounts.save({
      email: 'branch@example.test',
      providerId: null,
      incoming: b.imaps,
      outgoing: b.smtps,
      password: 'branch-mail',
      verifiedAt: null,
      connection: {
        proxy: { kind: 'socks5', host: '127.0.0.1', port: 1080, username: 'branch' },
        minTls: [{ host: b.smtps.host, port: b.smtps.port, version: '1.3' }],
        pins: [],
        cas: [],
      },
      proxyPassword: 'branch-Proxy-9',
    })
    expect((await mailkey(['group', 'create', 'Branch', '--from', proxied.email])).code).toBe(0)
    const listed = await mailkey(['group', 'list'])
    expect(listed.stdout).toContain('  proxy socks5://branch@127.0.0.1:1080\n')
    expect(listed.stdout).toContain(`  lowest TLS 1.3 for ${b.smtps.host}:${b.smtps.port}\n`)
    expect(listed.stdout).not.toContain('branch-Proxy-9')
    const group = settings()
      .get('groups')
      .find((g) => g.name === 'Branch')
    expect(await secrets.get(`${group?.id ?? ''}:proxy`)).toBe('branch-Proxy-9')
  })
})
