import { describe, expect, it } from 'vitest'
import { ConnectionTestInput, SaveAccountInput } from '../../src/shared/ipc/contract.js'
import { EmailSchema, HostSchema, isValidHost, PortSchema } from '../../src/shared/mail.js'

const good = {
  testId: 't1',
  email: 'alice@gmail.com',
  password: 'abcdefghijklmnop',
  incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
}

describe('host names', () => {
  it.each([
    ['imap.gmail.com', true],
    ['localhost', true],
    ['127.0.0.1', true],
    ['::1', true],
    ['mail-1.example.co.uk', true],
    ['smtp.gmail.com.', true],
    ['', false],
    ['smtp gmail.com', false],
    ['smtp.gmail.com\r\nRCPT TO:<x@y>', false],
    ['smtp.gmail.com\n', false],
    ['-bad.example.com', false],
    ['bad-.example.com', false],
    ['a'.repeat(64) + '.com', false],
    ['x.'.repeat(130) + 'com', false],
    ['under_score.example.com', false],
    ['1.2.3', false],
    ['http://smtp.gmail.com', false],
  ])('%j → %s', (host, valid) => {
    expect(isValidHost(host)).toBe(valid)
  })

  it('trims surrounding spaces but refuses inner ones', () => {
    expect(HostSchema.parse('  imap.gmail.com ')).toBe('imap.gmail.com')
    expect(HostSchema.safeParse('imap .gmail.com').success).toBe(false)
  })
})

describe('ports', () => {
  it.each([0, -1, 65536, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('%s is refused', (port) => {
    expect(PortSchema.safeParse(port).success).toBe(false)
  })
  it.each([1, 25, 465, 587, 993, 65535])('%s is accepted', (port) => {
    expect(PortSchema.parse(port)).toBe(port)
  })
  it('refuses a numeric string', () => {
    expect(PortSchema.safeParse('993').success).toBe(false)
  })
})

describe('email addresses', () => {
  it.each(['alice@gmail.com', 'first.last+tag@example.co.uk', 'ALICE@Example.COM'])('%s is accepted', (e) => {
    expect(EmailSchema.safeParse(e).success).toBe(true)
  })
  it.each([
    'alice',
    'alice@',
    '@gmail.com',
    'alice@gmail',
    'al ice@gmail.com',
    'alice@gmail.com\r\nBcc: x@y.z',
    'alice@gm ail.com',
    `${'a'.repeat(65)}@gmail.com`,
    `alice@${'a'.repeat(250)}.com`,
    'a<b>@gmail.com',
  ])('%j is refused', (e) => {
    expect(EmailSchema.safeParse(e).success).toBe(false)
  })
})

describe('connection:test input', () => {
  it('accepts a well-formed request', () => {
    expect(ConnectionTestInput.safeParse(good).success).toBe(true)
  })

  it('refuses unknown keys at every level', () => {
    expect(ConnectionTestInput.safeParse({ ...good, extra: 1 }).success).toBe(false)
    // a page that tries to hand main its own TLS options (here: a CA of its choosing) is refused
    const ownCa = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
    expect(ConnectionTestInput.safeParse({ ...good, incoming: { ...good.incoming, ca: ownCa } }).success).toBe(false)
    expect(ConnectionTestInput.safeParse({ ...good, outgoing: { ...good.outgoing, tls: { ca: ownCa } } }).success).toBe(
      false,
    )
  })

  it('refuses a 1 MB password with a clear message', () => {
    const r = ConnectionTestInput.safeParse({ ...good, password: 'x'.repeat(1024 * 1024) })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/too long to be a password/)
  })

  it('refuses a password with a line break (it would end an SMTP/POP3 command)', () => {
    expect(ConnectionTestInput.safeParse({ ...good, password: 'abc\r\nQUIT' }).success).toBe(false)
  })

  it('refuses an unencrypted server unless plaintext was explicitly allowed', () => {
    const plain = { ...good, outgoing: { ...good.outgoing, port: 25, security: 'none' } }
    expect(ConnectionTestInput.safeParse(plain).success).toBe(false)
    expect(ConnectionTestInput.safeParse({ ...plain, allowPlaintext: true }).success).toBe(true)
  })

  it('needs at least one server', () => {
    const { incoming: _i, outgoing: _o, ...none } = good
    expect(ConnectionTestInput.safeParse(none).success).toBe(false)
  })

  it('does not let __proto__ smuggle fields in', () => {
    const hostile = JSON.parse(
      `{"testId":"t1","email":"alice@gmail.com","password":"p","__proto__":{"allowPlaintext":true},"outgoing":{"host":"h.example","port":465,"security":"tls"}}`,
    ) as unknown
    const r = ConnectionTestInput.safeParse(hostile)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.code).toBe('unrecognized_keys')
  })
})

describe('accounts:save input', () => {
  it('refuses a display name of 10 kB and an unknown provider id', () => {
    const save = {
      email: good.email,
      providerId: 'gmail',
      incoming: good.incoming,
      outgoing: good.outgoing,
      password: 'p',
    }
    expect(SaveAccountInput.safeParse(save).success).toBe(true)
    expect(SaveAccountInput.safeParse({ ...save, displayName: 'x'.repeat(10_000) }).success).toBe(false)
    expect(SaveAccountInput.safeParse({ ...save, providerId: 'evil' }).success).toBe(false)
  })
})
