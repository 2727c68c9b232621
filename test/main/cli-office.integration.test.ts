import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { createServices } from '../../src/main/services.js'
import { PROXIED_NAME } from '../bed/certs.js'
import { recordingSocks5, type RecordingProxy } from '../bed/proxies.js'
import { tlsFront, type TlsFront } from '../bed/tls-front.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'
import { runCli, type CliRun } from './run-cli.js'

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
const AUTH = { user: 'office', password: 'proxy pw:2' }

/** `mailkey test` with the office flags (issue 16's contract), the real CLI as built. */
// each case starts the CLI a few times (a Node start each): more room than the default 30 s on a busy machine
describe.skipIf(problem !== null)(
  `mailkey test: office options${problem ? ` (skipped: ${problem})` : ''}`,
  { timeout: 90_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-office-'))
    const secrets = scratchKeychain()
    let stops: (() => Promise<void>)[] = []

    const mailkey = (args: string[], stdin: string, env: Record<string, string> = {}): Promise<CliRun> =>
      runCli(
        ['test', '--email', alice.address, ...args],
        { NODE_EXTRA_CA_CERTS: b.caPath, MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: secrets.service, ...env },
        stdin,
      )

    beforeAll(() => {
      if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    })
    afterEach(async () => {
      await Promise.all(stops.map((s) => s()))
      stops = []
    })
    afterAll(async () => {
      await secrets.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    async function socks(): Promise<RecordingProxy> {
      const p = await recordingSocks5({ auth: AUTH, names: { [PROXIED_NAME]: '127.0.0.1' } })
      stops.push(() => p.stop())
      return p
    }
    async function front(opts: Omit<Parameters<typeof tlsFront>[0], 'ca'>): Promise<TlsFront> {
      const f = await tlsFront({ ...opts, ca: b.ca })
      stops.push(() => f.close())
      return f
    }

    const byName = [
      '--imap',
      `${PROXIED_NAME}:${b.ports.imaps}`,
      '--incoming-security',
      'tls',
      '--smtp',
      `${PROXIED_NAME}:${b.ports.submission}`,
      '--outgoing-security',
      'starttls',
    ]

    it('--proxy with --proxy-password-stdin: two lines on stdin, the name goes to the proxy, JSON says via and capabilities', async () => {
      const p = await socks()
      const r = await mailkey(
        [
          '--password-stdin',
          '--proxy-password-stdin',
          '--json',
          '--proxy',
          `socks5://office@127.0.0.1:${p.port}`,
          ...byName,
        ],
        `${alice.appPassword}\n${AUTH.password}\n`,
      )
      expect(r.stderr).toBe('')
      // the CLI's own words with the code, so a failure on a loaded machine says why
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toMatchObject({ code: 0 })
      const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>
      for (const side of ['incoming', 'outgoing']) {
        expect(out[side]).toMatchObject({
          ok: true,
          via: `socks5://office@127.0.0.1:${p.port}`,
          capabilities: expect.any(Object),
        })
      }
      expect(out['incoming']?.['capabilities']).toMatchObject({ protocol: 'imap', idle: true })
      expect(out['outgoing']?.['capabilities']).toMatchObject({ protocol: 'smtp', sizeMb: 34.2 })
      expect(p.requests).toEqual(
        expect.arrayContaining([
          { form: 'name', host: PROXIED_NAME, port: b.ports.imaps },
          { form: 'name', host: PROXIED_NAME, port: b.ports.submission },
        ]),
      )
      expect(r.stdout).not.toContain(AUTH.password)
    })

    it('the two-line rule and the flag pairs are usage errors (exit 2), before any connection', async () => {
      const p = await socks()
      const oneLine = await mailkey(
        ['--password-stdin', '--proxy-password-stdin', '--proxy', `socks5://office@127.0.0.1:${p.port}`, ...byName],
        alice.appPassword,
      )
      expect(oneLine).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('first line and the proxy password on the second'),
      })
      const noPassword = await mailkey(
        ['--password-stdin', '--proxy', `socks5://office@127.0.0.1:${p.port}`, ...byName],
        alice.appPassword,
      )
      expect(noPassword).toMatchObject({ code: 2, stderr: expect.stringContaining('--proxy-password-stdin') })
      const inUrl = await mailkey(
        ['--password-stdin', '--proxy', `socks5://office:secret@127.0.0.1:${p.port}`, ...byName],
        alice.appPassword,
      )
      expect(inUrl).toMatchObject({ code: 2, stderr: expect.stringContaining('not in the URL') })
      const badTls = await mailkey(['--password-stdin', '--min-tls', '1.4', ...byName], alice.appPassword)
      expect(badTls.code).toBe(2)
      const badPin = await mailkey(['--password-stdin', '--pin', 'sha256/short', ...byName], alice.appPassword)
      expect(badPin.code).toBe(2)
      expect(p.requests).toEqual([])
    })

    it('--pin trusts a self-signed server by its key (full handshake); another key stops with both pins', async () => {
      const self = await front({ cert: b.certs.selfSigned, upstreamPort: b.ports.imaps })
      const args = [
        '--password-stdin',
        '--json',
        '--only',
        'incoming',
        '--imap',
        `127.0.0.1:${self.port}`,
        '--incoming-security',
        'tls',
      ]
      const unpinned = await mailkey(args, alice.appPassword)
      expect(unpinned.code).toBe(1)
      const untrusted = JSON.parse(unpinned.stdout) as { incoming: { cause: string; certificate: { spki: string } } }
      expect(untrusted.incoming.cause).toBe('certificate_untrusted')
      const pin = untrusted.incoming.certificate.spki
      const pinned = await mailkey([...args, '--pin', pin], alice.appPassword)
      expect({ code: pinned.code, stdout: pinned.stdout, stderr: pinned.stderr }).toMatchObject({ code: 0 })
      const other = await mailkey(
        [...args, '--pin', 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
        alice.appPassword,
      )
      expect(other.code).toBe(1)
      expect(JSON.parse(other.stdout)).toMatchObject({
        incoming: { cause: 'certificate_untrusted', title: `The certificate of 127.0.0.1:${self.port} changed` },
      })
    })

    it('--min-tls: 1.1 passes a TLS-1.1-only server, 1.3 names the 1.2-only one; --ca trusts an office CA', async () => {
      const old = await front({
        cert: b.certs.server,
        upstreamPort: b.ports.imaps,
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.1',
      })
      const imap = ['--only', 'incoming', '--imap', `127.0.0.1:${old.port}`, '--incoming-security', 'tls']
      expect((await mailkey(['--password-stdin', '--json', ...imap], alice.appPassword)).code).toBe(1)
      expect((await mailkey(['--password-stdin', '--min-tls', '1.1', ...imap], alice.appPassword)).code).toBe(0)
      const twelve = await front({ cert: b.certs.server, upstreamPort: b.ports.smtps, maxVersion: 'TLSv1.2' })
      const smtp = ['--only', 'outgoing', '--smtp', `127.0.0.1:${twelve.port}`, '--outgoing-security', 'tls']
      const r = await mailkey(['--password-stdin', '--min-tls', '1.3', ...smtp], alice.appPassword)
      expect(r.code).toBe(1)
      expect(r.stdout).toContain('The server only speaks TLS 1.2 [tls_version_unsupported]')
      expect(r.stdout).toContain(`Fix: Allow TLS 1.2 for 127.0.0.1:${twelve.port} only`)
      // the bed's CA as an office CA, with Node's own trust store only (no NODE_EXTRA_CA_CERTS)
      const caFile = join(dir, 'office-ca.pem')
      writeFileSync(caFile, b.ca)
      const direct = ['--only', 'incoming', '--imap', `127.0.0.1:${b.ports.imaps}`, '--incoming-security', 'tls']
      expect(
        (await mailkey(['--password-stdin', ...direct], alice.appPassword, { NODE_EXTRA_CA_CERTS: '' })).code,
      ).toBe(1)
      expect(
        (await mailkey(['--password-stdin', '--ca', caFile, ...direct], alice.appPassword, { NODE_EXTRA_CA_CERTS: '' }))
          .code,
      ).toBe(0)
    })

    it('--save stores the options on the saved account (the proxy password in the keychain)', async () => {
      const s = createServices({ store: openSettings(dir).store, secrets, openExternal: () => Promise.resolve() })
      const account = await s.accounts.save({
        email: alice.address,
        providerId: 'gmail',
        incoming: { ...b.imaps, host: PROXIED_NAME },
        outgoing: { ...b.submission, host: PROXIED_NAME },
        password: alice.appPassword,
        verifiedAt: null,
      })
      const p = await socks()
      const r = await mailkey(
        [
          '--password-stdin',
          '--proxy-password-stdin',
          '--save',
          '--min-tls',
          '1.3',
          '--proxy',
          `socks5://office@127.0.0.1:${p.port}`,
          ...byName,
        ],
        `${alice.appPassword}\n${AUTH.password}\n`,
      )
      // the CLI's own words with the code, so a failure on a loaded machine says why
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toMatchObject({ code: 0 })
      expect(r.stderr).toContain(`saved the connection options on ${alice.address}`)
      const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
        accounts: { connection: unknown }[]
      }
      expect(saved.accounts[0]?.connection).toMatchObject({
        proxy: { kind: 'socks5', host: '127.0.0.1', port: p.port, username: 'office' },
        minTls: [
          { host: PROXIED_NAME, port: b.ports.imaps, version: '1.3' },
          { host: PROXIED_NAME, port: b.ports.submission, version: '1.3' },
        ],
      })
      expect(await secrets.get(`${account.id}:proxy`)).toBe(AUTH.password)
    })
  },
)
