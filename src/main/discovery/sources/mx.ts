import { getDomain } from 'tldts'
import { providerForMx } from '../../../shared/providers.js'
import { LookupError } from '../lookup-error.js'
import { providerFinding } from '../provider-finding.js'
import type { Finding, Source, SourceContext } from '../types.js'
import { askIspdb } from './ispdb.js'

/**
 * The domain's MX records: a known provider's mail exchangers (Google Workspace's `smtp.google.com` and
 * `aspmx.l.google.com`, Microsoft 365's `*.mail.protection.outlook.com` and `*.mx.microsoft`, Zoho,
 * Fastmail, iCloud, Proton, hosting companies) give that provider's settings. Otherwise the provider
 * database is asked about the first MX host's sub-domain, then its registrable domain (Thunderbird's
 * order: the sub-domain tells Outlook.com from Microsoft 365). Only those domains leave the machine.
 */

/** `mx1.mail.example.co.uk` → `mail.example.co.uk` and `example.co.uk` (public-suffix aware). */
export function mxDomains(host: string): string[] {
  const base = getDomain(host, { allowPrivateDomains: false })
  const sub = host.slice(host.indexOf('.') + 1)
  return [...new Set([sub, base].filter((d): d is string => !!d && d.includes('.')))]
}

async function fromDatabase(ctx: SourceContext, mxHost: string): Promise<Finding | null> {
  const domains = mxDomains(mxHost)
  const asked = domains.map((d) => askIspdb(ctx, d, ctx.signal).catch(() => null))
  for (const [i, answer] of asked.entries()) {
    const finding = await answer
    if (finding) {
      const domain = domains[i] ?? mxHost
      const via = `${finding.incoming[0]?.via ?? domain} (MX ${mxHost})`
      return {
        ...finding,
        incoming: finding.incoming.map((c) => ({ ...c, via })),
        outgoing: finding.outgoing.map((c) => ({ ...c, via })),
        names: [...(finding.names ?? []), ...domains],
        detail: `MX ${mxHost}: ${domain} in the provider database`,
      }
    }
  }
  return null
}

export const mxSource: Source = {
  id: 'mx',
  async run(ctx) {
    const records = await ctx.net.dns.mx(ctx.address.domain, ctx.signal)
    const hosts = records
      .sort((a, b) => a.priority - b.priority)
      .map((r) => r.exchange.toLowerCase().replace(/\.$/, ''))
      .filter((h) => h.includes('.'))
    if (hosts.length === 0)
      throw new LookupError('nothing', `${ctx.address.shown ?? ctx.address.domain} has no MX records`)
    const provider = providerForMx(hosts, ctx.catalog)
    if (provider) {
      const finding = providerFinding(provider, ctx.address, `MX ${hosts[0]}`, [ctx.address.domain, ...hosts])
      return {
        ...finding,
        names: [...(finding.names ?? []), ...hosts.flatMap(mxDomains)],
        detail: `MX ${hosts[0]}: ${provider.name}`,
      }
    }
    const first = hosts[0] ?? ''
    const found = await fromDatabase(ctx, first)
    if (!found) throw new LookupError('nothing', `MX ${first}: no provider known for it`)
    return found
  },
}
