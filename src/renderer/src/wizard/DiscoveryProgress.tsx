import { DISCOVERY_SOURCES } from '../../../shared/discovery.js'
import { LOOKUP_LABEL, OUTCOME_LABEL } from '../lib/discovery-words.js'
import { useDiscoveryProgress } from './use-discovery-progress.js'

/**
 * The lookups discovery runs for the address, live: each one's name and state ("looking…", "found",
 * "nothing there"...), with its time once it ended. Shown while the lookup runs; a list, not a live
 * region (the status line above announces the result once).
 */
export function DiscoveryProgress({ email, active }: { email: string; active: boolean }) {
  const events = useDiscoveryProgress(email)
  if (!active || events.length === 0) return null
  const bySource = new Map(events.map((e) => [e.source, e]))
  return (
    <ul className="lookups" aria-label="Lookups for your servers">
      {DISCOVERY_SOURCES.filter((s) => bySource.has(s)).map((source) => {
        const e = bySource.get(source)
        if (!e) return null
        return (
          <li key={source} className="lookup" data-state={e.state}>
            <span>{LOOKUP_LABEL[source]}</span>
            <span className="lookup-state">
              {OUTCOME_LABEL[e.state]}
              {e.state !== 'running' && e.ms !== undefined && e.state !== 'skipped' ? ` · ${e.ms} ms` : ''}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
