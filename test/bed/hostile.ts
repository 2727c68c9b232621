import { spawn } from 'node:child_process'
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { createInterface } from 'node:readline'

/**
 * Misbehaving servers for failure tests, each on a free loopback port, each recording every byte it
 * receives (so a test can prove no credential reached it). All stop with `close()`.
 */
export interface HostileServer {
  port: number
  /** Everything clients sent, as latin1 text. */
  received(): string
  /** Connections open now. */
  connections?(): number
  close(): Promise<void>
}

function track(server: Server): { sockets: Set<Socket>; data: string[] } {
  const sockets = new Set<Socket>()
  const data: string[] = []
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => undefined)
  })
  return { sockets, data }
}

async function listen(
  server: Server,
  state: { sockets: Set<Socket>; data: string[] },
  host = '127.0.0.1',
  port = 0,
): Promise<HostileServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    port: (server.address() as AddressInfo).port,
    received: () => state.data.join(''),
    connections: () => state.sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of state.sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Accepts the connection and never says a word. */
export function silentServer(): Promise<HostileServer> {
  const server = createTcpServer()
  const state = track(server)
  server.on('connection', (s) => s.on('data', (c: Buffer) => state.data.push(c.toString('latin1'))))
  return listen(server, state)
}

/** Reads the first bytes (a TLS ClientHello) and hangs up in the middle of the handshake. */
export function dropMidTls(): Promise<HostileServer> {
  const server = createTcpServer()
  const state = track(server)
  server.on('connection', (s) =>
    s.once('data', (c: Buffer) => {
      state.data.push(c.toString('latin1'))
      s.destroy()
    }),
  )
  return listen(server, state)
}

/** A reply that hangs up instead of answering (a connection dropped mid-command). */
export const DROP = Symbol('drop')

/**
 * A line-based server: sends `greeting`, then answers each line with `reply(line)` (lines joined with
 * CRLF; undefined: no answer; DROP: close the connection). Plaintext by default, or implicit TLS with
 * `tls` (a key pair). Enough to play an IMAP/POP3/SMTP server that lacks STARTTLS, offers no AUTH, or
 * quotes what it was sent.
 */
export function scriptedServer(
  greeting: string,
  reply: (line: string, socket: Socket) => string | undefined | typeof DROP,
  options: { tls?: { key: string; cert: string }; host?: string; port?: number } = {},
): Promise<HostileServer> {
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }) : createTcpServer()
  const state = track(server)
  if (options.tls) server.on('tlsClientError', () => undefined)
  server.on(options.tls ? 'secureConnection' : 'connection', (s: Socket) => {
    if (options.tls) s.on('error', () => undefined)
    s.on('data', (c: Buffer) => state.data.push(c.toString('latin1')))
    s.write(`${greeting}\r\n`)
    // readline re-emits the socket's errors (EPIPE when the client hung up first): the test decides
    createInterface({ input: s, crlfDelay: Infinity })
      .on('error', () => undefined)
      .on('line', (line) => {
        const answer = reply(line, s)
        if (answer === DROP) s.destroy()
        else if (answer !== undefined && !s.destroyed) s.write(`${answer}\r\n`)
      })
  })
  return listen(server, state, options.host, options.port)
}

/**
 * Sends `prefix` and then `bytes` more bytes of filler with no line break (at the pace the client
 * reads), then `suffix`: a line far longer than any real server's, or with `bytes: Infinity` an endless
 * one. Stops when the client goes away; `sentBytes()` says how much it got out.
 */
export function floodServer(opts: {
  prefix: string
  bytes: number
  suffix?: string
  /** Send the flood only after the client's first line (a reply, not the greeting). */
  greeting?: string
}): Promise<HostileServer & { sentBytes(): number }> {
  const server = createTcpServer()
  const state = track(server)
  let sent = 0
  const chunk = Buffer.alloc(64 * 1024, 'A')
  server.on('connection', (s) => {
    const flood = (): void => {
      s.write(opts.prefix)
      let left = opts.bytes
      const pump = (): void => {
        while (left > 0 && !s.destroyed) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
          left -= piece.length
          sent += piece.length
          if (!s.write(piece)) return void s.once('drain', pump)
        }
        if (!s.destroyed && opts.suffix) s.write(opts.suffix)
      }
      pump()
    }
    s.on('data', (c: Buffer) => state.data.push(c.toString('latin1')))
    if (opts.greeting === undefined) return flood()
    s.write(`${opts.greeting}\r\n`)
    s.once('data', flood)
  })
  return listen(server, state).then((h) => ({ ...h, sentBytes: () => sent }))
}

