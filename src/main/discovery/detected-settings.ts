import type { DetectedSettings } from '../../shared/ipc/contract.js'
import type { Discovery } from './discover.js'

/**
 * A discovery as the wizard takes it: the first servers as the choice (the old DetectedSettings
 * fields), every server with its source and trust in `found`, and the lookups. When nothing was
 * found, `incoming`/`outgoing` are null and `source` is `guess`: nothing answered, the user types.
 */
export function detectedSettings(d: Discovery): DetectedSettings {
  const [incoming, ...moreIncoming] = d.incoming
  const [outgoing, ...moreOutgoing] = d.outgoing
  return {
    provider: d.provider,
    source: d.source ?? 'guess',
    incoming: incoming?.server ?? null,
    incomingAlternatives: moreIncoming.map((f) => f.server),
    outgoing: outgoing?.server ?? null,
    outgoingAlternatives: moreOutgoing.map((f) => f.server),
    username: incoming?.username ?? outgoing?.username ?? d.address.address,
    domain: d.address.domain,
    displayDomain: d.address.shown ?? d.address.domain,
    found: { incoming: d.incoming, outgoing: d.outgoing },
    lookups: d.lookups,
    ms: d.ms,
    signIn: d.signIn,
    ...(d.savedFor ? { savedFor: d.savedFor } : {}),
    ...(d.publisher ? { publisher: d.publisher } : {}),
  }
}
