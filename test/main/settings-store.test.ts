import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, NewerSettingsError } from '../../src/main/accounts/migrations.js'
import { SCHEMA_VERSION } from '../../src/main/accounts/settings-schema.js'
import { openSettings } from '../../src/main/accounts/settings-store.js'

const V1_ACCOUNT = {
  id: 'acc1',
  email: 'alice@gmail.com',
  displayName: 'Alice',
  username: 'alice@gmail.com',
  providerId: 'gmail',
  incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
  createdAt: '2026-01-01T00:00:00.000Z',
  lastVerifiedAt: '2026-01-01T00:00:01.000Z',
}
/** What version 6 adds to every account (issue 16): no Reply-To, no fallbacks, a direct connection. */
const OFFICE_DEFAULTS = {
  replyTo: null,
  outgoingFallbacks: [],
  connection: { proxy: null, minTls: [], pins: [], cas: [] },
}
const FIXED_NOW = new Date('2026-11-22T10:00:00.000Z')

let dir: string
const file = (): string => join(dir, 'settings.json')
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mailkey-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('opening the settings', () => {
  it('starts from defaults, writes the file only readable by its owner', () => {
    const { store, notice } = openSettings(dir)
    expect(notice).toBeUndefined()
    expect(store.get('accounts')).toEqual([])
    store.set('accounts', [])
    expect(statSync(file()).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({
      schemaVersion: SCHEMA_VERSION,
      accounts: [],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
  })

  it('migrates a version 1 file to the current version and keeps the accounts', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, accounts: [V1_ACCOUNT] }))
    const { store, notice, migratedFrom } = openSettings(dir)
    expect(notice).toBeUndefined()
    expect(migratedFrom).toBe(1)
    expect(store.get('accounts')).toEqual([
      {
        ...V1_ACCOUNT,
        outgoingUsername: null,
        stale: null,
        aliases: [],
        filter: null,
        oauth: null,
        groupId: null,
        ...OFFICE_DEFAULTS,
      },
    ])
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION })
  })

  it.each([
    ['a damaged file', '{"schemaVersion": 2, "accounts": [', 'invalid-json'],
    ['a file that is not an object', '[1, 2, 3]', 'invalid-json'],
    [
      'an unknown key (where a secret could hide)',
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, accounts: [], password: 'x' }),
      'schema',
    ],
    [
      'an older file with a bad port (migrated first; the backup is what the user had)',
      JSON.stringify({
        schemaVersion: 2,
        accounts: [
          { ...V1_ACCOUNT, outgoingUsername: null, stale: null, outgoing: { host: 'h', port: 0, security: 'tls' } },
        ],
      }),
      'schema',
    ],
    ['a newer format', JSON.stringify({ schemaVersion: 99, accounts: [] }), 'newer-version'],
  ] as const)('moves %s aside, loads defaults and says so', (_what, content, reason) => {
    writeFileSync(file(), content)
    const { store, notice } = openSettings(dir, undefined, () => FIXED_NOW)
    expect(notice?.reason).toBe(reason)
    expect(notice?.message).toContain(notice?.backupPath ?? '?')
    expect(store.get('accounts')).toEqual([])
    expect(readFileSync(notice?.backupPath ?? '', 'utf8')).toBe(content)
    expect(readdirSync(dir).sort()).toEqual(
      [`settings.${reason}-2026-11-22T10-00-00-000Z.json`, 'settings.json'].sort(),
    )
  })
})

