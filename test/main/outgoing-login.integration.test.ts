import type Conf from 'conf'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { SettingsData } from '../../src/main/accounts/settings-schema.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import type { createHandlers } from '../../src/main/ipc/handlers.js'
import type { AccountView } from '../../src/shared/account.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import type { TestReport } from '../../src/shared/report.js'
import type { Result } from '../../src/shared/result.js'
import { bedCatalog } from '../bed/catalog.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { freshHandlers } from './ipc-harness.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

/**
 * Issue 13, item 7: sending signs in as someone else (a relay, a host with separate logins). Alice
 * receives with her own login and sends through the bed's SMTP server as Olaf, with Olaf's password:
 * tested for real, saved with two keychain entries, re-tested with them, and split back into one.
 */

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
const olaf = BED_USERS.other
const servers = {
  incoming: { protocol: 'imap', host: b.host, port: b.ports.imaps, security: 'tls' },
  outgoing: { host: b.host, port: b.ports.smtps, security: 'tls' },
} as const

describe.skipIf(problem !== null)(`a separate outgoing login${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-outgoing-'))
  const secrets = scratchKeychain()
  let store: Conf<SettingsData>
  let handlers: ReturnType<typeof createHandlers>
  let n = 0
  const call = <M extends Method>(method: M, input: unknown): Promise<Result<unknown>> =>
    dispatch(handlers, method, input, { emit: () => undefined })
  const test = async (extra: object): Promise<TestReport> => {
    const r = await call('testConnection', { testId: `out-${++n}`, email: alice.address, ...servers, ...extra })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as TestReport
  }

  beforeEach(async () => {
    ;({ store, handlers } = await freshHandlers(dir, secrets, { trust: { ca: b.ca }, catalog: bedCatalog(b) }))
  })
  afterAll(async () => {
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the outgoing server gets its own user and password; the incoming one keeps the account’s', async () => {
    const split = await test({
      password: alice.appPassword,
      outgoingUsername: olaf.address,
      outgoingPassword: olaf.appPassword,
    })
    expect(split.incoming?.ok).toBe(true)
    expect(split.outgoing?.ok).toBe(true)
    // the other user with the incoming password: the outgoing server refuses it, the incoming side is untouched
    const samePassword = await test({ password: alice.appPassword, outgoingUsername: olaf.address })
    expect(samePassword.incoming?.ok).toBe(true)
    expect(samePassword.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials' })
  })

  it('saved as verified with two keychain entries, re-tested with them, and split back into one login', async () => {
    const testId = `out-save-${++n}`
    const login = { password: alice.appPassword, outgoingUsername: olaf.address, outgoingPassword: olaf.appPassword }
    await call('testConnection', { testId, email: alice.address, ...servers, ...login })
    const saved = await call('saveAccount', { email: alice.address, providerId: 'gmail', ...servers, ...login, testId })
    if (!saved.ok) throw new Error(saved.error.message)
    const account = saved.value as AccountView
    expect(account.lastVerifiedAt).not.toBeNull()
    expect(account.outgoingUsername).toBe(olaf.address)
    expect(account.secrets).toEqual({ incoming: true, outgoing: 'own' })
    expect(await secrets.get(`${account.id}:incoming`)).toBe(alice.appPassword)
    expect(await secrets.get(`${account.id}:outgoing`)).toBe(olaf.appPassword)
    expect(readFileSync(store.path, 'utf8')).not.toContain(olaf.appPassword)

    const retest = await call('retestAccount', { id: account.id, testId: `out-retest-${++n}` })
    if (!retest.ok) throw new Error(retest.error.message)
    const { report } = retest.value as { report: TestReport }
    expect(report.incoming?.ok && report.outgoing?.ok).toBe(true)

    // editing with the saved secrets, the outgoing user name unset: the split login is kept
    const kept = await call('testConnection', {
      testId: `out-keep-${++n}`,
      email: alice.address,
      accountId: account.id,
      ...servers,
    })
    expect(kept.ok && (kept.value as TestReport).outgoing?.ok).toBe(true)

    // back to one login for both servers: the separate secret goes
    const oneId = `out-one-${++n}`
    await call('testConnection', {
      testId: oneId,
      email: alice.address,
      accountId: account.id,
      outgoingUsername: null,
      ...servers,
    })
    const one = await call('saveAccount', {
      email: alice.address,
      providerId: 'gmail',
      accountId: account.id,
      outgoingUsername: null,
      ...servers,
      testId: oneId,
    })
    if (!one.ok) throw new Error(one.error.message)
    expect((one.value as AccountView).outgoingUsername).toBeNull()
    expect((one.value as AccountView).lastVerifiedAt).not.toBeNull()
    expect(await secrets.keys()).toEqual([`${account.id}:incoming`])
  })

  it('a separate password without its user name is refused before anything runs', async () => {
    const r = await call('testConnection', {
      testId: `out-bad-${++n}`,
      email: alice.address,
      password: alice.appPassword,
      outgoingPassword: olaf.appPassword,
      ...servers,
    })
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.error.message).toContain('outgoing user name')
  })
})
