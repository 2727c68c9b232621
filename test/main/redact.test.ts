import { describe, expect, it } from 'vitest'
import { base64Cores, Redactor, REDACTED, secretForms } from '../../src/main/mail/redact.js'

const USER = 'alice@example.test'
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')
const b64url = (s: string): string => b64(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** Every way a client could have sent the secret, as a server might quote it back. */
function encodings(secret: string): Record<string, string> {
  return {
    plain: secret,
    base64: b64(secret),
    base64url: b64url(secret),
    'SASL PLAIN': b64(`\0${USER}\0${secret}`),
    'SASL PLAIN with authzid': b64(`${USER}\0${USER}\0${secret}`),
    'SASL PLAIN, another authzid': b64(`admin\0${USER}\0${secret}`),
    'SASL LOGIN password line': b64(secret),
    XOAUTH2: b64(`user=${USER}\x01auth=Bearer ${secret}\x01\x01`),
    'XOAUTH2 base64url': b64url(`user=${USER}\x01auth=Bearer ${secret}\x01\x01`),
    'URL-encoded': encodeURIComponent(secret),
    'form-encoded': encodeURIComponent(secret).replace(/%20/g, '+'),
    'IMAP quoted': `"${secret.replace(/["\\]/g, (c) => `\\${c}`)}"`,
    JSON: JSON.stringify(secret),
  }
}

describe('Redactor: a server text never carries the secret back, in any encoding', () => {
  // letters, digits, a space, a quote, a backslash, non-ASCII: the characters that change under encoding
  for (const secret of ['abcdefghijklmnop', 'hunter2!', 'pä ss"wo\\rd 7', 'x', 'zz']) {
    const redactor = new Redactor([{ username: USER, password: secret }])
    for (const [name, form] of Object.entries(encodings(secret))) {
      it(`${JSON.stringify(secret)} as ${name}`, () => {
        const echoed = `535 5.7.8 Authentication failed for ${form} (try again)`
        const out = redactor.text(echoed)
        if (secret.length >= 4) {
          // nothing of the secret's encodings survives: not the form, not the secret, not its base64 cores
          expect(out).not.toContain(form.replace(/^"|"$/g, ''))
          expect(out).not.toContain(secret)
          for (const core of base64Cores(secret)) if (core.length >= 4) expect(out).not.toContain(core)
          expect(out).toContain(REDACTED)
        }
        expect(out.startsWith('535 5.7.8 Authentication failed for ')).toBe(true)
      })
    }
  }

  it('a secret inside any base64 blob is found at each of the three byte alignments', () => {
    const secret = 'Secr3tPassw0rd'
    const r = new Redactor([{ username: USER, password: secret }])
    for (const prefix of ['', 'x', 'xy', 'xyz', `\0someone-else\0`]) {
      const blob = b64(`${prefix}${secret}tail`)
      expect(r.text(`echo ${blob}`)).not.toMatch(new RegExp(base64Cores(secret).join('|')))
    }
  })

  it('a cut-off echo (sendmail’s “AUTH PLAIN AGFsaWNl…”) is redacted, and so is any echoed AUTH argument', () => {
    const r = new Redactor([{ username: 'alice', password: 'correct horse' }])
    const blob = b64('\0alice\0correct horse')
    expect(r.text(`500 5.5.1 Command unrecognized: "AUTH PLAIN ${blob.slice(0, 8)}…"`)).toBe(
      `500 5.5.1 Command unrecognized: "AUTH PLAIN ${REDACTED}"`,
    )
    expect(r.text(`500 5.5.1 Command unrecognized: "AUTH LOGIN ${blob.slice(0, 14)}..."`)).toBe(
      `500 5.5.1 Command unrecognized: "AUTH LOGIN ${REDACTED}"`,
    )
    expect(r.text('a1 BAD AUTHENTICATE XOAUTH2 dXNlcj1hbGljZQFhdXRo failed')).toBe(
      `a1 BAD AUTHENTICATE XOAUTH2 ${REDACTED} failed`,
    )
    expect(r.text('the password was correct hor...')).toBe(`the password was ${REDACTED}`)
  })

  it('leaves capability lines and ordinary words alone', () => {
    const r = new Redactor([{ username: USER, password: 'abcdefghijklmnop' }])
    for (const line of [
      '250-AUTH PLAIN LOGIN XOAUTH2',
      '250 AUTH=PLAIN LOGIN',
      '* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR',
      '535 5.7.8 Username and Password not accepted.',
      'AUTH PLAIN',
    ]) {
      expect(r.text(line)).toBe(line)
    }
  })

  it('covers every login in play, and forms shorter than four characters are not blanked out', () => {
    const r = new Redactor([
      { username: 'a@x.test', password: 'first-secret' },
      { username: 'b@x.test', password: 'second-secret' },
    ])
    expect(r.text('first-secret and second-secret')).toBe(`${REDACTED} and ${REDACTED}`)
    expect(secretForms('ab')).toEqual([])
    expect(new Redactor([{ username: 'u', password: 'ab' }]).text('a b ab')).toBe('a b ab')
  })
})
