import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { TLSSocket } from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { uploadSieveScript } from '../../src/main/mail/managesieve/upload-script.js'
import { timeoutsFrom } from '../../src/main/mail/timeouts.js'
import { bed } from './bed.js'

const b = bed()
const LOGIN = { username: 'me@example.test', password: 'secret-app-pass' }
const SCRIPT = { name: 'mailkey', text: 'require "fileinto";\nkeep;\n' }
const CAPS = '"IMPLEMENTATION" "Fake"\r\n"SASL" "PLAIN"\r\n"SIEVE" "fileinto"\r\n"VERSION" "1.0"\r\n'

/**
 * A scripted ManageSieve server on loopback: `onLine` answers each command line it reads (over TLS
 * after STARTTLS, with the bed's certificate); everything the client sent is kept, with where it
 * arrived (plain or tls).
 */
async function fakeServer(opts: {
  greeting: string
  afterStartTls?: string
  onLine?: (line: string, tls: boolean) => string | null
}): Promise<{ port: number; received: { line: string; tls: boolean }[]; server: Server }> {
  const received: { line: string; tls: boolean }[] = []
  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    const listen = (s: Socket, tls: boolean): void => {
      let buf = ''
      s.on('data', (chunk: Buffer) => {
        buf += chunk.toString('utf8')
        for (let nl = buf.indexOf('\r\n'); nl >= 0; nl = buf.indexOf('\r\n')) {
          const line = buf.slice(0, nl)
          buf = buf.slice(nl + 2)
          received.push({ line, tls })
          if (!tls && line === 'STARTTLS') {
            s.removeAllListeners('data')
            s.write(opts.afterStartTls ?? 'OK "Begin TLS negotiation now."\r\n')
            const secure = new TLSSocket(s, { isServer: true, key: b.certs.server.key, cert: b.certs.server.cert })
            secure.on('error', () => undefined)
            secure.once('secure', () => secure.write(CAPS + 'OK\r\n'))
            listen(secure, true)
            return
          }
          const reply = opts.onLine?.(line, tls)
          if (reply) s.write(reply)
        }
      })
    }
    socket.write(opts.greeting)
    listen(socket, false)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  servers.push(server)
  return { port: (server.address() as AddressInfo).port, received, server }
}

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()))
})

const upload = (port: number, timeoutMs = 3000) =>
  uploadSieveScript({ host: '127.0.0.1', port }, LOGIN, SCRIPT, {
    connection: { trust: { ca: b.ca }, timeouts: timeoutsFrom(timeoutMs) },
    signal: new AbortController().signal,
  })

describe('ManageSieve client against servers that misbehave', () => {
  it('a server without STARTTLS never sees the password', async () => {
    const fake = await fakeServer({ greeting: '"IMPLEMENTATION" "Old"\r\n"SASL" "PLAIN"\r\nOK\r\n' })
    const r = await upload(fake.port)
    expect(r).toMatchObject({ ok: false, step: 'connect', reason: 'no-tls' })
    expect(fake.received).toEqual([])
  })

  it('bytes sent before the TLS handshake (a STARTTLS injection) stop the session', async () => {
    const fake = await fakeServer({
      greeting: CAPS + '"STARTTLS"\r\nOK\r\n',
      afterStartTls: 'OK "Begin TLS"\r\n"SASL" "PLAIN"\r\nOK\r\n',
    })
    const r = await upload(fake.port)
    expect(r).toMatchObject({ ok: false, step: 'starttls', reason: 'failed' })
    expect(fake.received.map((x) => x.line)).toEqual(['STARTTLS'])
  })

  it('a script refused with a literal reply: the server text, whole; the password went over TLS only', async () => {
    const complaint = 'mailkey: line 2: error: unknown command "keep2".\r\nmailkey: error: validation failed.'
    const fake = await fakeServer({
      greeting: CAPS + '"STARTTLS"\r\nOK\r\n',
      onLine: (line) =>
        line.startsWith('AUTHENTICATE')
          ? 'OK "Logged in."\r\n'
          : line.startsWith('CHECKSCRIPT')
            ? `NO {${Buffer.byteLength(complaint)}}\r\n${complaint}\r\n`
            : null,
    })
    const r = await upload(fake.port)
    expect(r).toMatchObject({ ok: false, step: 'check', reason: 'rejected', serverText: complaint })
    const auth = fake.received.find((x) => x.line.startsWith('AUTHENTICATE'))
    expect(auth?.tls).toBe(true)
    const ir = /"([^"]+)"$/.exec(auth?.line ?? '')?.[1] ?? ''
    expect(Buffer.from(ir, 'base64').toString('utf8')).toBe(`\0${LOGIN.username}\0${LOGIN.password}`)
    expect(fake.received.filter((x) => !x.tls).map((x) => x.line)).toEqual(['STARTTLS'])
  })

  it('over quota on PUTSCRIPT, and a refused login, are said as such', async () => {
    const quota = await fakeServer({
      greeting: CAPS + '"STARTTLS"\r\nOK\r\n',
      onLine: (line) =>
        line.startsWith('PUTSCRIPT')
          ? 'NO (QUOTA/MAXSIZE) "Script is too large."\r\n'
          : /^(AUTH|CHECK)/.test(line)
            ? 'OK\r\n'
            : null,
    })
    expect(await upload(quota.port)).toMatchObject({
      ok: false,
      step: 'upload',
      reason: 'rejected',
      message: expect.stringContaining('over the space'),
      serverText: 'Script is too large.',
    })
    const refused = await fakeServer({
      greeting: CAPS + '"STARTTLS"\r\nOK\r\n',
      onLine: (line) => (line.startsWith('AUTHENTICATE') ? 'NO "Authentication failed."\r\n' : null),
    })
    expect(await upload(refused.port)).toMatchObject({
      ok: false,
      step: 'login',
      reason: 'refused',
      serverText: 'Authentication failed.',
    })
  })

  it('a server that never greets is given up on at the greeting timeout', async () => {
    const silent = await fakeServer({ greeting: '' })
    const started = Date.now()
    const r = await upload(silent.port, 800)
    expect(r).toMatchObject({ ok: false, reason: 'not-offered' })
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