/**
 * A server that never finishes: after `greeting` and the client's first line that `starts(line)`
 * accepts, it sends `line` every `everyMs` forever, so a timeout that restarts on each line never fires.
 */
export function trickleServer(opts: {
  greeting: string
  starts: (line: string) => boolean
  /** Answers to the lines before (e.g. CAPA), if any. */
  reply?: (line: string) => string | undefined
  /** Sent at once when the trickle starts (POP3's "+OK" before a multi-line answer). */
  first?: string
  line: string
  everyMs: number
}): Promise<HostileServer> {
  const server = createTcpServer()
  const state = track(server)
  server.on('connection', (s) => {
    s.on('data', (c: Buffer) => state.data.push(c.toString('latin1')))
    s.write(`${opts.greeting}\r\n`)
    let timer: ReturnType<typeof setInterval> | undefined
    s.on('close', () => clearInterval(timer))
    createInterface({ input: s, crlfDelay: Infinity })
      .on('error', () => undefined)
      .on('line', (l) => {
        if (timer) return
        if (opts.starts(l)) {
          if (opts.first !== undefined) s.write(`${opts.first}\r\n`)
          timer = setInterval(() => !s.destroyed && s.write(`${opts.line}\r\n`), opts.everyMs)
          return
        }
        const answer = opts.reply?.(l)
        if (answer !== undefined && !s.destroyed) s.write(`${answer}\r\n`)
      })
  })
  return listen(server, state)
}

/**
 * A sendmail-style SMTP server that offers no AUTH (a relay, or port 25) and, like sendmail, answers a
 * command it does not know by quoting it: `500 5.5.1 Command unrecognized: "AUTH PLAIN AGFsaWNl…"`.
 * `starttls` adds STARTTLS to its EHLO reply (without being able to do it).
 */
export function sendmailStyleServer(
  options: { tls?: { key: string; cert: string }; starttls?: boolean } = {},
): Promise<HostileServer> {
  const ehlo = ['250-relay.example.test Hello [127.0.0.1], pleased to meet you', '250-ENHANCEDSTATUSCODES']
  if (options.starttls) ehlo.push('250-STARTTLS')
  ehlo.push('250-PIPELINING', '250 HELP')
  return scriptedServer(
    '220 relay.example.test ESMTP Sendmail 8.17.1; ready',
    (line) => {
      if (/^EHLO\b/i.test(line)) return ehlo.join('\r\n')
      if (/^QUIT\b/i.test(line)) return '221 2.0.0 relay.example.test closing connection'
      return `500 5.5.1 Command unrecognized: "${line}"`
    },
    options.tls ? { tls: options.tls } : {},
  )
}

/** Implicit TLS with the given certificate, then a greeting line (used with certificates that must fail). */
export function tlsServer(cert: { key: string; cert: string }, greeting: string): Promise<HostileServer> {
  const server = createTlsServer({ key: cert.key, cert: cert.cert })
  const state = track(server)
  server.on('secureConnection', (s) => s.write(`${greeting}\r\n`))
  server.on('tlsClientError', () => undefined)
  return listen(server, state)
}

/**
 * A black-holed port: a listening socket whose accept queue is full and that never accepts, so new
 * SYNs are dropped and a connect hangs like a firewalled port. Node always accepts, hence python3.
 * On 127.0.0.1 and a free port by default; `::1` and a given port play a dead IPv6 route to a server
 * that answers on IPv4 at that port.
 */
export async function blackHole(at: { host?: '127.0.0.1' | '::1'; port?: number } = {}): Promise<HostileServer> {
  const host = at.host ?? '127.0.0.1'
  const family = host === '::1' ? 'socket.AF_INET6' : 'socket.AF_INET'
  const script = [
    'import socket, sys',
    `s = socket.socket(${family}); s.bind(("${host}", ${at.port ?? 0})); s.listen(0)`,
    'fill = []',
    'for _ in range(4):',
    `    c = socket.socket(${family}); c.setblocking(False)`,
    '    try: c.connect(s.getsockname())',
    '    except BlockingIOError: pass',
    '    fill.append(c)',
    'print(s.getsockname()[1], flush=True)',
    'sys.stdin.read()',
  ].join('\n')
  const child = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim())))
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`black hole exited with ${code}`)))
  })
  // the queued handshakes finish asynchronously; give the kernel a moment before relying on it
  await new Promise((r) => setTimeout(r, 200))
  return {
    port,
    received: () => '',
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      }),
  }
}
