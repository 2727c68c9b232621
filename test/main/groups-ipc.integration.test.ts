import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { OFFICE_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { ipcHarness } from './ipc-harness.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const MEMBER = OFFICE_USERS[18]

describe.skipIf(problem !== null)(`groups over IPC${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-groups-ipc-'))
  const secrets = scratchKeychain()
  const ipc = ipcHarness({ dir, secrets, trust: { ca: b.ca } })
  afterAll(async () => {
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses bad input at the contract with the field named, and plaintext without the opt-in', async () => {
    const plain = { ...b.imaps, security: 'none' as const }
    for (const [method, input, field] of [
      ['createGroup', { name: ' ', defaults: { incoming: b.imaps, outgoing: b.smtps } }, 'name'],
      ['createGroup', { name: 'x'.repeat(81), defaults: { incoming: b.imaps, outgoing: b.smtps } }, 'name'],
      ['createGroup', { name: 'A', defaults: { incoming: plain, outgoing: b.smtps } }, ''],
      ['createGroup', { name: 'A', defaults: { incoming: b.imaps, outgoing: b.smtps, proxy: 'x' } }, 'defaults'],
      // the page cannot hand a group office options (pins it never saw): those come from a tested account
      [
        'createGroup',
        {
          name: 'A',
          defaults: {
            incoming: b.imaps,
            outgoing: b.smtps,
            connection: { proxy: null, minTls: [], cas: [], pins: [] },
          },
        },
        'defaults',
      ],
      ['addToGroup', { groupId: 'g', testId: 't', email: 'not-an-address', password: 'x' }, 'email'],
      ['addToGroup', { groupId: 'g', testId: 't', email: 'a@example.test', password: '' }, 'password'],
      ['removeGroup', { id: '../x' }, 'id'],
    ] as const) {
      await expect(ipc.call(method, input)).rejects.toThrow(/INVALID_INPUT/)
      const last = ipc.results.at(-1)
      expect(last?.ok).toBe(false)
      if (field && last && !last.ok) expect(JSON.stringify(last.error)).toContain(field)
    }
    expect(await ipc.call('listGroups', undefined)).toEqual({ groups: [] })
  })

  it('create, add a mailbox (live stages, saved into the group), list, remove keeps the account', async () => {
    const group = await ipc.call('createGroup', {
      name: 'Office',
      defaults: { incoming: b.imapStarttls, outgoing: b.smtps },
    })
    const added = await ipc.call('addToGroup', {
      groupId: group.id,
      testId: 'ipc-add',
      email: MEMBER?.address ?? '',
      password: MEMBER?.appPassword ?? '',
    })
    expect(added.saved).toBe(true)
    expect(added.account).toMatchObject({ groupId: group.id, incoming: b.imapStarttls, secrets: { incoming: true } })
    expect(ipc.events.filter((e) => e.testId === 'ipc-add').length).toBeGreaterThan(2)
    const { groups } = await ipc.call('listGroups', undefined)
    expect(groups.map((g) => [g.name, g.members.map((m) => m.email)])).toEqual([['Office', [MEMBER?.address]]])
    expect(await ipc.call('removeGroup', { id: group.id })).toEqual({ removed: true, ungrouped: 1 })
    const accounts = await ipc.call('listAccounts', undefined)
    expect(accounts.map((a) => [a.email, a.groupId])).toEqual([[MEMBER?.address, null]])
    await expect(ipc.call('assignGroup', { accountId: accounts[0]?.id, groupId: group.id })).rejects.toThrow(
      /NOT_FOUND/,
    )
  })
})
