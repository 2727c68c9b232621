import { useEffect, useState } from 'react'
import type { DiscoveryEvent } from '../../../shared/discovery.js'
import { mailkey } from '../lib/api.js'

/**
 * The lookups of the discovery running for `email`, as main reports them (started, then how each
 * ended), in arrival order. Events for another address are ignored; a new address starts afresh.
 */
export function useDiscoveryProgress(email: string): DiscoveryEvent[] {
  const [events, setEvents] = useState<{ email: string; list: DiscoveryEvent[] }>({ email, list: [] })
  useEffect(
    () =>
      mailkey().onDiscoveryProgress((event) => {
        if (event.email.trim().toLowerCase() !== email.toLowerCase()) return
        setEvents((prev) => {
          const list = prev.email === email ? prev.list.filter((e) => e.source !== event.source) : []
          return { email, list: [...list, event] }
        })
      }),
    [email],
  )
  return events.email === email ? events.list : []
}
