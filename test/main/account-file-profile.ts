import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import { scratchKeychain } from './keychain.js'

/** A fresh Mailkey profile for the accounts-file tests: its own settings folder and scratch keychain. */
export function profile(): { services: Services; dir: string; clear: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-import-'))
  const secrets = scratchKeychain()
  const services = createServices({
    store: openSettings(dir).store,
    secrets,
    openExternal: () => Promise.resolve(),
    now: () => new Date('2026-11-30T12:00:00.000Z'),
  })
  return {
    services,
    dir,
    clear: async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** What a round trip must keep: everything a person chose, none of the records the machine keeps. */
export function portable(a: AccountView) {
  const { id: _id, createdAt: _c, lastVerifiedAt: _v, lastCheckedAt: _l, stale: _s, secrets: _p, ...rest } = a
  return { ...rest, aliases: rest.aliases.map(({ id: _a, lastCheck: _lc, ...alias }) => alias) }
}

/** A text export's content (the JSON file is always text). */
export async function exported(
  services: Services,
  includeSecrets = false,
): Promise<{ fileName: string; content: string }> {
  const doc = await services.buildExport({ format: 'mailkey-json', includeSecrets })
  if (typeof doc.content !== 'string') throw new Error('the accounts file is text')
  return { fileName: doc.fileName, content: doc.content }
}

/**
 * Profiles for one describe block, each removed (folder and keychain entries) after it: `tracked()`
 * a profile, `fresh()` its services.
 */
export function useProfiles(): { tracked: () => ReturnType<typeof profile>; fresh: () => Services } {
  const made: ReturnType<typeof profile>[] = []
  afterAll(async () => {
    for (const p of made) await p.clear()
  })
  const tracked = (): ReturnType<typeof profile> => {
    const p = profile()
    made.push(p)
    return p
  }
  return { tracked, fresh: () => tracked().services }
}
