import { parseArgs } from 'node:util'
import { totalsOf, type CheckAllResult, type CheckAllRow } from '../../shared/check-all.js'
import { AppError } from '../app-error.js'
import type { CheckScope } from '../accounts/check-scope.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, timeoutFlag, UsageError, type CliIo } from './io.js'

const LABEL = { works: 'works', stale: 'STALE', failing: 'FAILING', cancelled: 'not checked' } as const

function rowText(row: CheckAllRow): string {
  const lines = [`${row.email}  ${LABEL[row.outcome]}${row.ms ? ` (${row.ms} ms)` : ''}`]
  if (row.outcome !== 'works') {
    const where = row.side ? `${row.side === 'incoming' ? 'Incoming' : 'Outgoing'}: ` : ''
    lines.push(`  ${where}${row.title}${row.cause ? ` [${row.cause}]` : ''}`)
    if (row.fix) lines.push(`  Fix: ${row.fix.label}${row.fix.kind === 'open-url' ? ` (${row.fix.url})` : ''}`)
  }
  return `${lines.join('\n')}\n`
}

function totalsText(r: CheckAllResult): string {
  const t = r.totals
  const parts = [`${t.works} work`, `${t.stale} stale`, `${t.failing} failing`]
  if (t.cancelled) parts.push(`${t.cancelled} not checked`)
  return `${r.rows.length} accounts: ${parts.join(', ')}. Took ${(r.ms / 1000).toFixed(1)} s (one after another: ${(r.sumMs / 1000).toFixed(1)} s).\n`
}

/** `mailkey check`: check all saved accounts at once (issue 17). */
export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { json: { type: 'boolean' }, group: { type: 'string' }, 'timeout-ms': { type: 'string' } },
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const v = parsed.values
  const timeoutMs = timeoutFlag(v['timeout-ms'])
  if (v.group !== undefined && v.group.trim() === '') throw new UsageError('--group needs a group name')
  const scope: CheckScope = v.group === undefined ? { kind: 'all' } : { kind: 'group', name: v.group.trim() }
  const { services: s, dir } = await cliServices(io)
  const json = v.json ?? false
  let result: CheckAllResult
  try {
    if (scope.kind === 'all' && s.accounts.listSaved().length === 0) {
      const none: CheckAllResult = { runId: '', rows: [], totals: totalsOf([]), ms: 0, sumMs: 0, cancelled: false }
      io.stdout.write(json ? `${JSON.stringify(none)}\n` : 'No saved accounts to check.\n')
      return EXIT.ok
    }
    if (refuseWhileAppRuns(dir, io)) return EXIT.failed
    result = await s.checks.checkAll({
      runId: `cli-check-${Date.now()}`,
      scope,
      ...(timeoutMs ? { timeoutMs } : {}),
      onEvent: (e) => {
        if (!json && e.state === 'finished') io.stdout.write(rowText(e.row))
      },
    })
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') throw new UsageError(e.message)
    throw e
  }
  io.stdout.write(json ? `${JSON.stringify(result)}\n` : totalsText(result))
  return result.rows.every((r) => r.outcome === 'works') ? EXIT.ok : EXIT.failed
}
