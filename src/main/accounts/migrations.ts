import { SCHEMA_VERSION } from './settings-schema.js'

/**
 * The settings file's own migrations, one pure function per version step, run before the schema is
 * applied (conf's built-in migrations are documented as buggy). Each takes the whole file as parsed
 * JSON and returns the next version's shape; unknown input is passed on for the schema to judge.
 */
type Migration = (data: Record<string, unknown>) => Record<string, unknown>

const MIGRATIONS: Record<number, Migration> = {
  // v1 → v2: credentials become a lifecycle: sending may sign in as someone else, a rejected saved
  // secret is marked stale
  1: (data) => ({
    ...data,
    schemaVersion: 2,
    accounts: Array.isArray(data['accounts'])
      ? data['accounts'].map((a: unknown) =>
          typeof a === 'object' && a !== null ? { outgoingUsername: null, stale: null, ...a } : a,
        )
      : data['accounts'],
  }),
  // v2 → v3: send-as identities (aliases) per account
  2: (data) => ({
    ...data,
    schemaVersion: 3,
    accounts: Array.isArray(data['accounts'])
      ? data['accounts'].map((a: unknown) => (typeof a === 'object' && a !== null ? { aliases: [], ...a } : a))
      : data['accounts'],
  }),
  // v3 → v4: an incoming filter (Allow / Ignore) per account, none at first (issue 17)
  3: (data) => ({
    ...data,
    schemaVersion: 4,
    accounts: Array.isArray(data['accounts'])
      ? data['accounts'].map((a: unknown) => (typeof a === 'object' && a !== null ? { filter: null, ...a } : a))
      : data['accounts'],
  }),
  // v4 → v5: an account may sign in with OAuth (issue 15): every saved account so far uses a password;
  // OAuth sign-ins saved for an address without an account (`mailkey oauth authorize`)
  4: (data) => ({
    oauthGrants: [],
    ...data,
    schemaVersion: 5,
    accounts: Array.isArray(data['accounts'])
      ? data['accounts'].map((a: unknown) => (typeof a === 'object' && a !== null ? { oauth: null, ...a } : a))
      : data['accounts'],
  }),
  // v5 → v6: groups of accounts with shared servers (issue 17 part B): none yet, every account ungrouped
  5: (data) => ({
    groups: [],
    ...data,
    schemaVersion: 6,
    accounts: Array.isArray(data['accounts'])
      ? data['accounts'].map((a: unknown) => (typeof a === 'object' && a !== null ? { groupId: null, ...a } : a))
      : data['accounts'],
  }),
  // v6 → v7: office connection options (issue 16): a sender's Reply-To, fallback outgoing servers,
  // and a proxy, TLS minimums, trusted keys and office CAs, all empty (a direct connection, TLS 1.2+)
  6: (data) => ({
    ...data,
    schemaVersion: 7,
    accounts: Array.isArray(data['accounts'])
      ? data['accounts'].map((a: unknown) =>
          typeof a === 'object' && a !== null
            ? {
                replyTo: null,
                outgoingFallbacks: [],
                connection: { proxy: null, minTls: [], pins: [], cas: [] },
                ...a,
              }
            : a,
        )
      : data['accounts'],
  }),
  // v7 → v8: app-wide preferences: the provider database discovery asks, Thunderbird's (issue 14)
  7: (data) => ({ preferences: { ispdbBase: null }, ...data, schemaVersion: 8 }),
}

export class NewerSettingsError extends Error {
  constructor(readonly version: number) {
    super(`The settings were written by a newer Mailkey (format ${version}; this one reads up to ${SCHEMA_VERSION}).`)
    this.name = 'NewerSettingsError'
  }
}

/** Brings parsed settings up to SCHEMA_VERSION. Idempotent: current data comes back unchanged. */
export function migrate(data: Record<string, unknown>): { data: Record<string, unknown>; from: number } {
  const from = typeof data['schemaVersion'] === 'number' ? data['schemaVersion'] : 1
  if (from > SCHEMA_VERSION) throw new NewerSettingsError(from)
  let current = data
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) throw new Error(`no settings migration from version ${v}`)
    current = step(current)
  }
  return { data: current, from }
}
