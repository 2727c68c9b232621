import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { Group } from '../../src/shared/group.js'
import type { StageEvent } from '../../src/shared/report.js'
import { OFFICE_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const NEWCOMER = OFFICE_USERS[17]
const OTHER = OFFICE_USERS[18]

describe.skipIf(problem !== null)(
  `groups of accounts against the bed${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-groups-'))
    const secrets = scratchKeychain()
    let s: Services
    let office: Group

    beforeAll(async () => {
      if (!NEWCOMER || !OTHER) throw new Error('the bed has too few office users')
      s = createServices({
        store: openSettings(dir).store,
        secrets,
        trust: { ca: b.ca },
        openExternal: () => Promise.resolve(),
      })
      office = await s.groups.create({
        name: '  Front   desk ',
        defaults: { incoming: b.imaps, outgoing: b.submission },
      })
    })
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('a refused password saves nothing and says why (Dovecot and SMTP both asked)', async () => {
      const events: StageEvent[] = []
      const result = await s.groups.addMailbox(
        office.id,
        { email: NEWCOMER?.address ?? '', password: 'not-the-password', testId: 'group-wrong' },
        (e) => events.push(e),
      )
      expect(result.saved).toBe(false)
      expect(result.reason).toMatch(/nothing was saved/)
      expect(result.report.incoming).toMatchObject({
        ok: false,
        cause: 'invalid_credentials',
        credentialsRefused: true,
      })
      expect(result.report.incoming?.fix).toBeDefined()
      expect(result.report.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials' })
      // the live progress of both sides reached the caller
      expect(new Set(events.map((e) => e.side))).toEqual(new Set(['incoming', 'outgoing']))
      expect(s.accounts.findByEmail(NEWCOMER?.address ?? '')).toBeUndefined()
      expect(await secrets.keys()).toEqual([])
      expect(s.groups.list()[0]?.members).toEqual([])
    })

    it('the right password: both servers tested with the group defaults, saved verified into the group', async () => {
      const events: StageEvent[] = []
      const result = await s.groups.addMailbox(
        office.id,
        { email: ` ${NEWCOMER?.address ?? ''} `, password: NEWCOMER?.appPassword ?? '', testId: 'group-right' },
        (e) => events.push(e),
      )
      expect(result.saved).toBe(true)
      expect(result.report.incoming).toMatchObject({ ok: true, host: b.imaps.host, port: b.imaps.port })
      expect(result.report.outgoing).toMatchObject({ ok: true, port: b.submission.port, security: 'starttls' })
      expect(events.some((e) => e.testId === 'group-right' && e.state === 'done')).toBe(true)
      const saved = s.accounts.findByEmail(NEWCOMER?.address ?? '')
      expect(saved).toMatchObject({
        email: NEWCOMER?.address,
        username: NEWCOMER?.address,
        groupId: office.id,
        incoming: b.imaps,
        outgoing: b.submission,
        outgoingUsername: null,
      })
      expect(saved?.lastVerifiedAt).not.toBeNull()
      expect(s.groups.list()).toEqual([
        expect.objectContaining({
          name: 'Front desk',
          members: [{ id: saved?.id, email: NEWCOMER?.address, lastVerifiedAt: saved?.lastVerifiedAt, stale: false }],
        }),
      ])
      // adding an address that is saved already would replace its servers: refused
      await expect(
        s.groups.addMailbox(
          office.id,
          { email: NEWCOMER?.address ?? '', password: 'x', testId: 'group-again' },
          () => 0,
        ),
      ).rejects.toThrow(/already saved/)
    })

    it('the login rule of the defaults: only the part before the @ is refused by this Dovecot, and says so', async () => {
      const local = await s.groups.create({
        name: 'Local logins',
        defaults: { incoming: b.imaps, outgoing: b.smtps, login: 'local-part' },
      })
      const result = await s.groups.addMailbox(
        local.id,
        { email: OTHER?.address ?? '', password: OTHER?.appPassword ?? '', testId: 'group-local' },
        () => undefined,
      )
      // the bed's Dovecot knows whole addresses only: the short login is refused, nothing saved
      expect(result.saved).toBe(false)
      expect(result.report.incoming).toMatchObject({ ok: false, cause: 'invalid_credentials' })
      expect(s.accounts.findByEmail(OTHER?.address ?? '')).toBeUndefined()
      await s.groups.remove(local.id)
    })

    it('a check of the group covers its accounts only; removing the group keeps them, ungrouped', async () => {
      const outside = await s.accounts.save({
        email: OTHER?.address ?? '',
        providerId: null,
        incoming: b.imaps,
        outgoing: b.smtps,
        password: OTHER?.appPassword ?? '',
        verifiedAt: null,
      })
      const result = await s.checks.checkAll({ runId: 'group-check', scope: { kind: 'group', name: 'FRONT DESK' } })
      expect(result.rows.map((r) => r.email)).toEqual([NEWCOMER?.address])
      expect(result.totals).toMatchObject({ works: 1, stale: 0, failing: 0 })
      await expect(s.checks.checkAll({ runId: 'g2', scope: { kind: 'group', name: 'Back office' } })).rejects.toThrow(
        /no group named "Back office"\. The groups are: "Front desk"/,
      )
      // a group made from an account's servers, with a member moved in
      const copy = await s.groups.create({ name: 'Copy', fromAccountId: outside.id })
      expect(copy.defaults).toEqual({ incoming: b.imaps, outgoing: b.smtps, login: 'address' })
      s.groups.assign(outside.id, copy.id)
      expect(s.groups.list().map((g) => [g.name, g.members.length])).toEqual([
        ['Copy', 1],
        ['Front desk', 1],
      ])
      expect(await s.groups.remove(office.id)).toEqual({ removed: true, ungrouped: 1 })
      const kept = s.accounts.findByEmail(NEWCOMER?.address ?? '')
      expect(kept?.groupId).toBeNull()
      expect(await secrets.keys()).toContain(`${kept?.id ?? ''}:incoming`)
    })

    it('names: trimmed, unique case-blind, bounded; rename keeps the members', async () => {
      await expect(s.groups.create({ name: ' ', defaults: { incoming: b.imaps, outgoing: b.smtps } })).rejects.toThrow(
        /name/,
      )
      await expect(
        s.groups.create({ name: 'copy', defaults: { incoming: b.imaps, outgoing: b.smtps } }),
      ).rejects.toThrow(/already a group named "Copy"/)
      await expect(
        s.groups.create({ name: 'x'.repeat(81), defaults: { incoming: b.imaps, outgoing: b.smtps } }),
      ).rejects.toThrow(/at most 80/)
      const copy = s.groups.findByName('COPY')
      expect(copy).toBeDefined()
      const renamed = s.groups.rename(copy?.id ?? '', 'Client A')
      expect(s.groups.list()).toEqual([
        expect.objectContaining({ id: renamed.id, name: 'Client A', members: [expect.anything()] }),
      ])
      expect(() => s.groups.rename('nope', 'x')).toThrow(/no longer exists/)
    })
  },
)
