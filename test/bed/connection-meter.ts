import { createServer, Socket, type AddressInfo, type Server } from 'node:net'

/**
 * A pass-through TCP proxy in front of a bed server that counts what the server sees: connections
 * open at once, and the most there ever were. It listens on its own loopback address (127.0.0.2 is a
 * different host from 127.0.0.1 to a client, and the bed certificate names both), so a test can give
 * each "provider host" its own meter and read the per-host limit at the server side. `delayMs` holds
 * each server reply back a little, so sessions overlap the way slow real servers make them.
 */
export interface ConnectionMeter {
  host: string
  port: number
  /** Connections open right now. */
  readonly open: number
  /** The most connections that were open at once. */
  readonly peak: number
  /** Connections accepted in all. */
  readonly total: number
  close(): Promise<void>
}

export async function startMeter(
  host: string,
  targetPort: number,
  opts: { delayMs?: number; onChange?: (open: number) => void } = {},
): Promise<ConnectionMeter> {
  const sockets = new Set<Socket>()
  let open = 0
  let peak = 0
  let total = 0
  const server: Server = createServer({ noDelay: true }, (client) => {
    open++
    total++
    peak = Math.max(peak, open)
    opts.onChange?.(open)
    const upstream = new Socket()
    sockets.add(client).add(upstream)
    // the server saw the session end when the client's side closed; the reply stream keeps its order
    client.on('error', () => undefined)
    client.once('close', () => {
      open--
      opts.onChange?.(open)
      upstream.destroy()
    })
    upstream.on('error', () => client.destroy())
    upstream.connect(targetPort, '127.0.0.1', () => {
      client.pipe(upstream)
      const delay = opts.delayMs ?? 0
      let queue = Promise.resolve()
      const later = (fn: () => void): void => {
        queue = queue.then(() => new Promise<void>((r) => setTimeout(r, delay))).then(fn)
      }
      upstream.on('data', (chunk: Buffer) => later(() => void (client.destroyed || client.write(chunk))))
      upstream.on('end', () => later(() => client.end()))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, resolve)
  })
  return {
    host,
    port: (server.address() as AddressInfo).port,
    get open() {
      return open
    },
    get peak() {
      return peak
    },
    get total() {
      return total
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
