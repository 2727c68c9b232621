import { DEFAULT_ISPDB_BASE } from '../../../shared/preferences.js'
import { LookupError } from '../lookup-error.js'
import { readAutoconfig } from '../autoconfig-xml.js'
import type { Finding, Source, SourceContext } from '../types.js'

/** Thunderbird's provider database: `https://autoconfig.thunderbird.net/v1.1/<domain>` (shared/preferences.ts). */
export const DEFAULT_ISPDB = DEFAULT_ISPDB_BASE

/**
 * Asks the provider database (or an office's mirror) about one domain: only the domain is sent, never
 * the address. `why` says how the domain was chosen, for the finding's `via`.
 */
export async function askIspdb(ctx: SourceContext, domain: string, signal: AbortSignal): Promise<Finding | null> {
  const base = ctx.net.ispdbBase.endsWith('/') ? ctx.net.ispdbBase : `${ctx.net.ispdbBase}/`
  const where = new URL(encodeURIComponent(domain), base)
  const body = await ctx.net.httpGet(where, signal)
  if (!body) return null
  const finding = readAutoconfig(body.text, ctx.address, body.url.href)
  return where.protocol === 'http:' ? { ...finding, overHttp: true } : finding
}

export const ispdbSource: Source = {
  id: 'ispdb',
  async run(ctx) {
    const finding = await askIspdb(ctx, ctx.address.domain, ctx.signal)
    if (!finding)
      throw new LookupError(
        'nothing',
        `the provider database has no entry for ${ctx.address.shown ?? ctx.address.domain}`,
      )
    return finding
  },
}
