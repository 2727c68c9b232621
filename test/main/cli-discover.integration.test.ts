import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import { runDiscoverCommand } from '../../src/main/cli/discover-command.js'
import type { CliIo } from '../../src/main/cli/io.js'
import { main } from '../../src/main/cli/index.js'
import { zoneIspdb, zonePorts } from '../bed/discovery-zone.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'
import { startZone, type ZoneServers } from './discovery-zone.js'
import { runCli, type CliRun } from './run-cli.js'

const b = bed()
let zone: ZoneServers

beforeAll(async () => {
  zone = await startZone(b)
})
afterAll(() => zone.stop())

function io(): CliIo & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return {
    stdin: new PassThrough(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    out: () => out,
    err: () => err,
  }
}

/** `mailkey discover` in process, the zone's web and mail ports moved in as the standard ones. */
async function discover(args: string[]): Promise<{ code: number; json: Record<string, unknown>; err: string }> {
  const cli = io()
  const code = await runDiscoverCommand(
    [...args, '--json', '--dns-server', zone.dns.server, '--ispdb', zoneIspdb(zone.web)],
    cli,
    {
      net: { ca: b.ca, ports: zonePorts(b, zone.web) },
    },
  )
  return { code, json: cli.out() ? (JSON.parse(cli.out()) as Record<string, unknown>) : {}, err: cli.err() }
}

describe('mailkey discover (the contract)', () => {
  it('prints one object: domain, provider, incoming, outgoing (best first), lookups, ms; exit 0', async () => {
    const { code, json } = await discover(['alice@published.test'])
    expect(code).toBe(0)
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['domain', 'provider', 'incoming', 'outgoing', 'lookups', 'ms']),
    )
    expect(json).toMatchObject({ domain: 'published.test', provider: null })
    const incoming = json['incoming'] as Record<string, unknown>[]
    expect(incoming[0]).toEqual({
      protocol: 'imap',
      host: 'mail.published.test',
      port: b.ports.imaps,
      security: 'tls',
      username: 'alice',
      source: 'autoconfig',
      trusted: true,
      via: expect.stringMatching(/^https:\/\/autoconfig\.published\.test:\d+\/mail\/config-v1\.1\.xml$/),
    })
    for (const l of json['lookups'] as Record<string, unknown>[]) {
      expect(l).toMatchObject({ source: expect.any(String), ms: expect.any(Number), outcome: expect.any(String) })
    }
    expect(typeof json['ms']).toBe('number')
  })

  it('a known provider by MX: {id, name}', async () => {
    const { code, json } = await discover(['erin@workspace.test'])
    expect(code).toBe(0)
    expect(json).toMatchObject({
      provider: { id: 'google-workspace', name: 'Google Workspace' },
      signIn: 'app-password',
    })
  })

  it('exit 1 when one side is missing, or nothing was found by the deadline', async () => {
    expect((await discover(['jo@srvdot.test'])).code).toBe(1)
    const t0 = Date.now()
    const hole = await discover(['ken@blackhole.test', '--timeout-ms', '800'])
    expect(hole.code).toBe(1)
    expect(Date.now() - t0).toBeLessThan(1800)
    expect(hole.json).toMatchObject({ incoming: [], outgoing: [] })
  })

  it.each([
    [[]],
    [['a@example.com', 'b@example.com']],
    [['not-an-address']],
    [['a@example.com', '--dns-server', 'dns.example']],
    [['a@example.com', '--ispdb', 'ftp://mirror.example/']],
    [['a@example.com', '--timeout-ms', '5']],
    [['a@example.com', '--frobnicate']],
  ])('exit 2 for bad usage: %j', async (args) => {
    const cli = io()
    expect(await main(['discover', ...args], cli)).toBe(2)
    expect(cli.err()).toMatch(/^mailkey: /)
    expect(cli.out()).toBe('')
  })
})

