import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

/** What a request gets: a response, or nothing at all (a server that hangs). */
export type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang'

/** The reply for `scheme://host/path`; undefined is a 404. */
export type Routes = (scheme: 'https' | 'http', host: string, path: string) => Reply | undefined

export interface AutoconfigServer {
  httpsPort: number
  httpPort: number
  /** Every request, as `scheme://host/path`. */
  requests: string[]
  /** Connections open now (a hanging request keeps its own open until the client gives up). */
  openConnections(): number
  close(): Promise<void>
}

function handler(scheme: 'https' | 'http', routes: Routes, requests: string[], delayMs: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
    const path = req.url ?? '/'
    requests.push(`${scheme}://${host}${path}`)
    const reply = routes(scheme, host, path)
    if (reply === 'hang') return
    const send = (): void => {
      if (!reply) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      res.writeHead(reply.status, { 'content-type': 'application/xml', ...reply.headers }).end(reply.body ?? '')
    }
    if (delayMs) setTimeout(send, delayMs)
    else send()
  }
}

function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

/**
 * The web side of the discovery zone on free loopback ports: one HTTPS server (the bed's certificate,
 * valid for the zone's names and 127.0.0.1) and one plain HTTP server, both answering by Host header
 * from `routes`: autoconfig files, `.well-known` files, the provider database mirror, redirects,
 * oversized and broken files, and requests that never get an answer.
 */
export async function startAutoconfigServer(opts: {
  key: string
  cert: string
  routes: Routes
  delayMs?: number
}): Promise<AutoconfigServer> {
  const requests: string[] = []
  const sockets = new Set<Socket>()
  const https = createHttpsServer(
    { key: opts.key, cert: opts.cert },
    handler('https', opts.routes, requests, opts.delayMs ?? 0),
  )
  const http = createHttpServer(handler('http', opts.routes, requests, opts.delayMs ?? 0))
  https.on('tlsClientError', () => undefined)
  const [httpsPort, httpPort] = await Promise.all([listen(https, sockets), listen(http, sockets)])
  return {
    httpsPort,
    httpPort,
    requests,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        let open = 2
        const one = (): void => {
          if (--open === 0) resolve()
        }
        https.close(one)
        http.close(one)
      }),
  }
}
