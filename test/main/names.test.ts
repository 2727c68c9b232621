import { describe, expect, it } from 'vitest'
import { asciiHost } from '../../src/main/host-names.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import type { Handlers } from '../../src/main/ipc/handlers.js'
import { EmailSchema, HostSchema, isValidHost, UsernameSchema } from '../../src/shared/mail.js'

/** Issue 12, fault 8: addresses and host names with bidi or control characters, and IDN hosts. */
describe('addresses, login names and host names', () => {
  it.each([
    ['a right-to-left override before the domain', '\u202Egmail.com@evil.test'],
    ['a right-to-left override in the domain', 'alice@ex\u202Eample.com'],
    ['a bidi isolate', 'alice\u2066@example.com'],
    ['a left-to-right mark', 'alice\u200E@example.com'],
    ['a zero-width space', 'ali\u200Bce@example.com'],
    ['a control character', 'ali\u0007ce@example.com'],
    ['a line separator', 'alice\u2028@example.com'],
  ])('refuses an address with %s', (_what, address) => {
    expect(EmailSchema.safeParse(address).success).toBe(false)
  })

  it('accepts ordinary and internationalised addresses', () => {
    for (const a of [
      'alice@gmail.com',
      'jörg@bücher.example',
      'user+tag@xn--bcher-kva.example',
      'δοκιμή@παράδειγμα.δοκιμή',
    ]) {
      expect(EmailSchema.safeParse(a).success, a).toBe(true)
    }
  })

  it('host names: IDN labels yes, bidi and zero-width characters no', () => {
    for (const h of [
      'imap.gmail.com',
      'bücher.example',
      'mañana.example',
      'xn--bcher-kva.example',
      '127.0.0.1',
      '::1',
    ]) {
      expect(isValidHost(h), h).toBe(true)
    }
    for (const h of [
      'imap.\u202Egmail.com',
      'im\u200Bap.example',
      '-bad.example',
      'a..b',
      'bü cher.example',
      'x\u0000.com',
    ]) {
      expect(isValidHost(h), JSON.stringify(h)).toBe(false)
    }
    expect(HostSchema.safeParse('imap.gm\u202Eail.com').success).toBe(false)
    expect(UsernameSchema.safeParse('alice\u202E').success).toBe(false)
  })

  it('main converts an IDN host to punycode (UTS #46) and keeps IP literals', () => {
    expect(asciiHost('bücher.example')).toBe('xn--bcher-kva.example')
    expect(asciiHost('IMAP.Example.COM')).toBe('imap.example.com')
    expect(asciiHost('::1')).toBe('::1')
    expect(asciiHost('xn--a.example')).toBeNull()
  })

  it('over IPC the handler receives the punycode form; an invalid one is INVALID_INPUT', async () => {
    const seen: unknown[] = []
    const handlers = {
      testConnection: (input: unknown) => {
        seen.push(input)
        return Promise.resolve({ ms: 0 })
      },
    } as unknown as Handlers
    const input = (host: string): unknown => ({
      testId: 't1',
      email: 'jörg@bücher.example',
      password: 'secretPassword1',
      incoming: { protocol: 'imap', host, port: 993, security: 'tls' },
    })
    expect(await dispatch(handlers, 'testConnection', input('imap.bücher.example'), { emit: () => undefined })).toEqual(
      {
        ok: true,
        value: { ms: 0 },
      },
    )
    expect(seen[0]).toMatchObject({ incoming: { host: 'imap.xn--bcher-kva.example' } })
    const bad = await dispatch(handlers, 'testConnection', input('xn--a.example'), { emit: () => undefined })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const bidi = await dispatch(
      handlers,
      'testConnection',
      { ...(input('imap.example.com') as object), email: '\u202Egmail.com@evil.test' },
      { emit: () => undefined },
    )
    expect(bidi).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(seen).toHaveLength(1)
  })
})