/** The built CLI as users run it. */
const mailkey = (args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> => runCli(args, env, stdin)

describe('the built CLI against the test DNS', () => {
  beforeAll(() => {
    if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
  })

  it('sends every DNS query of the run to --dns-server (SRV, MX, autoconfig hosts, guesses)', async () => {
    const before = zone.dns.queries.length
    const r = await mailkey(['discover', 'ida@srvonly.test', '--json', '--dns-server', zone.dns.server], {})
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout) as { incoming: { host: string; port: number; source: string }[] }
    expect(json.incoming[0]).toMatchObject({ host: 'mail.srvonly.test', port: b.ports.imaps, source: 'srv' })
    const asked = zone.dns.queries.slice(before)
    expect(asked).toEqual(
      expect.arrayContaining([
        'SRV _imaps._tcp.srvonly.test',
        'SRV _submission._tcp.srvonly.test',
        'MX srvonly.test',
        'A autoconfig.srvonly.test',
        'A srvonly.test',
      ]),
    )
  })

  it('honours NODE_EXTRA_CA_CERTS for HTTPS lookups (the provider database mirror here)', async () => {
    const args = [
      'discover',
      'hugo@hostco.test',
      '--json',
      '--dns-server',
      zone.dns.server,
      '--ispdb',
      zoneIspdb(zone.web),
    ]
    const trusted = await mailkey(args, { NODE_EXTRA_CA_CERTS: b.caPath })
    expect(JSON.parse(trusted.stdout)).toMatchObject({ incoming: [{ host: 'imap.hostco.test', source: 'ispdb' }] })
    const untrusted = await mailkey(args, { NODE_EXTRA_CA_CERTS: '' })
    const lookups = (
      JSON.parse(untrusted.stdout) as { lookups: { source: string; outcome: string; detail?: string }[] }
    ).lookups
    expect(lookups.find((l) => l.source === 'ispdb')).toMatchObject({
      outcome: 'failed',
      detail: expect.stringMatching(/certificate was refused/),
    })
  })

  it('mailkey test discovers first for an address without a preset, and its probes resolve through --dns-server', async () => {
    const alice = BED_USERS.alice
    const before = zone.dns.queries.length
    const r = await mailkey(
      [
        'test',
        '--email',
        'alice@srvonly.test',
        '--username',
        alice.address,
        '--password-stdin',
        '--json',
        '--dns-server',
        zone.dns.server,
      ],
      { NODE_EXTRA_CA_CERTS: b.caPath },
      alice.appPassword,
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      incoming: { ok: true, host: 'mail.srvonly.test', port: b.ports.imaps },
      outgoing: { ok: true, host: 'mail.srvonly.test', port: b.ports.submission },
    })
    expect(zone.dns.queries.slice(before)).toContain('A mail.srvonly.test')
  })

  it('mailkey test refuses a discovered host that needs confirming, naming it and how to confirm', async () => {
    const r = await mailkey(
      ['test', '--email', 'dan@srvaway.test', '--password-stdin', '--dns-server', zone.dns.server],
      { NODE_EXTRA_CA_CERTS: b.caPath },
      'secret-never-sent',
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /imap\.hostco\.test needs your confirmation .*not part of srvaway\.test.*pass --imap imap\.hostco\.test:\d+/,
    )
  })
})

describe('mailkey discover and the app’s provider database setting (issue 14)', () => {
  const mirror = (r: string): boolean => r.includes('/office-mirror/mirrored.test')

  async function withSetting(args: string[]): Promise<{ code: number; json: Record<string, unknown>; err: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'mailkey-cli-ispdb-'))
    try {
      const { store } = openSettings(dir)
      store.set('preferences', { ispdbBase: `https://127.0.0.1:${zone.web.httpsPort}/office-mirror/` })
      const cli = { ...io(), env: { MAILKEY_CONFIG_DIR: dir } }
      const code = await runDiscoverCommand([...args, '--json', '--dns-server', zone.dns.server], cli, {
        net: { ca: b.ca, ports: zonePorts(b, zone.web) },
      })
      return { code, json: JSON.parse(cli.out()) as Record<string, unknown>, err: cli.err() }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('without --ispdb, the address saved in the app’s settings is asked', async () => {
    const before = zone.web.requests.filter(mirror).length
    const { code, json } = await withSetting(['ann@mirrored.test'])
    expect(code).toBe(0)
    expect((json['incoming'] as Record<string, unknown>[])[0]).toMatchObject({
      host: 'imap.mirrored.test',
      source: 'ispdb',
    })
    expect(zone.web.requests.filter(mirror).length).toBe(before + 1)
  })

  it('--ispdb wins over the setting for its run', async () => {
    const before = zone.web.requests.filter(mirror).length
    const { json } = await withSetting(['ann@mirrored.test', '--ispdb', zoneIspdb(zone.web)])
    expect((json['incoming'] as Record<string, unknown>[]).some((s) => s['source'] === 'ispdb')).toBe(false)
    expect(zone.web.requests.filter(mirror).length).toBe(before)
  })
})
