import { describe, expect, it } from 'vitest'
import { checkAppPassword, normalizeAppPassword } from '../../src/shared/app-password.js'
import { providerById } from '../../src/shared/providers.js'

const google = providerById('gmail').appPassword?.format
const icloud = providerById('icloud').appPassword?.format
const fastmail = providerById('fastmail').appPassword?.format

describe('pasting an app password', () => {
  it.each([
    ['abcd efgh ijkl mnop', 'abcdefghijklmnop'],
    ['abcdefghijklmnop', 'abcdefghijklmnop'],
    ['  abcd efgh ijkl mnop\n', 'abcdefghijklmnop'],
    ['abcd\u00a0efgh\u00a0ijkl\u00a0mnop', 'abcdefghijklmnop'],
    ['abcd\tefgh ijkl  mnop', 'abcdefghijklmnop'],
  ])('Google: %j → %j', (raw, normal) => {
    expect(normalizeAppPassword(raw, google)).toBe(normal)
    expect(checkAppPassword(normalizeAppPassword(raw, google), google)).toEqual({ ok: true })
  })

  it('strips hyphens only where the provider shows them (iCloud)', () => {
    expect(normalizeAppPassword('abcd-efgh-ijkl-mnop', icloud)).toBe('abcdefghijklmnop')
    expect(normalizeAppPassword('abcd-efgh-ijkl-mnop', google)).toBe('abcd-efgh-ijkl-mnop')
  })

  it('says how many letters are missing', () => {
    const r = checkAppPassword('abcdefghijklmno', google)
    expect(r).toEqual({ ok: false, message: expect.stringContaining('16 letters; this has 15') })
  })

  it('refuses digits in a letters-only password and accepts them for Fastmail', () => {
    expect(checkAppPassword('abcdefghijklmn12', google).ok).toBe(false)
    expect(checkAppPassword('abcd1234efgh5678', fastmail).ok).toBe(true)
  })

  it('asks for something when the field is empty, whatever the provider', () => {
    expect(checkAppPassword('', undefined)).toEqual({ ok: false, message: 'Paste the app password.' })
    expect(checkAppPassword('any password at all', undefined)).toEqual({ ok: true })
  })
})
