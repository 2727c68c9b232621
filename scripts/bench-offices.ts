// `npm run bench`, part 3 and 4 (issue 17): check-all of 20 bed accounts against the sum of their own
// single re-tests, and the incoming filter's round trip through Dovecot, all through the 25 ms delay
// proxy. Secrets are held in memory here: the figures are about the network, not the keychain.
import Conf from 'conf'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  SETTINGS_DEFAULTS,
  SETTINGS_ROOT_SCHEMA,
  SETTINGS_SCHEMA,
  type SettingsData,
} from '../src/main/accounts/settings-schema.js'
import type { SecretStore } from '../src/main/credentials/secret-store.js'
import { createServices, type Services } from '../src/main/services.js'
import { deliver } from '../test/bed/deliver.js'
import type { Bed } from '../test/bed/index.js'
import { startLatencyProxy, type LatencyProxy } from '../test/bed/latency-proxy.js'
import { OFFICE_USERS } from '../test/bed/users.js'
import { ImapFlow } from 'imapflow'

const ROUNDS = Number(process.env['BENCH_OFFICE_ROUNDS'] ?? 3)

function memorySecrets(): SecretStore {
  const m = new Map<string, string>()
  return {
    set: (k, v) => Promise.resolve(void m.set(k, v)),
    get: (k) => Promise.resolve(m.get(k) ?? null),
    delete: (k) => Promise.resolve(m.delete(k)),
    keys: () => Promise.resolve([...m.keys()]),
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Least-squares slope and intercept of y over x. */
function fit(points: [number, number][]): { slope: number; intercept: number } {
  const n = points.length
  const mx = points.reduce((a, [x]) => a + x, 0) / n
  const my = points.reduce((a, [, y]) => a + y, 0) / n
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0)
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0)
  const slope = sxy / sxx
  return { slope, intercept: my - slope * mx }
}

function servicesFor(bed: Bed): { s: Services; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-bench-'))
  const store = new Conf<SettingsData>({
    cwd: dir,
    configName: 'settings',
    schema: SETTINGS_SCHEMA,
    rootSchema: SETTINGS_ROOT_SCHEMA,
    defaults: SETTINGS_DEFAULTS,
    projectVersion: '0.0.0',
  })
  const s = createServices({
    store,
    secrets: memorySecrets(),
    trust: { ca: bed.info.ca },
    openExternal: () => Promise.resolve(),
  })
  return { s, dir }
}

