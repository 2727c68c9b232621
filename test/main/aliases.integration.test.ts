import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import { createHandlers } from '../../src/main/ipc/handlers.js'
import { createServices } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { Method } from '../../src/shared/ipc/channels.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import { bedCatalog } from '../bed/catalog.js'
import { BED_USERS, type BedUser } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const ROUND_TRIP_LIMIT_MS = 4000

describe.skipIf(problem !== null)(
  `aliases: the three check levels against the bed${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-alias-'))
    const secrets = scratchKeychain()
    const handed: unknown[] = []
    let handlers: ReturnType<typeof createHandlers>
    const call = async <M extends Method>(method: M, input: unknown) => {
      const r = await dispatch(handlers, method, input, { emit: () => undefined })
      handed.push(r)
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
      return r.value
    }
    const incoming: IncomingServer = b.imaps
    const outgoing: Server = b.smtps
    const accounts = new Map<string, AccountView>()
    const saveUser = async (u: BedUser): Promise<AccountView> => {
      const account = await call('saveAccount', {
        email: u.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: u.appPassword,
      })
      accounts.set(u.address, account)
      return account
    }
    const addAlias = async (owner: BedUser, input: Record<string, unknown>) => {
      const account = await call('addAlias', { accountId: accounts.get(owner.address)?.id, name: 'Test', ...input })
      const alias = account.aliases.at(-1)
      if (!alias) throw new Error('no alias added')
      return { account, alias }
    }
    const check = (owner: BedUser, aliasId: string, roundTrip: boolean) =>
      call('checkAlias', { accountId: accounts.get(owner.address)?.id, aliasId, testId: `alias-${aliasId}`, roundTrip })

    beforeAll(async () => {
      handlers = createHandlers(
        createServices({
          store: openSettings(dir).store,
          secrets,
          trust: { ca: b.ca },
          catalog: bedCatalog(b),
          mx: () => Promise.resolve([]),
          openExternal: () => Promise.resolve(),
          roundTripLimitMs: ROUND_TRIP_LIMIT_MS,
        }),
      )
      for (const u of [BED_USERS.alice, BED_USERS.gmailish, BED_USERS.lost]) await saveUser(u)
    })
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('level 1: a registered alias is accepted at MAIL FROM, and the round trip arrives unchanged', async () => {
      const { alias } = await addAlias(BED_USERS.alice, { address: 'alice.sales@example.test' })
      const r = await check(BED_USERS.alice, alias.id, true)
      expect(r.sender).toMatchObject({ ok: true })
      expect(r.roundTrip).toMatchObject({ outcome: 'arrived', receivedFrom: 'alice.sales@example.test' })
      expect(r.account.aliases.find((a) => a.id === alias.id)?.lastCheck).toMatchObject({
        sender: { ok: true },
        roundTrip: { ok: true },
      })
    })

    it('level 1: a foreign address is refused at MAIL FROM with the server’s words; no message is sent', async () => {
      const { alias } = await addAlias(BED_USERS.alice, { address: 'bob@elsewhere.test' })
      const r = await check(BED_USERS.alice, alias.id, true)
      expect(r.sender).toMatchObject({ ok: false, cause: 'sender_not_allowed', failedStage: 'sender' })
      expect(r.sender.serverText).toContain('Sender address rejected: not owned by user alice@example.test')
      expect(r.roundTrip).toBeUndefined()
    })

    it('level 2: Gmail-like silent rewrite is caught (X-Google-Original-From) and explained with the fix', async () => {
      const { alias } = await addAlias(BED_USERS.gmailish, { address: 'gina.sales@example.test', name: 'Gina Sales' })
      const r = await check(BED_USERS.gmailish, alias.id, true)
      // Gmail takes any MAIL FROM: level 1 cannot see the problem, which is why level 2 exists
      expect(r.sender).toMatchObject({ ok: true })
      expect(r.roundTrip).toMatchObject({
        outcome: 'rewritten',
        receivedFrom: 'gina@example.test',
        originalFrom: 'Gina Sales <gina.sales@example.test>',
        cause: 'sender_not_allowed',
        fix: { kind: 'open-url', url: 'https://mail.google.com/mail/u/0/#settings/accounts' },
      })
      expect(r.roundTrip?.title).toBe(
        'Gmail replaced gina.sales@example.test with your account address: add it under “Send mail as”',
      )
      expect(r.roundTrip?.explanation).toContain('confirmation message Google sends to that address')
      expect(r.account.aliases.find((a) => a.id === alias.id)?.lastCheck?.roundTrip).toMatchObject({
        ok: false,
        rewritten: true,
      })
    })

    it('level 2: a verified Gmail alias arrives as sent', async () => {
      const { alias } = await addAlias(BED_USERS.gmailish, { address: 'gina.verified@example.test' })
      const r = await check(BED_USERS.gmailish, alias.id, true)
      expect(r.roundTrip).toMatchObject({ outcome: 'arrived', receivedFrom: 'gina.verified@example.test' })
    })

    it('an alias with its own SMTP login and secret sends through it (stored under <id>:alias:<aliasId>)', async () => {
      const other = BED_USERS.other
      const { account, alias } = await addAlias(BED_USERS.alice, {
        address: other.address,
        smtp: b.submission,
        smtpUsername: other.address,
        password: other.appPassword,
      })
      expect(await secrets.keys()).toContain(`${account.id}:alias:${alias.id}`)
      const r = await check(BED_USERS.alice, alias.id, true)
      expect(r.sender).toMatchObject({ ok: true, port: b.ports.submission })
      expect(r.roundTrip).toMatchObject({ outcome: 'arrived', receivedFrom: other.address })
      await call('removeAlias', { accountId: account.id, aliasId: alias.id })
      expect(await secrets.keys()).not.toContain(`${account.id}:alias:${alias.id}`)
    })

    it('a message that never arrives gives a clear timeout result within the limit, nothing left open', async () => {
      const { alias } = await addAlias(BED_USERS.lost, {
        address: BED_USERS.lost.address.replace('lost@', 'lost.alias@'),
      })
      const started = Date.now()
      const r = await check(BED_USERS.lost, alias.id, true)
      expect(r.sender).toMatchObject({ ok: true })
      expect(r.roundTrip).toMatchObject({ outcome: 'not-arrived' })
      expect(r.account.aliases.find((a) => a.id === alias.id)?.lastCheck?.roundTrip).toMatchObject({ ok: false })
      // the same proof as part of validate-and-save: nothing is saved when the message does not come
      const v = await call('validateAndSave', {
        email: BED_USERS.lost.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: BED_USERS.lost.appPassword,
        testId: 'lost-validate',
        validationMessage: true,
      })
      expect(v).toMatchObject({ saved: false, roundTrip: { outcome: 'not-arrived' } })
      expect(v.roundTrip?.title).toBe('The test message did not arrive within 4 seconds')
      expect(v.reason).toContain('Nothing was saved')
      expect(Date.now() - started).toBeLessThan(2 * ROUND_TRIP_LIMIT_MS + 5000)
      const active = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSSocketWrap')
      expect(active.length).toBeLessThanOrEqual(2)
    })

    it('cancelling during the round trip stops it at once and records nothing', async () => {
      const account = accounts.get(BED_USERS.lost.address)
      const { alias } = await addAlias(BED_USERS.lost, {
        address: BED_USERS.lost.address.replace('lost@', 'lost.cancel@'),
      })
      const testId = `alias-${alias.id}`
      let senderAccepted: () => void = () => undefined
      const levelOneDone = new Promise<void>((resolve) => (senderAccepted = resolve))
      const running = dispatch(
        handlers,
        'checkAlias',
        { accountId: account?.id, aliasId: alias.id, testId, roundTrip: true },
        { emit: (e) => e.stage === 'ready' && e.state === 'done' && senderAccepted() },
      )
      // level 1 is over (its last stage reported): the round trip is sending, then polling the inbox
      await Promise.race([
        levelOneDone,
        new Promise((_, reject) => setTimeout(() => reject(new Error('level 1 did not finish in 5 s')), 5000)),
      ])
      await new Promise((resolve) => setTimeout(resolve, 500))
      const cancelledAt = Date.now()
      expect(await call('cancelTest', { testId })).toEqual({ cancelled: true })
      const r = await running
      expect(Date.now() - cancelledAt).toBeLessThan(1000)
      expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      const after = await call('listAccounts', undefined)
      const kept = after.find((a) => a.id === account?.id)?.aliases.find((a) => a.id === alias.id)
      expect(kept).toBeDefined()
      expect(kept?.lastCheck).toBeNull()
    })

    it('validate and save: a failure saves nothing and says why; success saves and records the time', async () => {
      const twofa = BED_USERS.twofa
      const failed = await call('validateAndSave', {
        email: twofa.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: twofa.normalPassword,
        testId: 'validate-fail',
        validationMessage: true,
      })
      expect(failed).toMatchObject({ saved: false, report: { incoming: { cause: 'app_password_required' } } })
      expect(failed.account).toBeUndefined()
      expect((await call('listAccounts', undefined)).map((a) => a.email)).not.toContain(twofa.address)

      const before = Date.now()
      const ok = await call('validateAndSave', {
        email: twofa.address,
        providerId: 'gmail',
        incoming,
        outgoing,
        password: twofa.appPassword,
        testId: 'validate-ok',
        validationMessage: true,
      })
      expect(ok).toMatchObject({ saved: true, roundTrip: { outcome: 'arrived', receivedFrom: twofa.address } })
      expect(Date.parse(ok.account?.lastVerifiedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
    })

    it('sends a plain test message to any address, and names a refusal', async () => {
      const alice = accounts.get(BED_USERS.alice.address)
      const sent = await call('sendTestMessage', { accountId: alice?.id, to: 'someone@example.test' })
      expect(sent).toMatchObject({ sent: true, accepted: ['someone@example.test'] })
      const bob = (await call('listAccounts', undefined))
        .find((a) => a.id === alice?.id)
        ?.aliases.find((a) => a.address === 'bob@elsewhere.test')
      const refused = await call('sendTestMessage', {
        accountId: alice?.id,
        to: 'someone@example.test',
        aliasId: bob?.id,
      })
      expect(refused).toMatchObject({ sent: false, diagnosis: { cause: 'sender_not_allowed' } })
    })

    it('exports the identities as text without any secret, and the default alias', async () => {
      const alice = accounts.get(BED_USERS.alice.address)
      const list = await call('listAccounts', undefined)
      const sales = list.find((a) => a.id === alice?.id)?.aliases.find((a) => a.address === 'alice.sales@example.test')
      await call('setDefaultAlias', { accountId: alice?.id, aliasId: sales?.id })
      const { text } = await call('exportIdentities', { accountId: alice?.id })
      expect(text).toContain('Account: alice@example.test')
      expect(text).toContain('Test <alice.sales@example.test> (default From)')
      expect(text).toContain('not included')
      for (const u of Object.values(BED_USERS)) if ('appPassword' in u) expect(text).not.toContain(u.appPassword)
    })

    it('no settings file or IPC result carried a secret', () => {
      const files = readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n')
      const everything = files + JSON.stringify(handed)
      for (const u of Object.values(BED_USERS)) {
        if (!('appPassword' in u)) continue
        expect(everything).not.toContain(u.appPassword)
        expect(everything).not.toContain(Buffer.from(u.appPassword).toString('base64'))
      }
    })
  },
)
