import { createServer, type Server } from 'node:http'
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoveryFlags } from '../../src/main/cli/discover-args.js'
import { createHttpGet } from '../../src/main/discovery/net/http-get.js'

/** A provider database mirror on this computer's IPv6 loopback, reached as http://[::1]:PORT/ (the CLI's --ispdb). */
describe('an IPv6 literal in a lookup URL', () => {
  let server: Server
  let port = 0
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' })
      res.end(`<clientConfig version="1.1"><!-- ${req.url ?? ''} --></clientConfig>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '::1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('connects to the address inside the brackets, and the flag takes it', async () => {
    const asked: string[] = []
    const get = createHttpGet({
      timeoutMs: 3000,
      connect: ({ host, port: p }) =>
        new Promise<Socket>((resolve, reject) => {
          asked.push(host)
          const s = netConnect({ host, port: p }, () => resolve(s))
          s.once('error', reject)
        }),
    })
    const flags = discoveryFlags({ ispdb: `http://[::1]:${port}/v1.1` })
    expect(flags.ispdb).toBe(`http://[::1]:${port}/v1.1/`)
    const body = await get(new URL('example.test', flags.ispdb), AbortSignal.timeout(5000))
    expect(asked).toEqual(['::1'])
    expect(body?.text).toContain('/v1.1/example.test')
  })

  it('--ispdb refuses a password in the URL (never sent, never printed) and plain http to another computer', () => {
    expect(() => discoveryFlags({ ispdb: 'http://user:secret123@127.0.0.1:8765/v1.1/' })).toThrow(
      /--ispdb: Leave the user name and password out/,
    )
    expect(() => discoveryFlags({ ispdb: 'http://mirror.example.com/v1.1/' })).toThrow(/--ispdb: .*https/)
    expect(() => discoveryFlags({ ispdb: 'ftp://127.0.0.1/' })).toThrow(/--ispdb: /)
  })
})
