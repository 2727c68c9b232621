import { readAutoconfig } from '../autoconfig-xml.js'
import { LookupError } from '../lookup-error.js'
import type { DiscoveryNet, Finding, Source, SourceContext } from '../types.js'

/**
 * The domain's own autoconfig file (Thunderbird's format), at the two places a domain publishes it:
 * `https://autoconfig.<domain>/mail/config-v1.1.xml` and
 * `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`. Only the domain's own servers are
 * asked, and never with the address (Thunderbird adds `?emailaddress=`; K-9 does not, nor does Mailkey).
 * When the user allows plain HTTP, `http://autoconfig.<domain>/...` is asked too; a file from there
 * can be changed by anyone on the way, so all its hosts need the user's confirmation.
 */

function url(net: DiscoveryNet, scheme: 'https' | 'http', host: string, path: string): URL {
  const port = scheme === 'https' ? net.ports.https : net.ports.http
  return new URL(`${scheme}://${host}${port ? `:${port}` : ''}${path}`)
}

async function fetchConfig(ctx: SourceContext, where: URL, signal: AbortSignal): Promise<Finding | null> {
  const body = await ctx.net.httpGet(where, signal)
  if (!body) return null
  const finding = readAutoconfig(body.text, ctx.address, body.url.href)
  return where.protocol === 'http:' ? { ...finding, overHttp: true } : finding
}

function nothingAt(where: URL): LookupError {
  return new LookupError('nothing', `nothing published at ${where.href}`)
}

export const autoconfigSource: Source = {
  id: 'autoconfig',
  async run(ctx) {
    const path = '/mail/config-v1.1.xml'
    const host = `autoconfig.${ctx.address.domain}`
    const secure = url(ctx.net, 'https', host, path)
    if (!ctx.net.allowHttp) return (await fetchConfig(ctx, secure, ctx.signal)) ?? Promise.reject(nothingAt(secure))
    // both at once; HTTPS wins whenever it has the file
    const plain = url(ctx.net, 'http', host, path)
    const overHttp = fetchConfig(ctx, plain, ctx.signal)
    overHttp.catch(() => undefined)
    const overHttps = await fetchConfig(ctx, secure, ctx.signal).catch(() => null)
    return overHttps ?? (await overHttp) ?? Promise.reject(nothingAt(plain))
  },
}

export const wellKnownSource: Source = {
  id: 'well-known',
  async run(ctx) {
    const where = url(ctx.net, 'https', ctx.address.domain, '/.well-known/autoconfig/mail/config-v1.1.xml')
    return (await fetchConfig(ctx, where, ctx.signal)) ?? Promise.reject(nothingAt(where))
  },
}
