import { ImapFlow } from 'imapflow'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices, type Services } from '../../src/main/services.js'
import type { AccountView } from '../../src/shared/account.js'
import type { IncomingFilter } from '../../src/shared/filters/filter.js'
import type { PreviewedMessage } from '../../src/shared/filters/results.js'
import { deliver, type Delivery } from '../bed/deliver.js'
import { freePort } from '../bed/process.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const USER = BED_USERS.filtered

/**
 * The kinds of message a filter must tell apart, each with what an Ignore filter of FILTER does with
 * it: by address (in another case), by a subdomain, by a keyword holding a quote and a backslash, by a
 * keyword in an RFC 2047-encoded Subject, and two that must pass (a look-alike domain, and a keyword
 * that differs only in a non-ASCII letter's case, which Sieve's i;ascii-casemap does not fold).
 */
const KINDS: (Delivery & { verdict: 'allowed' | 'ignored'; rule: string | null })[] = [
  { from: 'Boss@Client.TEST', subject: 'Weekly plan', verdict: 'ignored', rule: 'addresses:boss@client.test' },
  { from: 'deals@news.shop.test', subject: 'Big sale', verdict: 'ignored', rule: 'domains:shop.test' },
  { from: 'friend@other.test', subject: 'Re: the "quoted" \\ path', verdict: 'ignored', rule: 'keywords:"quoted" \\' },
  { from: 'billing@vendor.test', subject: 'Ihre Rechnung für März', verdict: 'ignored', rule: 'keywords:RECHNUNG' },
  { from: 'someone@notshop.test', subject: 'Lunch?', verdict: 'allowed', rule: null },
  { from: 'shop@vendor.test', subject: 'Größe', verdict: 'allowed', rule: null },
]

const FILTER: IncomingFilter = {
  mode: 'ignore',
  addresses: ['boss@client.test'],
  domains: ['shop.test'],
  keywords: ['"quoted" \\', 'RECHNUNG', 'GRÖSSE'.replace('SS', 'ß')],
  ignored: { kind: 'folder', folder: 'Ignored' },
}

function ruleText(m: PreviewedMessage): string | null {
  return m.rule ? `${m.rule.list}:${m.rule.entry}` : null
}

