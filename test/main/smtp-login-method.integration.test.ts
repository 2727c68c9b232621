import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runTest } from './run-test.js'
import { DEFAULT_TIMEOUTS } from '../../src/main/mail/timeouts.js'
import { bed } from './bed.js'

const b = bed()

/** A submission server that offers AUTH LOGIN only (older Exchange and some hosting panels). */
describe('sender check against a server that offers only AUTH LOGIN', () => {
  let server: SMTPServer
  let port = 0
  const mailFrom: string[] = []
  beforeAll(async () => {
    server = new SMTPServer({
      ...b.certs.server,
      secure: true,
      authMethods: ['LOGIN'],
      logger: false,
      onAuth: (auth, _s, cb) => cb(null, auth.password === 'loginOnlySecret' ? { user: auth.username } : undefined),
      onMailFrom: (address, _s, cb) => {
        mailFrom.push(address.address)
        cb()
      },
    })
    server.on('error', () => undefined)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('signs in with LOGIN, then checks the envelope', async () => {
    const { report, transcripts } = await runTest({
      email: 'carol@example.test',
      password: 'loginOnlySecret',
      outgoing: { host: '127.0.0.1', port, security: 'tls' },
      timeouts: DEFAULT_TIMEOUTS,
      trust: { ca: b.ca },
      senderCheck: { from: 'carol@example.test', to: 'carol@example.test' },
    })
    expect(report.outgoing).toMatchObject({ ok: true })
    expect(mailFrom).toEqual(['carol@example.test'])
    const wire = transcripts.outgoing?.toString() ?? ''
    expect(wire).toContain('C: AUTH LOGIN')
    expect(wire).not.toContain(Buffer.from('loginOnlySecret').toString('base64'))
    expect(wire).not.toContain('loginOnlySecret')
  })
})
