import type { Side } from '../../shared/mail.js'
import { capabilityWords } from '../../shared/capability-words.js'
import type { ProbeReport, TestReport } from '../../shared/report.js'

const SECURITY_NAME = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' } as const

function describeSide(side: Side, r: ProbeReport): string {
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
  if (r.fix) lines.push(`  Fix: ${r.fix.label}${r.fix.kind === 'open-url' ? ` (${r.fix.url})` : ''}`)
  return `${lines.join('\n')}\n`
}

/** A test report for a terminal, side by side with the optional redacted transcripts. */
export function describeReport(
  report: TestReport,
  transcripts?: Partial<Record<Side, { toString(): string }>>,
): string {
  let out = ''
  for (const side of ['incoming', 'outgoing'] as const) {
    const r = report[side]
    if (!r) continue
    out += describeSide(side, r)
    if (transcripts?.[side]) out += `${transcripts[side].toString()}\n`
  }
  if (report.reachability) out += `Reachability from this network: ${report.reachability.summary}\n`
  return out
}
