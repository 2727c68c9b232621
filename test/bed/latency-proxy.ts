import { createServer, Socket, type AddressInfo, type Server } from 'node:net'

/**
 * Adds `oneWayMs` of delay in each direction in front of a loopback port (netem is not available on
 * the project's kernels; see ../shared/notes/test-bed.md §6). The upstream connect waits 3 × d to
 * stand for the SYN/SYN-ACK/ACK exchange; each chunk is passed on d ms after it was read, in order.
 */
export interface LatencyProxy {
  port: number
  close(): Promise<void>
}

function pipe(src: Socket, dst: Socket, ready: () => Promise<unknown>, d: number): void {
  let queue: Promise<unknown> = Promise.resolve()
  const wait = (due: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())))
  src.on('data', (chunk: Buffer) => {
    const due = Date.now() + d
    queue = queue
      .then(ready)
      .then(() => wait(due))
      .then(() => dst.destroyed || dst.write(chunk))
  })
  src.on('end', () => {
    const due = Date.now() + d
    queue = queue
      .then(ready)
      .then(() => wait(due))
      .then(() => dst.end())
  })
  src.on('error', () => dst.destroy())
  src.on('close', () => {
    void queue.then(() => setTimeout(() => dst.destroy(), d))
  })
}

/** `host`: the loopback address to listen on (127.0.0.1 unless given; 127.0.0.2 stands for another server host). */
export async function startLatencyProxy(
  targetPort: number,
  oneWayMs: number,
  host = '127.0.0.1',
): Promise<LatencyProxy> {
  const sockets = new Set<Socket>()
  const server: Server = createServer({ noDelay: true }, (client) => {
    const upstream = new Socket()
    upstream.setNoDelay(true)
    sockets.add(client).add(upstream)
    upstream.on('error', () => client.destroy())
    const ready = new Promise<void>((resolve) =>
      setTimeout(() => upstream.connect(targetPort, '127.0.0.1', resolve), 3 * oneWayMs),
    )
    pipe(client, upstream, () => ready, oneWayMs)
    pipe(upstream, client, () => Promise.resolve(), oneWayMs)
  })
  await new Promise<void>((r) => server.listen(0, host, r))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
