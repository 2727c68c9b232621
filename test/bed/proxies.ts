import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer, isIP, type AddressInfo, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, waitForExit } from './process.js'

/**
 * Proxies for the office-options tests, each on a free loopback port: the real ones offices run
 * (Debian's microsocks for SOCKS5 with a password, tinyproxy for HTTP CONNECT with Basic auth) and two
 * small recording ones of our own that write down every request, so a test can see the mail server's
 * NAME arrive at the proxy, and resolve only the names they are given (like a proxy in another
 * network). Each stops with `stop()`, only what it started.
 */
export interface RunningProxy {
  port: number
  stop(): Promise<void>
}

export interface Credentials {
  user: string
  password: string
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`proxy exited with ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy()
        resolve(true)
      })
      s.on('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 30))
  }
}

function stopper(child: ChildProcess, cleanup: () => void = () => undefined): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await waitForExit(child, 5000)
    cleanup()
  }
}

/** microsocks (apt `microsocks`): SOCKS5 with user/password (RFC 1929). */
export async function startMicrosocks(auth: Credentials): Promise<RunningProxy> {
  const port = await freePort()
  const child = spawn('microsocks', ['-i', '127.0.0.1', '-p', String(port), '-u', auth.user, '-P', auth.password], {
    stdio: 'ignore',
  })
  await waitForPort(port, child)
  return { port, stop: stopper(child) }
}

export interface Tinyproxy extends RunningProxy {
  /** Its log: every CONNECT it was asked for, by name. */
  log(): string
}

/** tinyproxy (apt `tinyproxy`): HTTP CONNECT with Basic auth, logging each request line. */
export async function startTinyproxy(auth: Credentials): Promise<Tinyproxy> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-tinyproxy-'))
  const logFile = join(dir, 'tinyproxy.log')
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      `LogFile "${logFile}"`,
      'LogLevel Connect',
      `PidFile "${join(dir, 'tinyproxy.pid')}"`,
      'MaxClients 50',
      'Allow 127.0.0.1',
      `BasicAuth ${auth.user} ${auth.password}`,
      'DisableViaHeader Yes',
      '',
    ].join('\n'),
  )
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' })
  await waitForPort(port, child)
  const read = (): string => {
    try {
      return readFileSync(logFile, 'utf8')
    } catch {
      return ''
    }
  }
  return { port, log: read, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) }
}

/** One request a recording proxy received. */
export interface ProxyRequest {
  /** How the destination was named: a domain name (the proxy resolves it) or an address. */
  form: 'name' | 'ipv4' | 'ipv6'
  host: string
  port: number
}

export interface RecordingProxy extends RunningProxy {
  requests: ProxyRequest[]
}

/** Where a recording proxy sends a name: only names in `names` resolve (to loopback), like split DNS. */
function target(names: Readonly<Record<string, string>>, host: string): string | undefined {
  return isIP(host) ? host : names[host.toLowerCase()]
}

function pipeBoth(a: Socket, b: Socket): void {
  a.pipe(b)
  b.pipe(a)
  a.on('error', () => b.destroy())
  b.on('error', () => a.destroy())
  a.on('close', () => b.destroy())
  b.on('close', () => a.destroy())
}

async function listen(server: Server, sockets: Set<Socket>, requests: ProxyRequest[]): Promise<RecordingProxy> {
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Reads exactly `n` bytes (a tiny state machine is all a SOCKS5 server needs). */
function reader(socket: Socket): (n: number) => Promise<Buffer> {
  let buffered = Buffer.alloc(0)
  let waiting: { n: number; resolve: (b: Buffer) => void } | undefined
  const pump = (): void => {
    if (waiting && buffered.length >= waiting.n) {
      const { n, resolve } = waiting
      waiting = undefined
      const out = buffered.subarray(0, n)
      buffered = buffered.subarray(n)
      resolve(out)
    }
  }
  const onData = (c: Buffer): void => {
    buffered = Buffer.concat([buffered, c])
    pump()
  }
  socket.on('data', onData)
  return (n) =>
    new Promise((resolve) => {
      waiting = { n, resolve }
      pump()
    }).then((b) => b as Buffer)
}

/**
 * A SOCKS5 server (RFC 1928) with optional user/password (RFC 1929) that records each CONNECT and
 * resolves only `names`. Replies as a real one does: 0x04 host unreachable for a name it cannot
 * resolve, 0x05 refused when the port is closed.
 */
export function recordingSocks5(opts: { auth?: Credentials; names?: Record<string, string> }): Promise<RecordingProxy> {
  const requests: ProxyRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const read = reader(client)
    void (async () => {
      const [, count = 0] = await read(2)
      const methods = [...(await read(count))]
      const wanted = opts.auth ? 0x02 : 0x00
      if (!methods.includes(wanted)) {
        client.end(Buffer.from([5, 0xff]))
        return
      }
      client.write(Buffer.from([5, wanted]))
      if (opts.auth) {
        const [, ulen = 0] = await read(2)
        const user = (await read(ulen)).toString('utf8')
        const [plen = 0] = await read(1)
        const password = (await read(plen)).toString('utf8')
        const good = user === opts.auth.user && password === opts.auth.password
        client.write(Buffer.from([1, good ? 0 : 1]))
        if (!good) {
          client.end()
          return
        }
      }
      const [, , , atyp] = await read(4)
      let host: string
      let form: ProxyRequest['form']
      if (atyp === 3) {
        const [len = 0] = await read(1)
        host = (await read(len)).toString('latin1')
        form = 'name'
      } else if (atyp === 1) {
        host = [...(await read(4))].join('.')
        form = 'ipv4'
      } else {
        const raw = await read(16)
        host = (raw.toString('hex').match(/.{4}/g) ?? []).join(':')
        form = 'ipv6'
      }
      const port = (await read(2)).readUInt16BE(0)
      requests.push({ form, host, port })
      const reply = (code: number): Buffer => Buffer.from([5, code, 0, 1, 127, 0, 0, 1, 0, 0])
      const address = target(opts.names ?? {}, host)
      if (!address) {
        client.end(reply(4))
        return
      }
      const upstream = connect(port, address)
      upstream.once('error', () => client.end(reply(5)))
      upstream.once('connect', () => {
        upstream.removeAllListeners('error')
        client.removeAllListeners('data')
        client.write(reply(0))
        pipeBoth(client, upstream)
      })
    })().catch(() => client.destroy())
  })
  return listen(server, sockets, requests)
}

/** An HTTP CONNECT proxy (RFC 9110 §9.3.6) with optional Basic auth, recording each request. */
export function recordingHttpConnect(opts: {
  auth?: Credentials
  names?: Record<string, string>
}): Promise<RecordingProxy> {
  const requests: ProxyRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    let head = ''
    const onData = (c: Buffer): void => {
      head += c.toString('latin1')
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      client.removeListener('data', onData)
      const [line = '', ...headers] = head.slice(0, end).split('\r\n')
      const m = /^CONNECT (\[[^\]]+\]|[^:\s]+):(\d+) HTTP\/1\.[01]$/.exec(line)
      if (!m) {
        client.end('HTTP/1.1 400 Bad Request\r\n\r\n')
        return
      }
      const host = (m[1] ?? '').replace(/^\[|\]$/g, '')
      const port = Number(m[2])
      requests.push({ form: isIP(host) === 0 ? 'name' : isIP(host) === 4 ? 'ipv4' : 'ipv6', host, port })
      if (opts.auth) {
        const expected = `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.password}`).toString('base64')}`
        const given = headers.find((h) => /^proxy-authorization:/i.test(h))?.replace(/^[^:]+:\s*/, '')
        if (given !== expected) {
          client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="office"\r\n\r\n')
          return
        }
      }
      const address = target(opts.names ?? {}, host)
      if (!address) {
        client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
        return
      }
      const upstream = connect(port, address)
      upstream.once('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
      upstream.once('connect', () => {
        upstream.removeAllListeners('error')
        client.write('HTTP/1.1 200 Connection established\r\n\r\n')
        pipeBoth(client, upstream)
      })
    }
    client.on('data', onData)
  })
  return listen(server, sockets, requests)
}
