import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'plist'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices } from '../../src/main/services.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runCli, type CliRun } from './run-cli.js'

/** Issue 17: `mailkey export` and `mailkey import`, the built CLI on its own settings and keychain. */
const problem = await keychainProblem()

type Dict = Record<string, unknown>

describe.skipIf(problem !== null)(`mailkey export and import${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const root = mkdtempSync(join(tmpdir(), 'mailkey-cli-export-'))
  const from = { dir: join(root, 'from'), secrets: scratchKeychain() }
  const to = { dir: join(root, 'to'), secrets: scratchKeychain() }
  const run = (side: typeof from, args: string[]): Promise<CliRun> =>
    runCli(args, { MAILKEY_CONFIG_DIR: side.dir, MAILKEY_KEYCHAIN_SERVICE: side.secrets.service })

  beforeAll(async () => {
    const s = createServices({
      store: openSettings(from.dir).store,
      secrets: from.secrets,
      openExternal: () => Promise.resolve(),
    })
    const base = {
      providerId: null,
      incoming: { protocol: 'imap', host: 'mail.office.test', port: 993, security: 'tls' },
      outgoing: { host: 'mail.office.test', port: 587, security: 'starttls' },
      verifiedAt: null,
    } as const
    await s.accounts.save({ ...base, email: 'anna@office.test', password: 'anna-secret' })
    await s.accounts.save({ ...base, email: 'bert@office.test', username: 'bert', password: 'bert-secret' })
    await s.accounts.save({ ...base, email: 'cleo@home.test', password: 'cleo-secret' })
  })
  afterAll(async () => {
    await from.secrets.clear()
    await to.secrets.clear()
    rmSync(root, { recursive: true, force: true })
  })

  it('autoconfig for a domain: its accounts only, user names as placeholders, to stdout', async () => {
    const r = await run(from, ['export', '--domain', 'office.test', '--format', 'autoconfig'])
    expect(r.code).toBe(0)
    const p = (new XMLParser({ ignoreAttributes: false }).parse(r.stdout) as Dict)['clientConfig'] as Dict
    const provider = p['emailProvider'] as Dict
    expect(provider['domain']).toBe('office.test')
    expect((provider['incomingServer'] as Dict[]).map((s) => s['username'])).toEqual([
      '%EMAILADDRESS%',
      '%EMAILLOCALPART%',
    ])
    expect(r.stdout).not.toContain('home.test')
  })

  it('--all autoconfig across two domains: a usage error naming --domain', async () => {
    const r = await run(from, ['export', '--all', '--format', 'autoconfig'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/one domain/)
  })

  it('mobileconfig for all: one payload per account, no password', async () => {
    const out = join(root, 'all.mobileconfig')
    const r = await run(from, ['export', '--all', '--format', 'mobileconfig', '--output', out])
    expect(r.code).toBe(0)
    const payloads = (parse(readFileSync(out, 'utf8')) as Dict)['PayloadContent'] as Dict[]
    expect(payloads.map((p) => p['EmailAddress']).sort()).toEqual([
      'anna@office.test',
      'bert@office.test',
      'cleo@home.test',
    ])
    expect(readFileSync(out, 'utf8')).not.toMatch(/secret/)
  })

  it('sheet-pdf: a PDF file with a page per mailbox; never to stdout', async () => {
    expect((await run(from, ['export', '--all', '--format', 'sheet-pdf'])).code).toBe(2)
    const out = join(root, 'sheet.pdf')
    const r = await run(from, ['export', 'anna@office.test', '--format', 'sheet-pdf', '--output', out])
    expect(r.code).toBe(0)
    const pdf = readFileSync(out)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Page\b/)
  })

  it('--include-secrets: only with --output, warned, file for its owner only', async () => {
    const printed = await run(from, ['export', '--all', '--format', 'json', '--include-secrets'])
    expect(printed.code).toBe(2)
    expect(printed.stdout).toBe('')
    const sheet = await run(from, [
      'export',
      '--all',
      '--format',
      'sheet-html',
      '--include-secrets',
      '--output',
      join(root, 'x.html'),
    ])
    expect(sheet.code).toBe(2)
    const out = join(root, 'with.json')
    const r = await run(from, ['export', 'anna@office.test', '--format', 'json', '--include-secrets', '--output', out])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/WARNING: .* holds the saved passwords in plain text/)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readFileSync(out, 'utf8')).toContain('anna-secret')
  })

  it('json export → import elsewhere: exit 0, each account needing its password; again: exit 1, duplicates', async () => {
    const out = join(root, 'accounts.json')
    expect((await run(from, ['export', '--all', '--format', 'json', '--output', out])).code).toBe(0)
    expect(readFileSync(out, 'utf8')).not.toMatch(/secret/)
    const r = await run(to, ['import', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Imported 3 accounts:/)
    expect(r.stdout).toContain('mailkey credentials reset bert@office.test --password-stdin')
    const list = JSON.parse((await run(to, ['credentials', 'list', '--json'])).stdout) as unknown
    expect(JSON.stringify(list)).toContain('bert@office.test')

    const again = await run(to, ['import', out, '--json'])
    expect(again.code).toBe(1)
    const outcome = JSON.parse(again.stdout) as { imported: boolean; problems: { path: string }[] }
    expect(outcome.imported).toBe(false)
    expect(outcome.problems.map((p) => p.path)).toEqual(['accounts[0].email', 'accounts[1].email', 'accounts[2].email'])
  })

  it('bad files: not JSON and 10 MB refused with exit 1; no file and no argument are usage errors', async () => {
    const junk = join(root, 'junk.json')
    writeFileSync(junk, 'not json at all')
    const j = await run(to, ['import', junk])
    expect(j.code).toBe(1)
    expect(j.stdout).toMatch(/Nothing imported.*\n {2}This file is not JSON/)
    const big = join(root, 'big.json')
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024, 0x20))
    const b = await run(to, ['import', big])
    expect(b.code).toBe(1)
    expect(b.stdout).toMatch(/10\.0 MB; a Mailkey accounts file is at most 2\.0 MB/)
    expect((await run(to, ['import', join(root, 'missing.json')])).code).toBe(2)
    expect((await run(to, ['import'])).code).toBe(2)
    expect((await run(to, ['export', '--format', 'json'])).code).toBe(2)
    expect((await run(to, ['export', '--all', '--format', 'docx'])).code).toBe(2)
  })

  it('an OAuth account exported and imported: "sign in with" its provider and the oauth authorize line, no password asked', async () => {
    const oauthFrom = { dir: join(root, 'oauth-from'), secrets: scratchKeychain() }
    const oauthTo = { dir: join(root, 'oauth-to'), secrets: scratchKeychain() }
    try {
      const s = createServices({
        store: openSettings(oauthFrom.dir).store,
        secrets: oauthFrom.secrets,
        openExternal: () => Promise.resolve(),
      })
      await s.accounts.save({
        email: 'dora@gmail.com',
        providerId: 'gmail',
        incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
        outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
        oauth: {
          settings: {
            provider: 'google',
            clientId: '42-x.apps.googleusercontent.com',
            authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
            tokenEndpoint: 'https://oauth2.googleapis.com/token',
            revocationEndpoint: null,
            scope: 'https://mail.google.com/',
            issuer: null,
            grantedScope: 'https://mail.google.com/',
            hasClientSecret: true,
          },
          secrets: { refreshToken: 'dora-refresh-token', clientSecret: 'dora-client-secret' },
        },
        verifiedAt: null,
      })
      const out = join(root, 'oauth.json')
      expect((await run(oauthFrom, ['export', '--all', '--format', 'json', '--output', out])).code).toBe(0)
      expect(readFileSync(out, 'utf8')).not.toMatch(/dora-refresh-token|dora-client-secret/)
      const r = await run(oauthTo, ['import', out])
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('  dora@gmail.com (sign in with Google)')
      expect(r.stdout).toContain('  mailkey oauth authorize dora@gmail.com --client-secret-stdin')
      expect(r.stdout).not.toMatch(/password/)
    } finally {
      await oauthFrom.secrets.clear()
      await oauthTo.secrets.clear()
    }
  })
})
