import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src/main/accounts/settings-schema.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { main } from '../../src/main/cli/index.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices } from '../../src/main/services.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const ACCOUNT = {
  id: 'keptAcc1',
  email: 'alice@gmail.com',
  displayName: 'Alice',
  username: 'alice@gmail.com',
  providerId: 'gmail',
  incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
  outgoingUsername: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastVerifiedAt: null,
  stale: null,
  aliases: [],
  filter: null,
  oauth: null,
  replyTo: null,
  outgoingFallbacks: [],
  connection: { proxy: null, minTls: [], pins: [], cas: [] },
}
const CURRENT = JSON.stringify({ schemaVersion: SCHEMA_VERSION, accounts: [ACCOUNT] })

let dir: string
const file = (): string => join(dir, 'settings.json')
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mailkey-recovery-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('a byte order mark is no damage (issue 12, fault 6)', () => {
  it('a file saved with a UTF-8 BOM opens with its accounts, no notice, and is written back without it', () => {
    writeFileSync(file(), `\ufeff${CURRENT}`)
    const { store, notice } = openSettings(dir)
    expect(notice).toBeUndefined()
    expect(store.get('accounts')).toEqual([ACCOUNT])
    expect(readFileSync(file(), 'utf8').charCodeAt(0)).not.toBe(0xfeff)
    expect(readdirSync(dir).filter((f) => f !== 'settings.json')).toEqual([])
  })
})

describe('the settings file is read only when it is a regular file, bounded (issue 12, fault 7)', () => {
  it('settings.json linked to /dev/zero is moved aside at once, not read', () => {
    symlinkSync('/dev/zero', file())
    const before = process.memoryUsage().rss
    const { store, notice } = openSettings(dir)
    expect(notice?.reason).toBe('not-a-file')
    expect(store.get('accounts')).toEqual([])
    // a read of /dev/zero would have grown the process by gigabytes before failing
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024)
  })

  it('a named pipe does not hang the start', () => {
    execFileSync('mkfifo', [file()])
    const { notice } = openSettings(dir)
    expect(notice?.reason).toBe('not-a-file')
  })

  it('a file far larger than any settings is moved aside, not parsed', () => {
    writeFileSync(file(), `{"accounts":[], "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`)
    const { notice } = openSettings(dir)
    expect(notice?.reason).toBe('too-large')
    expect(notice?.backupPath).toMatch(/settings\.too-large-.*\.json$/)
  })
})

const problem = await keychainProblem()

describe.skipIf(problem !== null)(
  `a kept backup keeps its accounts' passwords until dismissed (issue 12, fault 6)${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const secrets = scratchKeychain()
    afterAll(() => secrets.clear())

    /** A damaged file naming the account, whose password is in the keychain. */
    async function damagedSettings(): Promise<void> {
      await secrets.clear()
      await secrets.set(`${ACCOUNT.id}:incoming`, 'savedAppPassword')
      await secrets.set('ghost9:incoming', 'left-over secret')
      writeFileSync(file(), `${CURRENT.slice(0, -10)} oops`)
    }

    it('through IPC: not an orphan while kept, "Remove leftover entries" spares it, dismissing frees it', async () => {
      await damagedSettings()
      const { store, notice } = openSettings(dir)
      expect(notice?.reason).toBe('invalid-json')
      const handlers = createHandlers(
        createServices({ store, secrets, openExternal: () => Promise.resolve(), settingsDir: dir }),
      )
      const call = <M extends Method>(m: M, input?: unknown) => dispatch(handlers, m, input, { emit: () => undefined })
      expect(await call('listOrphans')).toEqual({ ok: true, value: { keys: ['ghost9:incoming'] } })
      expect(await call('removeOrphans')).toEqual({ ok: true, value: { removed: 1 } })
      expect(await secrets.get(`${ACCOUNT.id}:incoming`)).toBe('savedAppPassword')

      const listed = await call('listBackups')
      expect(listed).toMatchObject({ ok: true, value: { backups: [{ reason: 'invalid-json', accounts: 1 }] } })
      const name = listed.ok ? (listed.value.backups[0]?.name ?? '') : ''
      expect(await call('dismissBackup', { name: '../settings.json' })).toMatchObject({ ok: false })
      expect(await call('dismissBackup', { name })).toEqual({ ok: true, value: { dismissed: true } })
      expect(await call('listBackups')).toEqual({ ok: true, value: { backups: [] } })
      expect(await call('listOrphans')).toEqual({ ok: true, value: { keys: [`${ACCOUNT.id}:incoming`] } })
      // dismissed, not deleted
      expect(readdirSync(dir).some((f) => f.endsWith('.dismissed.json'))).toBe(true)
    })

    it('through the CLI: credentials backups lists it, list shows no orphan, dismiss-backup frees it', async () => {
      await damagedSettings()
      openSettings(dir)
      const cli = async (...args: string[]): Promise<{ code: number; out: string }> => {
        let out = ''
        const sink = { write: (s: string) => (out += s) }
        const env = { MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: secrets.service }
        const code = await main(args, { stdin: Readable.from([]), stdout: sink, stderr: sink, env })
        return { code, out }
      }
      const kept = await cli('credentials', 'backups', '--json')
      const backups = (JSON.parse(kept.out) as { backups: { name: string; accounts: number }[] }).backups
      expect(backups).toMatchObject([{ accounts: 1 }])
      const before = JSON.parse((await cli('credentials', 'list', '--json')).out) as { orphans: string[] }
      expect(before.orphans).toEqual(['ghost9:incoming'])
      const dismissed = await cli('credentials', 'dismiss-backup', backups[0]?.name ?? '')
      expect(dismissed.code).toBe(0)
      const after = JSON.parse((await cli('credentials', 'list', '--json')).out) as { orphans: string[] }
      expect(after.orphans.sort()).toEqual(['ghost9:incoming', `${ACCOUNT.id}:incoming`])
      expect((await cli('credentials', 'dismiss-backup', 'settings.json')).code).toBe(2)
    })
  },
)
