import { resolveMx } from 'node:dns/promises'
import type { DetectedSettings } from '../../shared/ipc/contract.js'
import { asciiHost } from '../host-names.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import { PROVIDERS, providerForAddress, providerForMx, type Provider } from '../../shared/providers.js'

export type MxLookup = (domain: string) => Promise<string[]>

const MX_TIMEOUT_MS = 3000

/** MX hosts of a domain, or [] when the lookup fails or takes longer than 3 s. */
export const lookupMx: MxLookup = async (domain) => {
  const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), MX_TIMEOUT_MS).unref())
  // an internationalised domain is looked up in its punycode form
  const lookup = resolveMx(asciiHost(domain) ?? domain).then(
    (records) => records.sort((a, b) => a.priority - b.priority).map((r) => r.exchange),
    () => [],
  )
  return Promise.race([lookup, timeout])
}

function fromProvider(p: Provider, source: 'preset' | 'mx', email: string): DetectedSettings {
  const incoming: IncomingServer[] = []
  if (p.incoming.imap) incoming.push({ protocol: 'imap', ...p.incoming.imap })
  if (p.incoming.pop3) incoming.push({ protocol: 'pop3', ...p.incoming.pop3 })
  const outgoing: Server[] = p.outgoing.map((s) => ({ ...s }))
  return {
    provider: p,
    source,
    incoming: incoming[0] ?? null,
    incomingAlternatives: incoming.slice(1),
    outgoing: outgoing[0] ?? null,
    outgoingAlternatives: outgoing.slice(1),
    username: email,
  }
}

/** Thunderbird's first guess for an unknown domain: imap.<domain>/smtp.<domain> on the secure ports. */
function guess(domain: string, email: string): DetectedSettings {
  return {
    provider: null,
    source: 'guess',
    incoming: { protocol: 'imap', host: `imap.${domain}`, port: 993, security: 'tls' },
    incomingAlternatives: [{ protocol: 'pop3', host: `pop.${domain}`, port: 995, security: 'tls' }],
    outgoing: { host: `smtp.${domain}`, port: 465, security: 'tls' },
    outgoingAlternatives: [{ host: `smtp.${domain}`, port: 587, security: 'starttls' }],
    username: email,
  }
}

/**
 * Finds the server settings for an address: a preset for the domain, else the provider that runs the
 * domain's mail (Google Workspace, Microsoft 365... by MX), else a guess to be tested.
 */
export function createProviderDetector(catalog: readonly Provider[] = PROVIDERS, mx: MxLookup = lookupMx) {
  return async (email: string): Promise<DetectedSettings> => {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase()
    const preset = providerForAddress(email, catalog)
    if (preset) return fromProvider(preset, 'preset', email)
    const byMx = providerForMx(await mx(domain), catalog)
    if (byMx) return fromProvider(byMx, 'mx', email)
    return guess(domain, email)
  }
}

export type ProviderDetector = ReturnType<typeof createProviderDetector>