async function checkAllFigures(bed: Bed, oneWayMs: number, hostsUsed: 1 | 2): Promise<void> {
  const proxies: LatencyProxy[] = []
  const { s, dir } = servicesFor(bed)
  try {
    const hosts = hostsUsed === 1 ? ['127.0.0.1'] : ['127.0.0.1', '127.0.0.2']
    const servers = []
    for (const host of hosts) {
      const imap = await startLatencyProxy(bed.info.ports.imaps, oneWayMs, host)
      const smtp = await startLatencyProxy(bed.info.ports.smtps, oneWayMs, host)
      proxies.push(imap, smtp)
      servers.push({ host, imap: imap.port, smtp: smtp.port })
    }
    const ids: string[] = []
    for (const [i, user] of OFFICE_USERS.entries()) {
      const server = servers[i % servers.length]
      if (!server) throw new Error('no server')
      const saved = await s.accounts.save({
        email: user.address,
        providerId: 'gmail',
        incoming: { protocol: 'imap', host: server.host, port: server.imap, security: 'tls' },
        outgoing: { host: server.host, port: server.smtp, security: 'tls' },
        password: user.appPassword,
        verifiedAt: null,
      })
      ids.push(saved.id)
    }
    const single: number[] = []
    const together: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      // one after another: each account's own Re-test, as the Re-test button runs it
      let sum = 0
      for (const id of ids) {
        const t0 = performance.now()
        const r = await s.retest(id, `bench-single-${round}-${id}`, () => undefined)
        sum += performance.now() - t0
        if (!r.report.incoming?.ok || !r.report.outgoing?.ok) throw new Error(`bench: ${id} did not pass`)
      }
      single.push(sum)
      const t0 = performance.now()
      const all = await s.checks.checkAll({ runId: `bench-all-${round}` })
      together.push(performance.now() - t0)
      if (all.totals.works !== ids.length) throw new Error(`bench: check all: ${JSON.stringify(all.totals)}`)
    }
    const [ms, sumMs] = [median(together), median(single)]
    console.log(
      `   ${ids.length} accounts on ${hostsUsed} server ${hostsUsed === 1 ? 'host ' : 'hosts'}   check all ${(ms / 1000).toFixed(2)} s   one after another ${(sumMs / 1000).toFixed(2)} s   ratio ${(ms / sumMs).toFixed(3)}`,
    )
  } finally {
    for (const p of proxies) await p.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function filterFigures(bed: Bed, oneWayMs: number): Promise<void> {
  const { s, dir } = servicesFor(bed)
  const imapProxy = await startLatencyProxy(bed.info.ports.imaps, oneWayMs)
  const sieveProxy = await startLatencyProxy(bed.info.ports.sieve, oneWayMs)
  const user = OFFICE_USERS[19]
  if (!user) throw new Error('no office user 20')
  const reader = new ImapFlow({
    host: '127.0.0.1',
    port: bed.info.ports.imaps,
    secure: true,
    auth: { user: user.address, pass: user.appPassword },
    tls: { ca: bed.info.ca },
    logger: false,
  })
  try {
    const account = await s.accounts.save({
      email: user.address,
      providerId: 'gmail',
      incoming: { protocol: 'imap', host: '127.0.0.1', port: imapProxy.port, security: 'tls' },
      outgoing: { host: '127.0.0.1', port: bed.info.ports.smtps, security: 'tls' },
      password: user.appPassword,
      verifiedAt: null,
    })
    await s.filters.set(account.id, {
      mode: 'ignore',
      addresses: [],
      domains: ['spam.test'],
      keywords: ['lottery'],
      ignored: { kind: 'folder', folder: 'Ignored' },
    })
    for (let i = 0; i < 50; i++)
      await deliver(bed.info.ports.lmtp, user.address, { from: 'a@b.test', subject: `Mail ${i}` })
    const previews: number[] = []
    const uploads: number[] = []
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now()
      const p = await s.filters.preview(account.id, `bench-preview-${i}`)
      previews.push(performance.now() - t0)
      if (!p.ok || p.messages.length !== 50) throw new Error('bench: preview failed')
      const { script } = s.filters.script(account.id)
      t0 = performance.now()
      const u = await s.filters.upload(account.id, `bench-upload-${i}`, script, {
        host: '127.0.0.1',
        port: sieveProxy.port,
      })
      uploads.push(performance.now() - t0)
      if (!u.uploaded) throw new Error(`bench: upload failed: ${u.message}`)
    }
    console.log(`   preview (50 newest, envelopes only)   ${median(previews).toFixed(0)} ms   (median of 5)`)
    console.log(`   upload + switch on (ManageSieve)       ${median(uploads).toFixed(0)} ms   (median of 5)`)
    // slope method: n matching messages delivered over LMTP, then all n found filed in "Ignored"
    await reader.connect()
    const points: [number, number][] = []
    let sent = 0
    for (const n of [1, 4, 8, 16, 1, 4, 8, 16]) {
      const t0 = performance.now()
      for (let i = 0; i < n; i++)
        await deliver(bed.info.ports.lmtp, user.address, { from: 'win@spam.test', subject: `Round ${sent + i}` })
      const lock = await reader.getMailboxLock('Ignored', { readOnly: true })
      try {
        await reader.noop()
        const found = (await reader.search({ from: 'win@spam.test' }, { uid: true })) || []
        if (found.length !== sent + n) throw new Error(`bench: ${found.length} filed, expected ${sent + n}`)
      } finally {
        lock.release()
      }
      sent += n
      points.push([n, performance.now() - t0])
    }
    const { slope, intercept } = fit(points)
    console.log(`   filter round trip (LMTP delivery → Sieve → filed in "Ignored", found over IMAP)`)
    console.log(
      `     per message ${slope.toFixed(1)} ms (slope over 1/4/8/16 messages, twice); fixed part ${intercept.toFixed(1)} ms`,
    )
  } finally {
    await reader.logout().catch(() => reader.close())
    await imapProxy.close()
    await sieveProxy.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Prints the office figures; the bed is the bench's own. */
export async function benchOffices(bed: Bed, oneWayMs: number): Promise<void> {
  console.log(
    `\n4. Check all vs. each account's own re-test one after another (${ROUNDS} rounds, medians, ${oneWayMs} ms each way)`,
  )
  await checkAllFigures(bed, oneWayMs, 1)
  await checkAllFigures(bed, oneWayMs, 2)
  console.log(`\n5. Incoming filter through Dovecot (${oneWayMs} ms each way to IMAP and ManageSieve)`)
  await filterFigures(bed, oneWayMs)
}
