import type { RoundTripReport } from '../../../shared/report.js'

/**
 * When a message went out through a fallback outgoing server: which one, and why each server before it
 * failed ("Sent through the fallback server relay.example.org port 2525, because smtp.example.org:465:
 * No answer."). Null when the main outgoing server took it.
 */
export function sentViaText(report: Pick<RoundTripReport, 'sentVia' | 'failedBefore'>): string | null {
  if (!report.sentVia) return null
  const why = report.failedBefore?.length
    ? `, because ${report.failedBefore.map((a) => `${a.host}:${a.port}: ${a.title}`).join('; ')}`
    : ''
  return `Sent through the fallback server ${report.sentVia.host} port ${report.sentVia.port}${why}.`
}
