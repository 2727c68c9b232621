import type { DiscoverySource, FoundServer, LookupOutcome } from '../../../shared/discovery.js'
import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import type { IncomingServer, Server } from '../../../shared/mail.js'

/**
 * Where a setting came from, in the user's words: "Published by example.com", "From DNS (SRV
 * records)", "Works for bob@example.com"... `detected` gives the domain, provider and saved account.
 */
export function sourceWords(source: DiscoverySource, detected: DetectedSettings): string {
  const domain = detected.displayDomain ?? detected.domain ?? 'your domain'
  switch (source) {
    case 'saved':
      return detected.savedFor
        ? `Works for ${detected.savedFor}`
        : 'The settings of an account you saved at this domain'
    case 'preset':
      return detected.provider
        ? `${detected.provider.name}, from Mailkey’s list of providers`
        : 'From Mailkey’s list of providers'
    case 'autoconfig':
    case 'well-known':
      return `Published by ${domain}`
    case 'ispdb':
      return 'From Thunderbird’s provider database'
    case 'mx':
      return detected.provider
        ? `Your domain’s mail is run by ${detected.provider.name}`
        : 'From your domain’s mail servers (MX) and Thunderbird’s provider database'
    case 'srv':
      return 'From DNS (SRV records)'
    case 'guess':
      return 'Guessed: the server answered'
  }
}

/** What each lookup is, for the live list while discovery runs. */
export const LOOKUP_LABEL: Record<DiscoverySource, string> = {
  saved: 'Your saved accounts at this domain',
  preset: 'Mailkey’s list of providers',
  autoconfig: 'Your domain’s settings file',
  'well-known': 'Your domain’s settings file (second address)',
  ispdb: 'Thunderbird’s provider database',
  mx: 'Who runs your domain’s mail (MX)',
  srv: 'DNS service records (SRV)',
  guess: 'Usual server names',
}

export const OUTCOME_LABEL: Record<LookupOutcome | 'running', string> = {
  running: 'looking…',
  found: 'found',
  partial: 'found part',
  nothing: 'nothing there',
  failed: 'failed',
  timeout: 'no answer in time',
  cancelled: 'not needed',
  skipped: 'not needed',
}

/** The sign-in a known provider needs, when the user must know before typing a password. */
export function signInWords(detected: DetectedSettings): string | null {
  const name = detected.provider?.name
  if (!name) return null
  if (detected.signIn === 'oauth2')
    return `${name} signs in with OAuth (“Sign in with Microsoft”); a password alone may be refused.`
  if (detected.signIn === 'app-password') return `${name} needs an app password, not your normal password.`
  return null
}

type AnyServer = Server | IncomingServer

function same(a: AnyServer, b: AnyServer): boolean {
  const protocol = (s: AnyServer): string => ('protocol' in s ? s.protocol : 'smtp')
  return (
    protocol(a) === protocol(b) &&
    a.host.toLowerCase() === b.host.toLowerCase() &&
    a.port === b.port &&
    a.security === b.security
  )
}

/** The discovered entry for a server as it is now (undefined once the user has changed it). */
export function foundFor<S extends AnyServer>(
  list: readonly FoundServer<S>[] | undefined,
  server: AnyServer | null,
): FoundServer<S> | undefined {
  return server ? list?.find((f) => same(f.server, server)) : undefined
}
