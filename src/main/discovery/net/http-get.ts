import { request, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { upgradeTls } from '../../mail/open-socket.js'
import { factsFrom } from '../../mail/probe-failure.js'
import { LookupError } from '../lookup-error.js'
import type { Connect } from './connect.js'

/** What a GET returned: the body as text (200 only) and the URL it finally came from. */
export interface HttpBody {
  text: string
  url: URL
}

/**
 * Fetches a small document over HTTPS (or plain HTTP when a caller allows it): `null` for 404/410
 * (nothing published), a LookupError for anything else that is not a 200. Limits, per security
 * checklist H8: at most `maxBytes` of body; redirects followed only to the same scheme, host and port,
 * at most 3 times (a redirect elsewhere is refused and said so); `timeoutMs` for the whole exchange;
 * the caller's signal cancels it.
 */
export type HttpGet = (url: URL, signal: AbortSignal) => Promise<HttpBody | null>

export interface HttpGetOptions {
  connect: Connect
  /** Extra trusted CA (PEM); unset: Node's roots plus NODE_EXTRA_CA_CERTS. */
  ca?: string | undefined
  timeoutMs?: number
  maxBytes?: number
}

export const MAX_BODY_BYTES = 256 * 1024
const MAX_REDIRECTS = 3
const DEFAULT_TIMEOUT_MS = 5000

/** The host to connect to: an IPv6 literal loses the brackets a URL writes it in (`[::1]` → `::1`). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
}

async function open(url: URL, opts: HttpGetOptions, signal: AbortSignal): Promise<Socket> {
  const raw = await opts.connect({ host: hostOf(url), port: portOf(url) }, signal)
  if (url.protocol !== 'https:') return raw
  try {
    return await upgradeTls(raw, hostOf(url), { trust: { ca: opts.ca } }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal)
  } catch (e) {
    const facts = factsFrom(e)
    throw new LookupError(
      'failed',
      `${url.hostname}: the HTTPS certificate was refused (${facts.code ?? facts.message})`,
    )
  }
}

function exchange(
  url: URL,
  socket: Socket,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({
      method: 'GET',
      host: hostOf(url),
      port: portOf(url),
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'Mailkey' },
      createConnection: () => socket,
      signal,
    })
    req.once('error', (e) => reject(signal.aborted ? new LookupError('timeout', `${url.host}: stopped`) : e))
    req.once('response', (res) => {
      const declared = Number(res.headers['content-length'] ?? 0)
      if (declared > maxBytes) {
        req.destroy()
        return reject(
          new LookupError('failed', `${url.host} sent ${declared} bytes; Mailkey reads at most ${maxBytes}`),
        )
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) {
          req.destroy()
          reject(new LookupError('failed', `${url.host} sent more than ${maxBytes} bytes; Mailkey stopped reading`))
          return
        }
        chunks.push(chunk)
      })
      res.once('end', () => resolve({ res, body: Buffer.concat(chunks) }))
      res.once('error', reject)
    })
    req.end()
  })
}

export function createHttpGet(opts: HttpGetOptions): HttpGet {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES
  return async (start, outer) => {
    const signal = AbortSignal.any([outer, AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)])
    let url = start
    for (let hop = 0; ; hop++) {
      const socket = await open(url, opts, signal)
      let res: IncomingMessage
      let body: Buffer
      try {
        ;({ res, body } = await exchange(url, socket, maxBytes, signal))
      } catch (e) {
        socket.destroy()
        if (e instanceof LookupError) throw e
        throw new LookupError(signal.aborted ? 'timeout' : 'failed', `${url.host}: ${factsFrom(e).message}`)
      } finally {
        socket.destroy()
      }
      const status = res.statusCode ?? 0
      if (status === 200) return { text: body.toString('utf8'), url }
      if (status === 404 || status === 410) return null
      if (status >= 300 && status < 400 && res.headers.location) {
        const next = new URL(res.headers.location, url)
        if (next.protocol !== url.protocol || next.host !== url.host) {
          throw new LookupError('failed', `${url.host} redirected to ${next.protocol}//${next.host}: not followed`)
        }
        if (hop + 1 > MAX_REDIRECTS)
          throw new LookupError('failed', `${url.host}: more than ${MAX_REDIRECTS} redirects`)
        url = next
        continue
      }
      throw new LookupError('failed', `${url.host} answered HTTP ${status}`)
    }
  }
}
