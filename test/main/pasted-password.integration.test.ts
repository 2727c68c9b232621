import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bedCatalog } from '../bed/catalog.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { ipcHarness } from './ipc-harness.js'
import { runMailkey } from './mailkey-cli.js'

/**
 * An app password pasted as Google shows it ("abcd efgh ijkl mnop") works on every path, because the
 * core normalises it (shared/app-password.ts), not one screen: `mailkey test`, `credentials reset`,
 * `alias add`, and the IPC setup and reset calls.
 */
const b = bed()
const alice = BED_USERS.alice
const pasted = BED_USERS.pasted
const grouped = (s: string): string => s.replace(/(.{4})(?!$)/g, '$1 ')
const servers = [
  '--imap',
  `127.0.0.1:${b.ports.imaps}`,
  '--incoming-security',
  'tls',
  '--smtp',
  `127.0.0.1:${b.ports.smtps}`,
  '--outgoing-security',
  'tls',
]

beforeAll(() => {
  if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
})

describe('mailkey test', () => {
  it('takes a Gmail app password with its spaces (the address names the provider)', async () => {
    expect(grouped(alice.appPassword)).toBe('abcd efgh ijkl mnop')
    const r = await runMailkey(
      ['test', '--email', 'someone@gmail.com', '--username', alice.address, '--password-stdin', '--json', ...servers],
      `${grouped(alice.appPassword)}\n`,
      { NODE_EXTRA_CA_CERTS: b.caPath },
    )
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ incoming: { ok: true }, outgoing: { ok: true } })
    expect(r.code).toBe(0)
  })

  it('keeps a password exactly as given where no provider says it is an app password', async () => {
    const r = await runMailkey(
      ['test', '--email', alice.address, '--password-stdin', '--json', ...servers],
      `${grouped(alice.appPassword)}\n`,
      { NODE_EXTRA_CA_CERTS: b.caPath },
    )
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ outgoing: { ok: false, cause: 'invalid_credentials' } })
  })
})

const problem = await keychainProblem()

describe.skipIf(problem !== null)(
  `credentials reset, alias add and the IPC paths${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-pasted-'))
    const secrets = scratchKeychain()
    const env = { NODE_EXTRA_CA_CERTS: b.caPath, MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: secrets.service }
    const { call } = ipcHarness({ dir, secrets, trust: { ca: b.ca }, catalog: bedCatalog(b) })

    afterAll(async () => {
      setAppPassword(b.usersFile, pasted.address, pasted.appPassword)
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('IPC: testConnection and saveAccount take the grouped app password and keep it without spaces', async () => {
      const draft = { email: alice.address, incoming: b.imaps, outgoing: b.smtps }
      const tested = await call('testConnection', {
        testId: 'pasted-1',
        ...draft,
        password: grouped(alice.appPassword),
      })
      expect(tested).toMatchObject({ incoming: { ok: true }, outgoing: { ok: true } })
      const saved = await call('saveAccount', {
        ...draft,
        providerId: null,
        password: grouped(alice.appPassword),
        testId: 'pasted-1',
      })
      // the test proved the normalised secret, and the save stored that same one: verified
      expect(saved.lastVerifiedAt).not.toBeNull()
      expect(await secrets.get(`${saved.id}:incoming`)).toBe(alice.appPassword)
    })

    it('credentials reset (CLI) and resetCredentials (IPC) with a grouped app password', async () => {
      const account = await call('saveAccount', {
        email: pasted.address,
        providerId: 'gmail',
        incoming: b.imaps,
        outgoing: b.smtps,
        password: 'zzzzzzzzzzzzzzzz',
      })
      const cli = await runMailkey(
        ['credentials', 'reset', pasted.address, '--password-stdin', '--json'],
        `${grouped(pasted.appPassword)}\n`,
        env,
      )
      expect(JSON.parse(cli.stdout)).toMatchObject({ saved: true })
      expect(cli.code).toBe(0)
      expect(await secrets.get(`${account.id}:incoming`)).toBe(pasted.appPassword)

      const rotated = 'rotatedpastedpwd'
      setAppPassword(b.usersFile, pasted.address, rotated)
      const ipc = await call('resetCredentials', { id: account.id, testId: 'pasted-2', password: grouped(rotated) })
      expect(ipc).toMatchObject({ saved: true })
      expect(await secrets.get(`${account.id}:incoming`)).toBe(rotated)
    })

    it('alias add (CLI): an own Gmail login pasted with spaces is stored without them', async () => {
      const account = await call('saveAccount', {
        email: 'owner@example.test',
        providerId: null,
        incoming: b.imaps,
        outgoing: b.smtps,
        password: 'owner-secret',
      })
      const r = await runMailkey(
        [
          'alias',
          'add',
          account.email,
          '--address',
          'me@gmail.com',
          '--smtp',
          'smtp.gmail.com:465',
          '--username',
          'me@gmail.com',
          '--password-stdin',
          '--json',
        ],
        'abcd efgh ijkl mnop\n',
        env,
      )
      expect(r.code).toBe(0)
      const alias = JSON.parse(r.stdout) as { id: string }
      expect(await secrets.get(`${account.id}:alias:${alias.id}`)).toBe('abcdefghijklmnop')
    })
  },
)
