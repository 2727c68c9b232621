import { capabilityWords } from '../../../shared/capability-words.js'
import type { ProbeReport, TestReport } from '../../../shared/report.js'
import { formatMs } from '../lib/format.js'
import { PROTOCOL_LABEL, SECURITY_LABEL, SIDE_LABEL, STAGE_LABEL } from '../lib/labels.js'
import { SIDES } from './test-run.js'

export interface Transcripts {
  incoming?: string
  outgoing?: string
}

function outcome(report: ProbeReport): string {
  if (report.ok) return `works (${formatMs(report.ms)})`
  const at = report.failedStage ? ` at “${STAGE_LABEL[report.failedStage]}”` : ''
  return `failed${at}: ${report.title ?? 'no diagnosis'}${report.cause ? ` [${report.cause}]` : ''}`
}

function server(report: ProbeReport): string {
  const via = report.via ? ` (through the proxy ${report.via})` : ''
  return `${PROTOCOL_LABEL[report.protocol]} ${report.host} port ${report.port}, ${SECURITY_LABEL[report.security]}${via}`
}

/**
 * What "Copy details for support" puts on the clipboard: the outcome per server, then each server's
 * protocol exchange as main recorded it (already redacted there: no password, no AUTH data).
 */
export function supportText(report: TestReport, transcripts: Transcripts): string {
  const lines = ['Mailkey connection test']
  for (const side of SIDES) {
    const r = report[side]
    if (r) lines.push(`${SIDE_LABEL[side]}: ${server(r)} — ${outcome(r)}`)
    // what the server offers, for power users: push (IDLE), quota, message size...
    const offers = r?.capabilities ? capabilityWords(r.capabilities) : ''
    if (offers) lines.push(`  offers: ${offers}`)
  }
  for (const [i, r] of (report.outgoingFallbacks ?? []).entries()) {
    lines.push(`Fallback outgoing ${i + 1}: ${server(r)} — ${outcome(r)}`)
  }
  if (report.reachability) lines.push(`From this network: ${report.reachability.summary}`)
  for (const side of SIDES) {
    const r = report[side]
    if (!r) continue
    lines.push('', `--- ${SIDE_LABEL[side]} (${PROTOCOL_LABEL[r.protocol]}) ---`)
    lines.push(transcripts[side]?.trimEnd() || '(no exchange was recorded)')
  }
  return lines.join('\n')
}
