import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BED_OAUTH_CLIENTS } from '../bed/oauth-mock.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()
const b = bed()
const alice = BED_USERS.alice
const CLI = 'bin/mailkey.js'

interface Run {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  /** What the "browser" saw: the URL printed on stderr, and the authorization code it carried back. */
  url?: string
  code2?: string
}

/**
 * Runs the real CLI (built by `npm run build`). With `browse`, a stand-in for the user's browser
 * reads the one-line authorization URL from stderr, fetches it (the bed signs in at once) and follows
 * the redirect to the CLI's loopback listener.
 */
function mailkey(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { stdin?: string; browse?: boolean } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: b.caPath, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const run: Partial<Run> = {}
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString()
      const line = /^(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)\n/m.exec(stderr)?.[1]
      if (opts.browse && line && run.url === undefined) {
        run.url = line
        void (async () => {
          const r = await fetch(line, { redirect: 'manual' })
          const location = new URL(r.headers.get('location') ?? '')
          run.code2 = location.searchParams.get('code') ?? undefined
          await fetch(location)
        })()
      }
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ ...run, code, stdout, stderr, ms: Math.round(performance.now() - t0) })
    })
    child.stdin.end(opts.stdin ?? '')
  })
}

describe.skipIf(problem !== null)(
  `mailkey oauth and test --auth oauth2${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-oauth-'))
    const keychain = scratchKeychain()
    const env = { MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: keychain.service }
    const bedClient = [
      '--provider',
      'custom',
      '--client-id',
      BED_OAUTH_CLIENTS.confidential.clientId,
      '--client-secret-stdin',
      '--auth-url',
      `${b.oauth.url}/authorize`,
      '--token-url',
      `${b.oauth.url}/token`,
      '--scope',
      b.oauth.scope,
    ]
    const servers = (incoming: string): string[] => [
      incoming,
      '--incoming-security',
      'tls',
      '--smtp',
      `127.0.0.1:${b.ports.smtps}`,
      '--outgoing-security',
      'tls',
    ]
    const runs: Run[] = []

    beforeAll(() => {
      if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
    })
    afterAll(async () => {
      await keychain.clear()
      rmSync(dir, { recursive: true, force: true })
    })

    it('authorize --no-browser prints the URL alone on stderr, saves the sign-in; test --auth oauth2 passes on IMAP, POP3 and SMTP', async () => {
      const auth = await mailkey(['oauth', 'authorize', alice.address, ...bedClient, '--no-browser', '--json'], env, {
        stdin: `${BED_OAUTH_CLIENTS.confidential.secret}\n`,
        browse: true,
      })
      runs.push(auth)
      expect(auth.code).toBe(0)
      expect(auth.stderr).toBe(`${auth.url}\n`)
      const out = JSON.parse(auth.stdout) as { expiresIn: number }
      expect(out).toEqual({ ok: true, provider: 'custom', scope: b.oauth.scope, expiresIn: out.expiresIn })
      expect(out.expiresIn).toBeGreaterThan(3500)
      expect(out.expiresIn).toBeLessThanOrEqual(3600)
      const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
        oauthGrants: { id: string; email: string; oauth: { clientId: string; hasClientSecret: boolean } }[]
      }
      const grant = settings.oauthGrants[0]
      expect(grant).toMatchObject({
        email: alice.address,
        oauth: { clientId: BED_OAUTH_CLIENTS.confidential.clientId, hasClientSecret: true },
      })
      expect((await keychain.keys()).sort()).toEqual([`${grant.id}:oauth-client-secret`, `${grant.id}:oauth-refresh`])

      const imap = await mailkey(
        [
          'test',
          '--email',
          alice.address,
          '--auth',
          'oauth2',
          '--json',
          ...servers(`--imap=127.0.0.1:${b.ports.imaps}`),
        ],
        env,
      )
      runs.push(imap)
      expect(imap.code).toBe(0)
      const report = JSON.parse(imap.stdout) as Record<string, { ok: boolean; stages: { stage: string }[] }>
      expect(report['incoming']?.ok && report['outgoing']?.ok).toBe(true)
      expect(report['incoming']?.stages[0]?.stage).toBe('authorizing')

      const pop3 = await mailkey(
        ['test', '--email', alice.address, '--auth', 'oauth2', ...servers(`--pop3=127.0.0.1:${b.ports.pop3s}`)],
        env,
      )
      runs.push(pop3)
      expect(pop3.code).toBe(0)
      expect(pop3.stdout).toMatch(
        /Incoming {2}POP3 .* OK in \d+ ms\n(?: {2}Offers: .*\n)?Outgoing {2}SMTP .* OK in \d+ ms/,
      )
      console.info(`[cli oauth timings, ms] authorize ${auth.ms}, test IMAP+SMTP ${imap.ms}, test POP3+SMTP ${pop3.ms}`)

      // nothing the CLI printed carries the client secret, a token or the authorization code
      const printed = runs.map((r) => r.stdout + r.stderr.replace(r.url ?? '', '')).join('\n')
      const refresh = await keychain.get(`${grant.id}:oauth-refresh`)
      for (const secret of [BED_OAUTH_CLIENTS.confidential.secret, refresh!, auth.code2!])
        expect(printed).not.toContain(secret)
    })

    it('revoke ends the saved sign-in; a test then says there is none (exit 1)', async () => {
      const r = await mailkey(['oauth', 'revoke', alice.address, '--json'], env)
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, revoked: false })
      expect(await keychain.keys()).toEqual([])
      const after = await mailkey(
        ['test', '--email', alice.address, '--auth', 'oauth2', ...servers(`--imap=127.0.0.1:${b.ports.imaps}`)],
        env,
      )
      expect(after.code).toBe(1)
      expect(after.stderr).toContain(`No OAuth sign-in is saved for ${alice.address}`)
    })

    it('a sign-in nobody finishes times out: exit 1, nothing saved', async () => {
      const r = await mailkey(
        ['oauth', 'authorize', 'nobody@example.test', ...bedClient, '--no-browser', '--timeout-ms', '1500'],
        env,
        {
          stdin: 'x',
        },
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/Nobody finished signing in within 2 seconds\. Nothing was saved\./)
      expect(await keychain.keys()).toEqual([])
    })

    it.each([
      [['oauth', 'authorize', alice.address, '--provider', 'custom', '--client-id', 'x'], /--auth-url/],
      [['oauth', 'authorize', alice.address, '--provider', 'yahoo'], /--provider must be google, microsoft or custom/],
      [
        [
          'oauth',
          'authorize',
          alice.address,
          '--provider',
          'custom',
          '--client-id',
          'x',
          '--auth-url',
          'http://evil.example/a',
          '--token-url',
          'https://t.example/t',
          '--scope',
          's',
        ],
        /http:\/\/ only for 127\.0\.0\.1/,
      ],
      [['oauth', 'frobnicate', alice.address], /unknown oauth command/],
      [
        ['test', '--email', alice.address, '--auth', 'oauth2', '--password-stdin'],
        /--auth oauth2 signs in with the saved sign-in/,
      ],
    ])('bad usage exits 2: %j', async (args, message) => {
      const r = await mailkey(args, env)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(message)
    })
  },
)
