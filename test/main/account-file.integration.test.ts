import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { openWithDialog } from '../../src/main/open-file.js'
import type { Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { ImportOutcome } from '../../src/shared/export.js'
import { exported, portable, useProfiles } from './account-file-profile.js'
import { keychainProblem } from './keychain.js'

/**
 * Issue 17, "Export for other devices": Mailkey's own accounts file, exported and imported back into a
 * fresh profile (settings folder and keychain), all or nothing, every problem with its field.
 */
const problem = await keychainProblem()

const OFFICE = {
  email: 'anna@office.test',
  displayName: 'Anna Ångström',
  username: 'anna@office.test',
  providerId: null,
  incoming: { protocol: 'imap', host: 'mail.office.test', port: 993, security: 'tls' },
  outgoing: { host: 'mail.office.test', port: 587, security: 'starttls' },
  outgoingUsername: null,
  aliases: [],
  filter: null,
} as const

function refusedWith(outcome: ImportOutcome): { path: string; message: string }[] {
  if (outcome.imported) throw new Error('the file was imported')
  return outcome.problems
}

describe.skipIf(problem !== null)(`Mailkey accounts file${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const { fresh, tracked } = useProfiles()
  let source: Services
  let target: Services

  beforeEach(async () => {
    source = fresh()
    target = fresh()
    await source.accounts.save({ ...OFFICE, password: 'anna-secret', verifiedAt: '2026-11-01T00:00:00.000Z' })
    const relay = await source.accounts.save({
      email: 'bob@shop.test',
      username: 'bob',
      providerId: null,
      incoming: { protocol: 'pop3', host: 'pop.shop.test', port: 995, security: 'tls' },
      outgoing: { host: 'smtp.relay.test', port: 2525, security: 'starttls' },
      outgoingUsername: 'apikey',
      password: 'bob-secret',
      outgoingPassword: 'relay-key',
      verifiedAt: null,
    })
    source.accounts.update({
      ...source.accounts.get(relay.id),
      aliases: [
        {
          id: 'al1',
          name: 'Shop',
          address: 'sales@shop.test',
          replyTo: null,
          treatAsAlias: true,
          smtp: null,
          smtpUsername: null,
          isDefault: true,
          lastCheck: null,
        },
      ],
      filter: {
        mode: 'ignore',
        addresses: ['spam@ads.test'],
        domains: ['ads.test'],
        keywords: ['Rabatt'],
        ignored: { kind: 'folder', folder: 'Ignored' },
      },
    })
  })

  it('export → import into a fresh profile: the same accounts, no secret, each needing its password', async () => {
    const doc = await exported(source)
    expect(doc.content).not.toMatch(/anna-secret|bob-secret|relay-key/)
    const file = JSON.parse(doc.content) as { format: string; version: number; accounts: unknown[] }
    expect(file).toMatchObject({ format: 'mailkey-accounts', version: 1 })
    expect(file.accounts).toHaveLength(2)

    const outcome = await target.importAccounts(doc.content)
    expect(outcome).toMatchObject({ imported: true })
    if (!outcome.imported) return
    expect(outcome.accounts.map((a) => [a.email, a.needsPassword])).toEqual([
      ['anna@office.test', true],
      ['bob@shop.test', true],
    ])
    const byEmail = (list: AccountView[]) => [...list].sort((a, b) => a.email.localeCompare(b.email)).map(portable)
    expect(byEmail(await target.accounts.list())).toEqual(byEmail(await source.accounts.list()))
    // saved without a secret: the keychain door says so, and a test says "enter it again"
    for (const view of await target.accounts.list()) {
      expect(view.secrets.incoming).toBe(false)
      expect(view.lastVerifiedAt).toBeNull()
      await expect(target.credentials.logins(view)).rejects.toThrow(/missing from the keychain/)
    }
    // then the password is entered: the one saving path keeps the imported settings
    const anna = target.accounts.findByEmail('anna@office.test')
    if (!anna) throw new Error('anna not imported')
    await target.accounts.save({ ...OFFICE, accountId: anna.id, password: 'anna-secret', verifiedAt: null })
    expect((await target.accounts.view(target.accounts.get(anna.id))).secrets.incoming).toBe(true)
    expect(target.accounts.get(anna.id).displayName).toBe('Anna Ångström')
  })

  it('with secrets, asked for: the file says so in its name and carries both passwords; import stores them', async () => {
    const doc = await exported(source, true)
    expect(doc.fileName).toMatch(/WITH PASSWORDS/)
    expect(doc.content).toContain('anna-secret')
    expect(doc.content).toContain('relay-key')
    const outcome = await target.importAccounts(doc.content)
    expect(outcome.imported && outcome.accounts.every((a) => !a.needsPassword)).toBe(true)
    const bob = target.accounts.findByEmail('bob@shop.test')
    if (!bob) throw new Error('bob not imported')
    expect(await target.credentials.logins(bob)).toEqual({
      incoming: { username: 'bob', password: 'bob-secret' },
      outgoing: { username: 'apikey', password: 'relay-key' },
    })
  })

  it('refuses secrets for a format with no place for them, rather than leaving them out silently', async () => {
    await expect(source.buildExport({ format: 'setup-sheet', includeSecrets: true })).rejects.toThrow(
      /can carry passwords/,
    )
  })

  it('the app’s Import…: the Open dialog’s file, its name back (never its folder); too big: refused unread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-open-'))
    const path = join(dir, 'office.mailkey.json')
    writeFileSync(path, (await exported(source)).content)
    const dialogs: string[] = []
    const make = (file: string) => {
      const p = tracked()
      p.services.openFile = openWithDialog({
        showOpenDialog: (options) => {
          dialogs.push(options.title)
          return Promise.resolve({ canceled: false, filePaths: [file] })
        },
      })
      return p.services
    }
    const app = make(path)
    const result = await app.importFromFile()
    expect(result).toMatchObject({ imported: true, fileName: 'office.mailkey.json' })
    expect(dialogs).toEqual(['Import Mailkey accounts'])
    const big = join(dir, 'big.json')
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024, 0x20))
    const refused = await make(big).importFromFile()
    expect(refused).toEqual({
      imported: false,
      fileName: 'big.json',
      problems: [{ path: '', message: expect.stringMatching(/10\.0 MB/) }],
    })
    rmSync(dir, { recursive: true, force: true })
  })

  describe('bad input: a clear message, nothing saved', () => {
    const valid = () => ({ format: 'mailkey-accounts', version: 1, accounts: [OFFICE] })
    const nothingSaved = async () => expect(await target.accounts.list()).toEqual([])

    it('not JSON', async () => {
      const problems = refusedWith(await target.importAccounts('{"format": "mailkey-accounts", '))
      expect(problems).toEqual([{ path: '', message: expect.stringMatching(/^This file is not JSON/) }])
      await nothingSaved()
    })

    it('JSON of something else', async () => {
      const problems = refusedWith(await target.importAccounts('[1,2,3]'))
      expect(problems[0]?.message).toMatch(/expected object/i)
      await nothingSaved()
    })

    it('a future version: refused whole, with what to do', async () => {
      const problems = refusedWith(
        await target.importAccounts(JSON.stringify({ ...valid(), version: 2, accounts: [{ anything: 1 }] })),
      )
      expect(problems).toEqual([{ path: 'version', message: expect.stringMatching(/newer Mailkey.*Update Mailkey/) }])
      await nothingSaved()
    })

    it('unknown fields, at the root and in an account, each named with its path', async () => {
      const file = { ...valid(), note: 'x', accounts: [{ ...OFFICE, password: 'p' }] }
      const problems = refusedWith(await target.importAccounts(JSON.stringify(file)))
      expect(problems.map((p) => p.path).sort()).toEqual(['accounts[0].password', 'note'])
      expect(problems[0]?.message).toMatch(/Unknown field/)
      await nothingSaved()
    })

    it('every error reported with its field, and the good accounts not saved either', async () => {
      const file = {
        ...valid(),
        accounts: [
          OFFICE,
          { ...OFFICE, email: 'carl@office.test', incoming: { ...OFFICE.incoming, port: 99999 } },
          { ...OFFICE, email: 'not an address', outgoing: { ...OFFICE.outgoing, security: 'ssl' } },
        ],
      }
      const problems = refusedWith(await target.importAccounts(JSON.stringify(file)))
      expect(problems.map((p) => p.path)).toEqual([
        'accounts[1].incoming.port',
        'accounts[2].email',
        'accounts[2].outgoing.security',
      ])
      expect(problems[0]?.message).toMatch(/between 1 and 65535/)
      await nothingSaved()
    })

    it('duplicates: twice in the file, and already saved', async () => {
      await target.accounts.save({ ...OFFICE, password: 'kept', verifiedAt: null })
      const before = await target.accounts.list()
      const file = {
        ...valid(),
        accounts: [{ ...OFFICE, email: 'dora@office.test' }, { ...OFFICE, email: 'DORA@office.test' }, OFFICE],
      }
      const problems = refusedWith(await target.importAccounts(JSON.stringify(file)))
      expect(problems).toEqual([
        { path: 'accounts[1].email', message: expect.stringMatching(/twice \(also accounts\[0\]\)/) },
        { path: 'accounts[2].email', message: expect.stringMatching(/already saved/) },
      ])
      expect(await target.accounts.list()).toEqual(before)
      expect((await target.credentials.logins(before[0])).incoming).toMatchObject({ password: 'kept' })
    })

    it('a 10 MB file: refused by its size before it is parsed', async () => {
      const big = JSON.stringify({ ...valid(), padding: 'x'.repeat(10 * 1024 * 1024) })
      const problems = refusedWith(await target.importAccounts(big))
      expect(problems).toEqual([
        { path: '', message: expect.stringMatching(/10\.0 MB.*at most 2\.0 MB.*Nothing was read/) },
      ])
      await nothingSaved()
    })

    it('a keyword list with 10,000 entries: the filter limit, named at its list', async () => {
      const keywords = Array.from({ length: 10_000 }, (_, i) => `word${i}`)
      const file = {
        ...valid(),
        accounts: [
          { ...OFFICE, filter: { mode: 'ignore', addresses: [], domains: [], keywords, ignored: { kind: 'discard' } } },
        ],
      }
      const text = JSON.stringify(file)
      expect(text.length).toBeLessThan(2 * 1024 * 1024)
      const problems = refusedWith(await target.importAccounts(text))
      expect(problems).toEqual([
        { path: 'accounts[0].filter.keywords', message: expect.stringMatching(/at most 1,000 entries/) },
      ])
      await nothingSaved()
    })
  })
})
