import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readSettingsSnapshot, SETTINGS_FILE, snapshotAccounts } from '../../src/main/accounts/settings-snapshot.js'
import { openSettings, SETTINGS_NAME } from '../../src/main/accounts/settings-store.js'
import { SCHEMA_VERSION } from '../../src/main/accounts/settings-schema.js'

const dirs: string[] = []
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mailkey-snapshot-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const account = {
  id: 'a1',
  email: 'a@example.test',
  displayName: '',
  username: 'a@example.test',
  providerId: null,
  incoming: { protocol: 'imap', host: 'imap.example.test', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.example.test', port: 465, security: 'tls' },
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
} as const

describe('settings read for showing, without the store', () => {
  it('reads the file the store writes (same name, same data)', () => {
    const d = dir()
    expect(SETTINGS_FILE).toBe(`${SETTINGS_NAME}.json`)
    openSettings(d).store.set('accounts', [account])
    expect(readSettingsSnapshot(d)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      accounts: [account],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
  })

  it('a missing file is the defaults', () => {
    expect(readSettingsSnapshot(dir())).toEqual({
      schemaVersion: SCHEMA_VERSION,
      accounts: [],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
  })

  it.each([
    ['damaged JSON', '{"schemaVersion": 3, "acc'],
    ['an older format (needs a migration)', JSON.stringify({ schemaVersion: 1, accounts: [] })],
    ['a newer format', JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, accounts: [] })],
    ['an account of an unexpected shape', JSON.stringify({ schemaVersion: SCHEMA_VERSION, accounts: [{ id: 1 }] })],
    ['not an object', '[]'],
  ])('%s: left to the store, which migrates or moves it aside and says so', (_what, content) => {
    const d = dir()
    writeFileSync(join(d, SETTINGS_FILE), content)
    expect(readSettingsSnapshot(d)).toBeUndefined()
  })

  it('a snapshot is read-only: changing it is refused', () => {
    const repo = snapshotAccounts({
      schemaVersion: SCHEMA_VERSION,
      accounts: [structuredClone(account)] as never,
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
    expect(repo.findByEmail('A@example.test')?.id).toBe('a1')
    expect(() => repo.remove('a1')).toThrow(/read-only/)
  })
})
