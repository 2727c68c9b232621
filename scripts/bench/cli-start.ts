import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSettings } from '../../src/main/accounts/settings-store.js'
import type { Account } from '../../src/shared/account.js'

/**
 * CPU time of a CLI start-up against a bare `node -e 0`, measured side by side (interleaved, so drift on
 * the machine touches both alike). The CPU of a finished child is read from this process's own
 * /proc/self/stat (cutime + cstime: the user and system time of children it waited for), so the
 * figure is the child's whole CPU, start-up included. Linux only.
 */
const TICKS_PER_SECOND = 100

function childrenCpuMs(): number {
  // fields after the ")" of the command name: state is field 3; cutime and cstime are fields 16 and 17
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND
}

function cpuOf(args: string[], env: NodeJS.ProcessEnv, input = ''): number {
  const before = childrenCpuMs()
  const r = spawnSync(process.execPath, args, { env, input, stdio: ['pipe', 'ignore', 'ignore'] })
  if (r.error) throw r.error
  return childrenCpuMs() - before
}

export interface StartupFigure {
  command: string
  network: boolean
  cpuMs: number
  ratio: number
}

/** The CLI commands to time; `network` marks the ones that talk to a server (no start-up bound). */
const COMMANDS: readonly { label: string; args: string[]; network: boolean; stdin?: string }[] = [
  { label: '--help', args: ['--help'], network: false },
  {
    label: 'diagnose (text)',
    args: ['diagnose', '--protocol', 'smtp', '--text', '535 5.7.8 Username and Password not accepted'],
    network: false,
  },
  {
    label: 'diagnose --json',
    args: ['diagnose', '--protocol', 'imap', '--text', 'NO [AUTHENTICATIONFAILED] Invalid', '--json'],
    network: false,
  },
  { label: 'alias list', args: ['alias', 'list', 'bench@example.test'], network: false },
  { label: 'alias export', args: ['alias', 'export', 'bench@example.test'], network: false },
  { label: 'credentials list', args: ['credentials', 'list'], network: false },
  { label: 'credentials check', args: ['credentials', 'check'], network: false },
  // a test of a closed local port: start-up, the whole probe, the diagnosis
  {
    label: 'test (closed port)',
    args: ['test', '--email', 'a@example.test', '--password-stdin', '--only', 'outgoing', '--smtp', '127.0.0.1:1'],
    network: true,
    stdin: 'not-a-real-password\n',
  },
]

/** One saved account with one alias, written through the app's own store, for `alias list`/`export`. */
function savedAccount(dir: string): void {
  const account: Account = {
    id: 'bench1',
    email: 'bench@example.test',
    displayName: 'Bench',
    username: 'bench@example.test',
    providerId: null,
    incoming: { protocol: 'imap', host: 'imap.example.test', port: 993, security: 'tls' },
    outgoing: { host: 'smtp.example.test', port: 465, security: 'tls' },
    outgoingUsername: null,
    createdAt: new Date(0).toISOString(),
    lastVerifiedAt: null,
    filter: null,
    oauth: null,
    replyTo: null,
    outgoingFallbacks: [],
    connection: { proxy: null, minTls: [], pins: [], cas: [] },
    stale: null,
    aliases: [
      {
        id: 'alias1',
        name: 'Sales',
        address: 'sales@example.test',
        replyTo: null,
        treatAsAlias: true,
        smtp: null,
        smtpUsername: null,
        isDefault: false,
        lastCheck: null,
      },
    ],
  }
  openSettings(dir).store.set('accounts', [account])
}

export function measureCliStartup(runs: number): { bareMs: number; figures: StartupFigure[] } {
  if (!existsSync('out/main/cli.js')) throw new Error('the CLI is not built: run `npm run build` first')
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-bench-cli-'))
  savedAccount(dir)
  // a keychain service of its own: `credentials list` reads it, and nothing is written
  const env = { ...process.env, MAILKEY_CONFIG_DIR: dir, MAILKEY_KEYCHAIN_SERVICE: 'mailkey-bench-empty' }
  try {
    const bare: number[] = []
    const samples = COMMANDS.map(() => [] as number[])
    for (let i = 0; i < runs; i++) {
      bare.push(cpuOf(['-e', '0'], env))
      COMMANDS.forEach((c, j) => samples[j]?.push(cpuOf(['bin/mailkey.js', ...c.args], env, c.stdin)))
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
    const bareMs = mean(bare)
    return {
      bareMs,
      figures: COMMANDS.map((c, j) => {
        const cpuMs = mean(samples[j] ?? [])
        return { command: c.label, network: c.network, cpuMs, ratio: cpuMs / bareMs }
      }),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
