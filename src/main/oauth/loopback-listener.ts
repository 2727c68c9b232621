import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The redirect endpoint of a desktop sign-in (RFC 8252 §7.3): an HTTP server on 127.0.0.1 at a port
 * the system picks, for one authorization response. It takes exactly one request: the right path
 * with the right `state` (RFC 6749 §10.12), then shows a short page and closes, so a second request
 * finds nothing listening. Anything else (another path, a wrong or missing state, a foreign Host
 * header as a DNS-rebinding page would send) is refused and does not end the wait. The wait ends at
 * `timeoutMs` or on `signal` (Cancel), and the server is closed on every path.
 */
export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/`: what goes into the authorization request as redirect_uri. */
  redirectUri: string
  /** The full callback URL of the accepted request (its query holds `code` or `error`). */
  callback: Promise<URL>
  /** Requests refused so far (wrong path, state or host), for the flow's report and the tests. */
  refused(): number
  close(): void
}

export class ListenerTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Nobody finished signing in within ${Math.round(timeoutMs / 1000)} seconds`)
    this.name = 'ListenerTimeout'
  }
}

export class ListenerCancelled extends Error {
  constructor() {
    super('The sign-in was cancelled.')
    this.name = 'ListenerCancelled'
  }
}

const PATH = '/'

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // the page runs nothing and loads nothing; the code in the address bar is not sent on as a Referer
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  Connection: 'close',
}

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:32rem;padding:0 1rem;color:#1b1f24}</style></head><body><h1>${title}</h1><p>${text}</p></body></html>`
}

const DONE = page('You can close this tab', 'Mailkey received your sign-in. Go back to Mailkey to finish.')
const PROVIDER_REFUSED = page(
  'The sign-in did not complete',
  'The provider sent back an error instead of a sign-in. Go back to Mailkey: it says what happened and what to do.',
)
const NOT_OURS = page(
  'Not a Mailkey sign-in',
  'This address is waiting for a different sign-in. Nothing was done with this request.',
)

export function startLoopbackListener(opts: {
  expectedState: string
  timeoutMs: number
  signal?: AbortSignal | undefined
}): Promise<LoopbackListener> {
  let refused = 0
  let settled = false
  let accepted = false
  let resolveCallback: (url: URL) => void = () => undefined
  let rejectCallback: (e: Error) => void = () => undefined
  const callback = new Promise<URL>((resolve, reject) => {
    resolveCallback = resolve
    rejectCallback = reject
  })
  // a rejection nobody awaits yet (the flow is still opening the browser) must not crash the process
  callback.catch(() => undefined)

  const server = createServer()
  let port = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const close = (): void => {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onAbort)
    server.close()
    server.closeAllConnections()
  }
  const finish = (error?: Error, url?: URL): void => {
    if (settled) return
    settled = true
    close()
    if (error) rejectCallback(error)
    else if (url) resolveCallback(url)
  }
  const onAbort = (): void => finish(new ListenerCancelled())

  const refuse = (res: ServerResponse, status: number, body = NOT_OURS): void => {
    refused++
    res.writeHead(status, PAGE_HEADERS).end(body)
  }
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (settled || accepted) return refuse(res, 410)
    if (req.method !== 'GET') return refuse(res, 405)
    // only the address the browser was sent to: a page on another name (DNS rebinding) is not it
    if (req.headers.host !== `127.0.0.1:${port}`) return refuse(res, 421)
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname !== PATH) return refuse(res, 404)
    if (url.searchParams.get('state') !== opts.expectedState) return refuse(res, 400)
    accepted = true
    const body = url.searchParams.has('error') ? PROVIDER_REFUSED : DONE
    res.writeHead(200, PAGE_HEADERS)
    res.end(body, () => finish(undefined, url))
  })

  return new Promise<LoopbackListener>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      if (opts.signal?.aborted) finish(new ListenerCancelled())
      opts.signal?.addEventListener('abort', onAbort, { once: true })
      timer = setTimeout(() => finish(new ListenerTimeout(opts.timeoutMs)), opts.timeoutMs)
      resolve({
        redirectUri: `http://127.0.0.1:${port}${PATH}`,
        callback,
        refused: () => refused,
        close: () => finish(new ListenerCancelled()),
      })
    })
  })
}
