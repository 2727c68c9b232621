import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/main/app-error.js'
import { dispatch } from '../../src/main/ipc/dispatch.js'
import type { Handlers } from '../../src/main/ipc/handlers.js'
import { METHODS } from '../../src/shared/ipc/channels.js'

/** Handlers that record their calls; each test says what one of them does. */
function handlers(overrides: Partial<Handlers>): { handlers: Handlers; calls: string[] } {
  const calls: string[] = []
  const unexpected = (name: string) => (): Promise<never> => {
    calls.push(name)
    return Promise.reject(new Error(`${name} should not run`))
  }
  const all = Object.fromEntries(METHODS.map((m) => [m, overrides[m] ?? unexpected(m)])) as Handlers
  return { handlers: all, calls }
}

const ctx = { emit: () => undefined }

describe('dispatch: schema first, handler second, a Result always', () => {
  it.each([
    ['a missing field', { email: 'x' }],
    [
      'an unknown key',
      {
        testId: 'a',
        email: 'a@b.co',
        password: 'p',
        outgoing: { host: 'h.co', port: 465, security: 'tls' },
        debug: true,
      },
    ],
    [
      'a port out of range',
      { testId: 'a', email: 'a@b.co', password: 'p', outgoing: { host: 'h.co', port: 70000, security: 'tls' } },
    ],
    [
      'a host with CR/LF',
      { testId: 'a', email: 'a@b.co', password: 'p', outgoing: { host: 'h.co\r\nX', port: 465, security: 'tls' } },
    ],
    [
      'a 1 MB password',
      {
        testId: 'a',
        email: 'a@b.co',
        password: 'p'.repeat(1 << 20),
        outgoing: { host: 'h.co', port: 465, security: 'tls' },
      },
    ],
    ['not an object', 'connection please'],
    ['null', null],
  ])('refuses %s with INVALID_INPUT and never calls the handler', async (_what, input) => {
    const { handlers: h, calls } = handlers({})
    const r = await dispatch(h, 'testConnection', input, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(calls).toEqual([])
    if (!r.ok) expect(r.error.message.length).toBeLessThanOrEqual(500)
  })

  it('does not echo a rejected secret back in the error message', async () => {
    const secret = 'topsecret\r\nwithnewline'
    const { handlers: h } = handlers({})
    const r = await dispatch(
      h,
      'testConnection',
      { testId: 'a', email: 'a@b.co', password: secret, outgoing: { host: 'h.co', port: 465, security: 'tls' } },
      ctx,
    )
    expect(JSON.stringify(r)).not.toContain('topsecret')
  })

  it('passes parsed (trimmed) input to the handler and wraps its value', async () => {
    const seen: unknown[] = []
    const { handlers: h } = handlers({
      detectProvider: (input) => {
        seen.push(input)
        return Promise.resolve({
          provider: null,
          source: 'guess',
          incoming: null,
          incomingAlternatives: [],
          outgoing: null,
          outgoingAlternatives: [],
          username: input.email,
        })
      },
    })
    const r = await dispatch(h, 'detectProvider', { email: '  bob@example.org ' }, ctx)
    expect(seen).toEqual([{ email: 'bob@example.org' }])
    expect(r).toMatchObject({ ok: true, value: { username: 'bob@example.org' } })
  })

  it('turns an AppError into its code and message', async () => {
    const { handlers: h } = handlers({
      listAccounts: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'Unlock your keychain.')),
    })
    expect(await dispatch(h, 'listAccounts', undefined, ctx)).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'Unlock your keychain.' },
    })
  })

  it('hides an unexpected error behind INTERNAL (its message may quote input) and logs only its kind', async () => {
    const logs: string[] = []
    const { handlers: h } = handlers({ listAccounts: () => Promise.reject(new TypeError('password was hunter2')) })
    const r = await dispatch(h, 'listAccounts', undefined, ctx, (m) => logs.push(m))
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(r) + logs.join()).not.toContain('hunter2')
    expect(logs).toEqual(['listAccounts failed: TypeError'])
  })

  it('refuses input for a method that takes none', async () => {
    const { handlers: h, calls } = handlers({})
    expect(await dispatch(h, 'listAccounts', { all: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(calls).toEqual([])
  })
})
