import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices } from '../../src/main/services.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import { bedCatalog } from '../bed/catalog.js'
import { BED_USERS, setAppPassword } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const user = BED_USERS.rotating
const NEW_APP_PASSWORD = 'freshapppassword'

/** Every form a secret could take in a file, a log line or a message. */
function forms(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    encodeURIComponent(secret),
    Buffer.from(`\0${user.address}\0${secret}`).toString('base64'),
  ]
}

describe.skipIf(problem !== null)(
  `saved credentials: stale detection, reset, orphans${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-cred-'))
    const secrets = scratchKeychain()
    const logs: string[] = []
    const handed: unknown[] = []
    let handlers: ReturnType<typeof createHandlers>
    const call = async <M extends Method>(method: M, input: unknown) => {
      const r = await dispatch(handlers, method, input, { emit: (e) => handed.push(e) }, (m) => logs.push(m))
      handed.push(r)
      return r
    }
    const save = async (password: string) => {
      const r = await call('saveAccount', {
        email: user.address,
        providerId: 'gmail',
        incoming: b.imaps,
        outgoing: b.smtps,
        password,
      })
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }

    beforeEach(async () => {
      setAppPassword(b.usersFile, user.address, user.appPassword)
      await secrets.clear()
      rmSync(join(dir, 'settings.json'), { force: true })
      const { store } = openSettings(dir)
      handlers = createHandlers(
        createServices({
          store,
          secrets,
          trust: { ca: b.ca },
          catalog: bedCatalog(b),
          mx: () => Promise.resolve([]),
          openExternal: () => Promise.resolve(),
        }),
      )
    })
    afterAll(async () => {
      setAppPassword(b.usersFile, user.address, user.appPassword)
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('keychain health: write, read back, delete works', async () => {
      expect(await call('keychainStatus', undefined)).toEqual({ ok: true, value: { ok: true } })
      expect(await secrets.keys()).toEqual([])
    })

    it('one app password is stored once and serves both servers', async () => {
      const account = await save(user.appPassword)
      expect(account.secrets).toEqual({ incoming: true, outgoing: 'shared' })
      expect(await secrets.keys()).toEqual([`${account.id}:incoming`])
      const checked = await call('retestAccount', { id: account.id, testId: 'shared1' })
      expect(checked).toMatchObject({
        ok: true,
        value: { report: { incoming: { ok: true }, outgoing: { ok: true } }, account: { stale: null } },
      })
    })

    it('a revoked app password is marked stale with Google’s reason after a confirmed rejection, then reset', async () => {
      const account = await save(user.appPassword)
      // Google revokes app passwords when the account password changes: the bed now wants another one
      setAppPassword(b.usersFile, user.address, NEW_APP_PASSWORD)

      const stale = await call('retestAccount', { id: account.id, testId: 'stale1' })
      if (!stale.ok) throw new Error(stale.error.message)
      expect(stale.value.report.incoming).toMatchObject({
        ok: false,
        cause: 'invalid_credentials',
        fix: { kind: 'replace-password' },
      })
      expect(stale.value.account.stale).toMatchObject({
        side: 'both',
        cause: 'invalid_credentials',
        reason: expect.stringContaining('Google revokes every app password when the Google account password changes'),
      })

      // a wrong new password: nothing changes, the old secret stays, still stale
      const wrong = await call('resetCredentials', { id: account.id, testId: 'reset1', password: 'wrongnewpassword' })
      expect(wrong).toMatchObject({
        ok: true,
        value: { saved: false, account: { stale: { cause: 'invalid_credentials' } } },
      })
      expect(await secrets.get(`${account.id}:incoming`)).toBe(user.appPassword)

      // the right one: both servers pass, it replaces the old one, the account is verified again
      const right = await call('resetCredentials', { id: account.id, testId: 'reset2', password: NEW_APP_PASSWORD })
      expect(right).toMatchObject({
        ok: true,
        value: { saved: true, report: { incoming: { ok: true }, outgoing: { ok: true } }, account: { stale: null } },
      })
      expect(await secrets.get(`${account.id}:incoming`)).toBe(NEW_APP_PASSWORD)
      if (right.ok) expect(right.value.account.lastVerifiedAt).not.toBeNull()

      const settings = readFileSync(join(dir, 'settings.json'), 'utf8')
      for (const secret of [user.appPassword, NEW_APP_PASSWORD])
        for (const f of forms(secret)) expect(settings).not.toContain(f)
    })

    it('cancelling a re-test, even between its two attempts, leaves the account as it was', async () => {
      const account = await save(user.appPassword)
      setAppPassword(b.usersFile, user.address, NEW_APP_PASSWORD)
      let refusals = 0
      const r = await dispatch(
        handlers,
        'retestAccount',
        { id: account.id, testId: 'cancel1' },
        {
          emit: (e) => {
            // both servers have just refused the first attempt: cancel in the 500 ms pause before confirming
            if (e.stage === 'auth' && e.state === 'failed' && ++refusals === 2) {
              setTimeout(
                () => void dispatch(handlers, 'cancelTest', { testId: 'cancel1' }, { emit: () => undefined }),
                250,
              )
            }
          },
        },
      )
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      const listed = await call('listAccounts', undefined)
      expect(listed.ok && listed.value[0]?.stale).toBeNull()
    })

    it('a network failure is not a rejection: the saved secret is not called stale', async () => {
      const account = await save(user.appPassword)
      const down = await call('saveAccount', {
        accountId: account.id,
        email: user.address,
        providerId: 'gmail',
        incoming: { ...b.imaps, port: 1 },
        outgoing: b.smtps,
        // issue 12: a saved secret stays with its servers; another port needs it typed again
        password: user.appPassword,
      })
      expect(down).toMatchObject({ ok: true })
      const r = await call('retestAccount', { id: account.id, testId: 'down1' })
      expect(r).toMatchObject({
        ok: true,
        value: { report: { incoming: { ok: false, cause: 'connection_refused' } }, account: { stale: null } },
      })
    })

    it('lists keychain entries of no account as orphans and removes them; deleting an account deletes its entries', async () => {
      const account = await save(user.appPassword)
      await secrets.set('ghost1:incoming', 'left-over secret')
      await secrets.set('ghost1:outgoing', 'left-over relay secret')
      await secrets.set('not an account key', 'junk')
      const orphans = await call('listOrphans', undefined)
      expect(orphans.ok && orphans.value.keys.sort()).toEqual([
        'ghost1:incoming',
        'ghost1:outgoing',
        'not an account key',
      ])
      expect(await call('removeOrphans', undefined)).toEqual({ ok: true, value: { removed: 3 } })
      expect(await secrets.keys()).toEqual([`${account.id}:incoming`])

      expect(await call('removeAccount', { id: account.id })).toEqual({ ok: true, value: { removed: true } })
      expect(await secrets.keys()).toEqual([])
    })

    it('editing an account without a password keeps the saved secret and is verified by a test with it', async () => {
      const account = await save(user.appPassword)
      // issue 12: only with the servers it was saved for; STARTTLS on 143 is another server
      const moved = await call('testConnection', {
        testId: 'edit0',
        email: user.address,
        accountId: account.id,
        incoming: b.imapStarttls,
        outgoing: b.submission,
      })
      expect(moved).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } })
      const tested = await call('testConnection', {
        testId: 'edit1',
        email: user.address,
        accountId: account.id,
        incoming: b.imaps,
        outgoing: b.smtps,
      })
      expect(tested).toMatchObject({ ok: true, value: { incoming: { ok: true }, outgoing: { ok: true } } })
      const edited = await call('saveAccount', {
        accountId: account.id,
        email: user.address,
        displayName: 'Edited name',
        providerId: 'gmail',
        incoming: b.imaps,
        outgoing: b.smtps,
        testId: 'edit1',
      })
      expect(edited).toMatchObject({
        ok: true,
        value: {
          id: account.id,
          displayName: 'Edited name',
          incoming: { security: 'tls' },
          secrets: { incoming: true },
        },
      })
      if (edited.ok) expect(edited.value.lastVerifiedAt).not.toBeNull()
      expect(await secrets.get(`${account.id}:incoming`)).toBe(user.appPassword)
    })

    // runs last (tests in a file run in order): everything the tests above wrote and received
    it('no settings file, IPC result, progress event or log line carried a secret', () => {
      const files = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))
      const everything = [...files, JSON.stringify(handed), logs.join('\n')].join('\n')
      expect(handed.length).toBeGreaterThan(20)
      for (const secret of [user.appPassword, NEW_APP_PASSWORD, 'wrongnewpassword']) {
        for (const f of forms(secret)) expect(everything).not.toContain(f)
      }
    })
  },
)
