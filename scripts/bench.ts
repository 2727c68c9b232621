// `npm run bench`: figures measured side by side in one run against the local bed. Not a test: it prints.
//  1. "test both" against each single probe, through a delay proxy (25 ms each way): both/slower ≤ 1.15.
//  2. time to a diagnosis for a black-holed port and for a server that never greets.
//  3. round trips of one verification per protocol, by the slope method (time over injected delay).
//  4. check all of 20 accounts against the sum of their single re-tests (issue 17).
//  5. the incoming filter: preview, ManageSieve upload, and the round trip through Dovecot.
//  6. discovery: zero network calls for a known domain, wall against the slowest lookup for an unknown
//     one, and a result by the deadline when everything is black-holed (scripts/bench-discovery.ts).
//  7. CPU of CLI start-up against a bare `node -e 0` (no-network commands: target ≤ 2.5×).
// It runs inside a private D-Bus session with its own keyring (as `npm test` does), so the CLI commands
// that read the keychain are timed doing so.
import { spawnSync } from 'node:child_process'
import { DEFAULT_TIMEOUTS, type Timeouts } from '../src/main/mail/timeouts.js'
import { blackHole, silentServer } from '../test/bed/hostile.js'
import { startBed } from '../test/bed/index.js'
import { startLatencyProxy } from '../test/bed/latency-proxy.js'
import { BED_USERS } from '../test/bed/users.js'
import { benchOffices } from './bench-offices.js'
import { runTest, type FlatTest } from '../test/main/run-test.js'
import { measureCliStartup } from './bench/cli-start.js'
import { measureRoundTrips } from './bench/round-trips.js'
import { withKeyring } from './keyring-session.mjs'
import { benchDiscovery } from './bench-discovery.js'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15)
const ONE_WAY_MS = 25
const IN_SESSION = 'MAILKEY_BENCH_SESSION'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

async function bench(): Promise<void> {
  const bed = await startBed()
  const imapProxy = await startLatencyProxy(bed.info.ports.imaps, ONE_WAY_MS)
  const smtpProxy = await startLatencyProxy(bed.info.ports.smtps, ONE_WAY_MS)
  const alice = BED_USERS.alice
  const base: FlatTest = {
    email: alice.address,
    password: alice.appPassword,
    timeouts: DEFAULT_TIMEOUTS,
    trust: { ca: bed.info.ca },
  }
  const incoming = { protocol: 'imap', host: '127.0.0.1', port: imapProxy.port, security: 'tls' } as const
  const outgoing = { host: '127.0.0.1', port: smtpProxy.port, security: 'tls' } as const

  async function time(req: FlatTest): Promise<number> {
    const { report } = await runTest(req)
    for (const side of [report.incoming, report.outgoing]) {
      if (side && !side.ok) throw new Error(`bench run failed: ${side.cause} ${side.serverText ?? ''}`)
    }
    return report.ms
  }

  try {
    const samples = { incoming: [] as number[], outgoing: [] as number[], both: [] as number[] }
    await time({ ...base, incoming, outgoing }) // warm-up, not counted
    // interleaved, so drift on the machine affects all three alike
    for (let i = 0; i < RUNS; i++) {
      samples.incoming.push(await time({ ...base, incoming }))
      samples.outgoing.push(await time({ ...base, outgoing }))
      samples.both.push(await time({ ...base, incoming, outgoing }))
    }
    const m = { incoming: median(samples.incoming), outgoing: median(samples.outgoing), both: median(samples.both) }
    const slower = Math.max(m.incoming, m.outgoing)
    console.log(`\n1. Test both servers vs. each alone (${RUNS} runs each, medians, ${ONE_WAY_MS} ms each way)`)
    console.log(`   IMAP 993-style alone   ${m.incoming.toFixed(0).padStart(5)} ms`)
    console.log(`   SMTP 465-style alone   ${m.outgoing.toFixed(0).padStart(5)} ms`)
    console.log(`   both at once           ${m.both.toFixed(0).padStart(5)} ms`)
    console.log(`   sum of the two         ${(m.incoming + m.outgoing).toFixed(0).padStart(5)} ms`)
    console.log(`   ratio both / slower    ${(m.both / slower).toFixed(3)}  (target ≤ 1.15)`)

    const short: Timeouts = { connectMs: 3000, greetingMs: 3000, commandMs: 5000 }
    const hole = await blackHole()
    const silent = await silentServer()
    try {
      const holeRun = await runTest({
        ...base,
        timeouts: short,
        outgoing: { host: '127.0.0.1', port: hole.port, security: 'tls' },
      })
      const silentRun = await runTest({
        ...base,
        timeouts: short,
        incoming: { protocol: 'imap', host: '127.0.0.1', port: silent.port, security: 'starttls' },
      })
      console.log('\n2. Time to a diagnosis, against the configured timeouts')
      const holeSide = holeRun.report.outgoing
      const silentSide = silentRun.report.incoming
      console.log(
        `   black-holed port: ${holeSide?.cause} after ${holeSide?.ms} ms (connect timeout ${short.connectMs} ms; limit ${short.connectMs + 1000} ms); whole report incl. port checks ${holeRun.report.ms} ms`,
      )
      console.log(
        `   never greets:     ${silentSide?.cause} after ${silentSide?.ms} ms (greeting timeout ${short.greetingMs} ms)`,
      )
    } finally {
      await hole.close()
      await silent.close()
    }

    const delays = [10, 20, 30, 40]
    const rtRuns = Math.max(3, Math.round(RUNS / 3))
    const figures = await measureRoundTrips(bed.info, delays, rtRuns)
    console.log(
      `\n3. Round trips of one verification (slope of time over one-way delay ÷ 2; delays ${delays.join('/')} ms, ${rtRuns} runs each, medians)`,
    )
    for (const f of figures) {
      const points = f.points.map((p) => `${p.oneWayMs}→${p.ms.toFixed(0)}`).join(' ')
      console.log(`   ${f.protocol.padEnd(20)} ${f.roundTrips.toFixed(2).padStart(5)}   (ms: ${points})`)
    }
    await benchOffices(bed, ONE_WAY_MS)
    await benchDiscovery(bed.info, RUNS)
  } finally {
    await imapProxy.close()
    await smtpProxy.close()
    await bed.stop()
  }

  const cliRuns = Math.max(5, Math.round(RUNS / 2))
  const { bareMs, figures } = measureCliStartup(cliRuns)
  console.log(`\n7. CLI start-up, CPU (user + system) against a bare \`node -e 0\` (${cliRuns} runs each, means)`)
  console.log(`   node -e 0              ${bareMs.toFixed(0).padStart(5)} ms`)
  for (const f of figures) {
    const bound = f.network ? '(talks to a server: no bound)' : `(target ≤ 2.5×)`
    console.log(`   ${f.command.padEnd(22)} ${f.cpuMs.toFixed(0).padStart(5)} ms  ${f.ratio.toFixed(2)}×  ${bound}`)
  }
}

if (process.env[IN_SESSION] === '1') {
  await withKeyring(bench)
} else {
  // a private session bus with a throwaway keyring, as `npm test` uses; the figures are printed from inside
  const r = spawnSync('dbus-run-session', ['--', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [IN_SESSION]: '1' },
  })
  if (r.error) {
    console.error(`(no dbus-run-session: ${r.error.message}; the keychain commands are timed failing fast)`)
    await bench()
  } else process.exitCode = r.status ?? 1
}
