import type { Side } from '../../shared/mail.js'
import { capabilityWords } from '../../shared/capability-words.js'
import type { ProbeReport, TestReport } from '../../shared/report.js'

const SECURITY_NAME = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' } as const

/** How the command that printed the report takes what a fix changes, when it can (`mailkey test`). */
export interface FixFlags {
  /** The flag that sets the user name: a "Sign in as alice instead" fix names it with the value. */
  username?: string
}

/** A value as a shell word: bare when safe, else in single quotes. */
function shellWord(value: string): string {
  return /^[\w@.+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

function fixLine(r: ProbeReport, flags: FixFlags): string | undefined {
  const fix = r.fix
  if (!fix) return undefined
  if (fix.kind === 'open-url') return `  Fix: ${fix.label} (${fix.url})`
  if (fix.kind === 'switch-username' && flags.username)
    return `  Fix: ${fix.label} (${flags.username} ${shellWord(fix.username)})`
  return `  Fix: ${fix.label}`
}

function describeSide(side: Side, r: ProbeReport, flags: FixFlags): string {
  const via = r.via ? ` via ${r.via}` : ''
  const head = `${side === 'incoming' ? 'Incoming' : 'Outgoing'}  ${r.protocol.toUpperCase()} ${r.host}:${r.port} (${SECURITY_NAME[r.security]})${via}`
  if (r.ok) {
    const features = r.capabilities ? capabilityWords(r.capabilities) : ''
    return `${head}  OK in ${r.ms} ms\n${features ? `  Offers: ${features}\n` : ''}`
  }
  const lines = [
    `${head}  FAILED after ${r.ms} ms${r.failedStage ? ` at ${r.failedStage}` : ''}`,
    `  ${r.title} [${r.cause}]`,
  ]
  if (r.explanation) lines.push(`  ${r.explanation}`)
  if (r.serverText) lines.push(`  Server said: ${r.serverText.replace(/\n/g, '\n               ')}`)
  if (r.certificate) {
    const c = r.certificate
    lines.push(`  Certificate: ${c.subject}, issued by ${c.issuer}, valid ${c.validFrom} to ${c.validTo}`)
    lines.push(`  SHA-256: ${c.fingerprint256}`)
    // what --pin takes, to trust exactly this certificate's key after checking it
    if (c.spki) lines.push(`  Key pin: ${c.spki}`)
  }
  const fix = fixLine(r, flags)
  if (fix) lines.push(fix)
  return `${lines.join('\n')}\n`
}

/**
 * A test report for a terminal, side by side with the optional redacted transcripts; `flags` names
 * the command's own flags a fix would use ("Sign in as alice instead (--username alice)").
 */
export function describeReport(
  report: TestReport,
  transcripts?: Partial<Record<Side, { toString(): string }>>,
  flags: FixFlags = {},
): string {
  let out = ''
  for (const side of ['incoming', 'outgoing'] as const) {
    const r = report[side]
    if (!r) continue
    out += describeSide(side, r, flags)
    if (transcripts?.[side]) out += `${transcripts[side].toString()}\n`
  }
  if (report.reachability) out += `Reachability from this network: ${report.reachability.summary}\n`
  return out
}
