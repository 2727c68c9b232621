import { afterAll, describe, expect, it } from 'vitest'
import { keychainError } from '../../src/main/credentials/keychain-problem.js'
import { createKeytarStore } from '../../src/main/credentials/keytar-store.js'
import { keychainProblem, scratchKeychain } from './keychain.js'

const problem = await keychainProblem()

describe.skipIf(problem !== null)(
  `keytar against the real Secret Service${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    const store = scratchKeychain()
    afterAll(() => store.clear())

    it('stores, replaces, lists and deletes secrets under its own service', async () => {
      await store.set('acc1:incoming', 'first secret')
      expect(await store.get('acc1:incoming')).toBe('first secret')
      await store.set('acc1:incoming', 'second secret')
      expect(await store.get('acc1:incoming')).toBe('second secret')
      await store.set('acc1:outgoing', 'relay secret')
      expect((await store.keys()).sort()).toEqual(['acc1:incoming', 'acc1:outgoing'])
      expect(await store.delete('acc1:incoming')).toBe(true)
      expect(await store.delete('acc1:incoming')).toBe(false)
      expect(await store.get('acc1:incoming')).toBeNull()
    })

    it('keeps services apart: another service sees none of these entries', async () => {
      await store.set('acc2:incoming', 'x')
      expect(await createKeytarStore(`${store.service}-other`).keys()).toEqual([])
    })
  },
)

describe('keychain error messages', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /No desktop session bus/],
    ['The name org.freedesktop.secrets was not provided by any .service files', /Install GNOME Keyring/],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      /locked or has no default collection/,
    ],
    ['something else entirely', /could not use the system keychain/],
  ])('%s', (raw, advice) => {
    const e = keychainError(new Error(raw))
    expect(e.code).toBe('KEYCHAIN_UNAVAILABLE')
    expect(e.message).toMatch(advice)
  })
})

describe.skipIf(problem !== null)('keychain calls that overlap', () => {
  const store = scratchKeychain()
  afterAll(() => store.clear())

  it('a listing during writes and deletes never fails (the app lists accounts while checking health)', async () => {
    await store.set('acc9:incoming', 'x')
    const work: Promise<unknown>[] = []
    for (let i = 0; i < 20; i++) {
      work.push(store.set(`tmp${i}:incoming`, `s${i}`).then(() => store.delete(`tmp${i}:incoming`)))
      work.push(store.keys())
    }
    await Promise.all(work)
    expect(await store.keys()).toEqual(['acc9:incoming'])
  })
})
