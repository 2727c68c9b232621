// `npx tsx scripts/hostile-figures.ts`: memory and time of a connection test against the hostile
// servers of issue 12 (a 10 MB capability line, an endless greeting, servers that trickle a line every
// 2 s). Each server runs in a process of its own and each test in another, so one's memory and
// event-loop stalls do not blur the other's. Not a test: it prints figures (peak RSS of the testing
// process, the longest event-loop block, wall time, the outcome).
import { spawn } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { testServers } from '../src/main/mail/test-servers.js'
import { timeoutsFrom } from '../src/main/mail/timeouts.js'
import type { IncomingServer, Server } from '../src/shared/mail.js'
import { floodServer, trickleServer, type HostileServer } from '../test/bed/hostile.js'

const CASES = ['long-line', 'endless-greeting', 'trickle-imap', 'trickle-pop3', 'trickle-smtp'] as const
type Case = (typeof CASES)[number]
/** No case may run longer than this here (the trickle cases ran forever before issue 12). */
const CAP_MS = 120_000
const MB = 1024 * 1024

function serve(c: Case): Promise<HostileServer> {
  switch (c) {
    case 'long-line':
      return floodServer({
        greeting: '* OK ready',
        prefix: '* CAPABILITY IMAP4rev1 STARTTLS X',
        bytes: 10 * MB,
        suffix: '\r\n',
      })
    case 'endless-greeting':
      return floodServer({ prefix: '* OK ', bytes: Infinity })
    case 'trickle-imap':
      return trickleServer({ greeting: '* OK ready', starts: () => true, line: '* OK still working', everyMs: 2000 })
    case 'trickle-pop3':
      return trickleServer({
        greeting: '+OK ready',
        starts: (l) => l === 'CAPA',
        first: '+OK',
        line: 'X-STILL-WORKING',
        everyMs: 2000,
      })
    case 'trickle-smtp':
      return trickleServer({
        greeting: '220 mx ESMTP',
        starts: (l) => /^EHLO/i.test(l),
        line: '250-STILL-WORKING',
        everyMs: 2000,
      })
  }
}

async function client(c: Case, port: number): Promise<void> {
  const host = '127.0.0.1'
  const imap: IncomingServer = { protocol: 'imap', host, port, security: 'starttls' }
  const side: { incoming?: IncomingServer; outgoing?: Server } =
    c === 'trickle-smtp'
      ? { outgoing: { host, port, security: 'none' } }
      : c === 'trickle-pop3'
        ? { incoming: { protocol: 'pop3', host, port, security: 'none' } }
        : c === 'trickle-imap'
          ? { incoming: { ...imap, security: 'none' } }
          : { incoming: imap }
  const login = { username: 'u@example.test', password: 'figuresPassword1' }
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  const t0 = performance.now()
  const { report } = await testServers(
    {
      email: login.username,
      ...(side.incoming ? { incoming: { server: side.incoming, login } } : {}),
      ...(side.outgoing ? { outgoing: { server: side.outgoing, login } } : {}),
    },
    { connection: { trust: {}, timeouts: timeoutsFrom(undefined) }, providerId: null },
  )
  loop.disable()
  const r = report.incoming ?? report.outgoing
  const figures = {
    case: c,
    ms: Math.round(performance.now() - t0),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    maxBlockMs: Math.round(loop.max / 1e6),
    outcome: r?.ok ? 'ok' : `${r?.cause} at ${r?.failedStage}: ${(r?.serverText ?? '').slice(0, 120)}`,
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}

function child(args: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
}

async function measure(c: Case): Promise<string> {
  const server = child(['server', c])
  const port = await new Promise<string>((resolve) =>
    server.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  )
  const test = child(['client', c, port])
  let out = ''
  test.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  const t0 = Date.now()
  const cap = setTimeout(() => test.kill(), CAP_MS)
  await new Promise((r) => test.once('exit', r))
  clearTimeout(cap)
  server.kill()
  return (
    out.trim() || JSON.stringify({ case: c, ms: Date.now() - t0, outcome: `still running after ${CAP_MS} ms: stopped` })
  )
}

const [role, which, port] = process.argv.slice(2)
if (role === 'server') {
  const s = await serve(which as Case)
  process.stdout.write(`${s.port}\n`)
} else if (role === 'client') {
  await client(which as Case, Number(port))
  process.exit(0)
} else {
  const only = CASES.filter((c) => !role || role.split(',').includes(c))
  for (const c of only) console.log(await measure(c))
}