describe('migrations', () => {
  it('are idempotent: current data comes back unchanged', () => {
    const current = { schemaVersion: SCHEMA_VERSION, accounts: [] }
    expect(migrate(current).data).toBe(current)
    const once = migrate({ schemaVersion: 1, accounts: [V1_ACCOUNT] }).data
    expect(migrate(once).data).toEqual(once)
  })

  it('add an empty alias list at version 3 and keep existing ones', () => {
    const v2 = { schemaVersion: 2, accounts: [{ ...V1_ACCOUNT, outgoingUsername: null, stale: null }] }
    expect(migrate(v2).data).toEqual({
      schemaVersion: SCHEMA_VERSION,
      accounts: [{ ...v2.accounts[0], aliases: [], filter: null, oauth: null, groupId: null, ...OFFICE_DEFAULTS }],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
  })

  it('add no filter at version 4 and keep an existing one', () => {
    const v3Account = { ...V1_ACCOUNT, outgoingUsername: null, stale: null, aliases: [] }
    const kept = { mode: 'ignore', addresses: [], domains: ['spam.test'], keywords: [], ignored: { kind: 'discard' } }
    const v3 = { schemaVersion: 3, accounts: [v3Account, { ...v3Account, id: 'acc2', filter: kept }] }
    expect(migrate(v3).data).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      accounts: [
        { ...v3Account, filter: null },
        { id: 'acc2', filter: kept },
      ],
    })
  })

  it('open a version 3 file with its accounts, each without a filter and signing in with a password', () => {
    const v3Account = { ...V1_ACCOUNT, outgoingUsername: null, stale: null, aliases: [] }
    writeFileSync(file(), JSON.stringify({ schemaVersion: 3, accounts: [v3Account] }))
    const { store, notice, migratedFrom } = openSettings(dir)
    expect(notice).toBeUndefined()
    expect(migratedFrom).toBe(3)
    expect(store.get('accounts')).toEqual([
      { ...v3Account, filter: null, oauth: null, groupId: null, ...OFFICE_DEFAULTS },
    ])
  })

  it('mark every account as signing in with a password at version 5, with no OAuth sign-ins yet', () => {
    const v4 = {
      schemaVersion: 4,
      accounts: [{ ...V1_ACCOUNT, outgoingUsername: null, stale: null, aliases: [], filter: null }],
    }
    expect(migrate(v4).data).toEqual({
      schemaVersion: SCHEMA_VERSION,
      accounts: [{ ...v4.accounts[0], oauth: null, groupId: null, ...OFFICE_DEFAULTS }],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
  })

  it('leave every account ungrouped at version 6 (and direct at 7), with no groups yet', () => {
    const v5Account = { ...V1_ACCOUNT, outgoingUsername: null, stale: null, aliases: [], filter: null, oauth: null }
    const v5 = { schemaVersion: 5, accounts: [v5Account, 'not an account'], oauthGrants: [] }
    const { data, from } = migrate(v5)
    expect(from).toBe(5)
    expect(data).toEqual({
      schemaVersion: 8,
      accounts: [{ ...v5Account, groupId: null, ...OFFICE_DEFAULTS }, 'not an account'],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
    // idempotent: a current file comes back as it was, groups and all
    expect(migrate(data).data).toBe(data)
  })

  it('open a version 5 file as the current version and refuse a group past the schema limits', () => {
    const v5Account = { ...V1_ACCOUNT, outgoingUsername: null, stale: null, aliases: [], filter: null, oauth: null }
    writeFileSync(file(), JSON.stringify({ schemaVersion: 5, accounts: [v5Account], oauthGrants: [] }))
    const { store, migratedFrom, notice } = openSettings(dir)
    expect(notice).toBeUndefined()
    expect(migratedFrom).toBe(5)
    expect(store.get('groups')).toEqual([])
    expect(store.get('accounts')[0]?.groupId).toBeNull()
    const group = {
      id: 'g1',
      name: 'Office',
      defaults: { incoming: V1_ACCOUNT.incoming, outgoing: V1_ACCOUNT.outgoing },
      createdAt: FIXED_NOW.toISOString(),
    } as never
    store.set('groups', [group])
    expect(store.get('groups')).toEqual([group])
    expect(() => store.set('groups', [{ ...(group as object), name: 'x'.repeat(81) }] as never)).toThrow(/schema/i)
    expect(() => store.set('groups', [{ ...(group as object), proxy: 'socks5://x' }] as never)).toThrow(/schema/i)
    const many = Array.from({ length: 101 }, (_, i) => ({ ...(group as object), id: `g${i}` }))
    expect(() => store.set('groups', many as never)).toThrow(/schema/i)
  })

  it('add office connection options at version 7 (a direct connection) and keep values already there', () => {
    const v5Account = { ...V1_ACCOUNT, outgoingUsername: null, stale: null, aliases: [], filter: null, oauth: null }
    expect(migrate({ schemaVersion: 6, accounts: [v5Account], oauthGrants: [], groups: [] }).data).toEqual({
      schemaVersion: 8,
      accounts: [{ ...v5Account, ...OFFICE_DEFAULTS }],
      oauthGrants: [],
      groups: [],
      preferences: { ispdbBase: null },
    })
    const proxied = { ...v5Account, replyTo: 'office@example.com' }
    expect(migrate({ schemaVersion: 6, accounts: [proxied], oauthGrants: [], groups: [] }).data).toMatchObject({
      accounts: [{ replyTo: 'office@example.com', outgoingFallbacks: [] }],
    })
  })

  it('a version 7 account with every office option passes the schema', () => {
    const account = {
      ...V1_ACCOUNT,
      outgoingUsername: null,
      stale: null,
      aliases: [],
      filter: null,
      oauth: null,
      replyTo: 'desk@example.com',
      outgoingFallbacks: [{ host: 'relay.example.com', port: 2525, security: 'starttls' }],
      connection: {
        proxy: { kind: 'socks5', host: 'proxy.lan', port: 1080, username: 'office' },
        minTls: [{ host: 'mail.office.lan', port: 993, version: '1.0' }],
        pins: [
          {
            host: 'mail.office.lan',
            port: 993,
            spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
            anchor: null,
            subject: 'CN=mail.office.lan',
          },
        ],
        cas: [],
      },
    }
    writeFileSync(file(), JSON.stringify({ schemaVersion: SCHEMA_VERSION, accounts: [account], oauthGrants: [] }))
    const { store, notice } = openSettings(dir)
    expect(notice).toBeUndefined()
    expect(store.get('accounts')).toEqual([account])
  })

  it('treat a file without a version as version 1', () => {
    expect(migrate({ accounts: [V1_ACCOUNT] })).toMatchObject({ from: 1, data: { schemaVersion: SCHEMA_VERSION } })
  })

  it('refuse to downgrade a newer file', () => {
    expect(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 })).toThrow(NewerSettingsError)
  })
})
