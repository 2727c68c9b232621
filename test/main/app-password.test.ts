import { describe, expect, it } from 'vitest'
import {
  appPasswordProvider,
  checkAppPassword,
  normalizeAppPassword,
  normalizePastedSecret,
} from '../../src/shared/app-password.js'
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

describe('the one normaliser of a pasted secret (wizard, CLI, IPC services)', () => {
  const gmail = providerById('gmail')
  it.each([
    ['abcd efgh ijkl mnop', 'abcdefghijklmnop'],
    ['abcd\u00a0efgh ijkl mnop\n', 'abcdefghijklmnop'],
    // not an app password of that format once the spaces are gone: kept exactly, spaces and all
    ['my pass phrase 42!', 'my pass phrase 42!'],
    ['abcd-efgh-ijkl-mnop', 'abcd-efgh-ijkl-mnop'],
  ])('Gmail: %j → %j', (raw, sent) => {
    expect(normalizePastedSecret(raw, gmail)).toBe(sent)
  })

  it('iCloud drops its dashes; a provider without a format and no provider keep the password as typed', () => {
    expect(normalizePastedSecret('abcd-efgh-ijkl-mnop', providerById('icloud'))).toBe('abcdefghijklmnop')
    expect(normalizePastedSecret('abcd efgh ijkl mnop', providerById('outlook'))).toBe('abcd efgh ijkl mnop')
    expect(normalizePastedSecret('abcd efgh ijkl mnop', undefined)).toBe('abcd efgh ijkl mnop')
  })

  it('finds whose app password it is from the address, else from the servers named', () => {
    expect(appPasswordProvider({ email: 'a@gmail.com' })?.id).toBe('gmail')
    expect(appPasswordProvider({ email: 'a@example.org', hosts: ['SMTP.gmail.com '] })?.id).toBe('gmail')
    expect(appPasswordProvider({ email: 'a@example.org', hosts: ['imap.mail.me.com'] })?.id).toBe('icloud')
    expect(appPasswordProvider({ email: 'a@example.org', hosts: ['mail.example.org'] })).toBeUndefined()
  })
})