describe.skipIf(problem !== null)(`incoming filters against Dovecot${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-filters-'))
  const secrets = scratchKeychain()
  let s: Services
  let account: AccountView
  let imap: ImapFlow

  /** Which folder holds the message with `messageId` right now (INBOX, Ignored, or none). */
  async function folderOf(messageId: string): Promise<string | null> {
    for (const folder of ['INBOX', 'Ignored']) {
      if (!(await imap.list()).some((m) => m.path === folder)) continue
      const lock = await imap.getMailboxLock(folder, { readOnly: true })
      try {
        // Dovecot takes in mail delivered by another process at the next sync: NOOP is one (RFC 3501 §6.1.2)
        await imap.noop()
        const found = (await imap.search({ header: { 'message-id': messageId } }, { uid: true })) || []
        if (found.length) return folder
      } finally {
        lock.release()
      }
    }
    return null
  }

  beforeAll(async () => {
    s = createServices({
      store: openSettings(dir).store,
      secrets,
      trust: { ca: b.ca },
      openExternal: () => Promise.resolve(),
    })
    account = await s.accounts.save({
      email: USER.address,
      providerId: 'gmail',
      incoming: b.imaps,
      outgoing: b.smtps,
      password: USER.appPassword,
      verifiedAt: null,
    })
    imap = new ImapFlow({
      host: b.host,
      port: b.ports.imaps,
      secure: true,
      auth: { user: USER.address, pass: USER.appPassword },
      tls: { ca: b.ca },
      logger: false,
    })
    await imap.connect()
  })

  afterAll(async () => {
    await imap?.logout().catch(() => imap.close())
    await secrets.clear()
    rmSync(dir, { recursive: true, force: true })
  })

  it('previews the newest messages of the real inbox: each allowed or ignored, by which rule, nothing marked read', async () => {
    for (const kind of KINDS) await deliver(b.ports.lmtp, USER.address, kind)
    await s.filters.set(account.id, FILTER)
    const preview = await s.filters.preview(account.id, 'preview-1')
    if (!preview.ok) throw new Error(preview.diagnosis.title)
    expect(preview.messages.length).toBeLessThanOrEqual(50)
    expect(preview.total).toBeGreaterThanOrEqual(KINDS.length)
    for (const kind of KINDS) {
      const shown = preview.messages.find((m) => m.subject === kind.subject)
      expect(shown, kind.subject).toBeDefined()
      expect({ subject: kind.subject, verdict: shown?.verdict, rule: shown && ruleText(shown) }).toEqual({
        subject: kind.subject,
        verdict: kind.verdict,
        rule: kind.rule,
      })
    }
    // newest first, and EXAMINE: nothing became \Seen
    expect(preview.messages[0]?.subject).toBe(KINDS.at(-1)?.subject)
    const lock = await imap.getMailboxLock('INBOX', { readOnly: true })
    try {
      const seen = (await imap.search({ seen: true }, { uid: true })) || []
      expect(seen).toEqual([])
    } finally {
      lock.release()
    }
  })

  it('an unsaved draft can be previewed, and a filter with more than 50 candidates reads only the newest 50', async () => {
    for (let i = 0; i < 46; i++)
      await deliver(b.ports.lmtp, USER.address, { from: 'bulk@list.test', subject: `Bulk ${i}` })
    const draft: IncomingFilter = { ...FILTER, mode: 'allow', addresses: [], domains: ['list.test'], keywords: [] }
    const preview = await s.filters.preview(account.id, 'preview-2', draft)
    if (!preview.ok) throw new Error(preview.diagnosis.title)
    expect(preview.messages).toHaveLength(50)
    expect(preview.messages[0]?.subject).toBe('Bulk 45')
    expect(preview.messages.filter((m) => m.verdict === 'allowed').every((m) => m.rule?.entry === 'list.test')).toBe(
      true,
    )
    expect(preview.messages.find((m) => m.subject === 'Lunch?')).toMatchObject({ verdict: 'ignored', rule: null })
    // the saved filter did not change
    expect(s.accounts.get(account.id).filter).toEqual(FILTER)
  })

  it('uploads the script over ManageSieve; new mail then lands exactly where the preview said', async () => {
    const { script } = s.filters.script(account.id)
    expect(script).toContain('header :contains "subject" ["\\"quoted\\" \\\\", "RECHNUNG", "GRÖßE"]')
    const upload = await s.filters.upload(account.id, 'upload-1', script, { host: b.host, port: b.ports.sieve })
    expect(upload).toMatchObject({
      uploaded: true,
      scriptName: 'mailkey',
      implementation: expect.stringContaining('Pigeonhole'),
    })
    const tag = ` #${Date.now()}`
    for (const kind of KINDS) {
      const id = await deliver(b.ports.lmtp, USER.address, { ...kind, subject: kind.subject + tag })
      expect({ subject: kind.subject, folder: await folderOf(id) }).toEqual({
        subject: kind.subject,
        folder: kind.verdict === 'ignored' ? 'Ignored' : 'INBOX',
      })
    }
  })

  it('an Allow filter that discards: only matching mail arrives, the rest is gone', async () => {
    const allow: IncomingFilter = {
      mode: 'allow',
      addresses: ['boss@client.test'],
      domains: [],
      keywords: ['urgent'],
      ignored: { kind: 'discard' },
    }
    await s.filters.set(account.id, allow)
    const { script } = s.filters.script(account.id)
    expect(script).not.toContain('fileinto')
    const upload = await s.filters.upload(account.id, 'upload-2', script, { host: b.host, port: b.ports.sieve })
    expect(upload.uploaded).toBe(true)
    const boss = await deliver(b.ports.lmtp, USER.address, { from: 'boss@client.test', subject: 'Plan' })
    const urgent = await deliver(b.ports.lmtp, USER.address, { from: 'x@else.test', subject: 'URGENT: call me' })
    const other = await deliver(b.ports.lmtp, USER.address, { from: 'x@else.test', subject: 'Newsletter' })
    expect(await folderOf(boss)).toBe('INBOX')
    expect(await folderOf(urgent)).toBe('INBOX')
    expect(await folderOf(other)).toBeNull()
  })

  it('says why an upload could not happen, and where to paste the script instead', async () => {
    const { script } = s.filters.script(account.id)
    const nothing = await s.filters.upload(account.id, 'upload-3', script, { host: b.host, port: await freePort() })
    expect(nothing).toMatchObject({
      uploaded: false,
      reason: 'not-offered',
      pasteAt: { text: expect.stringContaining('Gmail') },
    })

    await expect(
      s.filters.upload(account.id, 'upload-4', `${script}# changed\n`, { port: b.ports.sieve }),
    ).rejects.toThrow(/changed since its script was shown/)

    await expect(
      s.filters.upload(account.id, 'upload-6', script, { host: 'localhost', port: b.ports.sieve }),
    ).rejects.toThrow(/only to this account's own servers/)

    await s.credentials.storeShared(account.id, 'notthepassword12')
    try {
      const refused = await s.filters.upload(account.id, 'upload-5', script, { host: b.host, port: b.ports.sieve })
      expect(refused).toMatchObject({ uploaded: false, reason: 'refused' })
      const preview = await s.filters.preview(account.id, 'preview-3')
      expect(preview).toMatchObject({ ok: false, diagnosis: { cause: 'invalid_credentials' } })
    } finally {
      await s.credentials.storeShared(account.id, USER.appPassword)
    }
  })

  it('a POP3 account cannot be previewed, and a filter without entries makes no script', async () => {
    const pop = await s.accounts.save({
      email: BED_USERS.alice.address,
      providerId: 'gmail',
      incoming: b.pop3s,
      outgoing: b.smtps,
      password: BED_USERS.alice.appPassword,
      verifiedAt: null,
    })
    await s.filters.set(pop.id, FILTER)
    await expect(s.filters.preview(pop.id, 'preview-pop')).rejects.toThrow(/IMAP/)
    await s.filters.set(pop.id, { ...FILTER, mode: 'allow', addresses: [], domains: [], keywords: [] })
    expect(() => s.filters.script(pop.id)).toThrow(/would ignore every message/)
  })
})
