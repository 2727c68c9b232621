import { describe, expect, it } from 'vitest'
import { redactCommand, scrub, secretForms, Transcript } from '../../src/main/mail/transcript.js'

describe('redacting client commands', () => {
  it.each([
    ['AUTH PLAIN AGFsaWNlAHNlY3JldA==', 'AUTH PLAIN [redacted]'],
    ['auth login YWxpY2U=', 'auth login [redacted]'],
    ['2 AUTHENTICATE PLAIN AGFsaWNl', '2 AUTHENTICATE PLAIN [redacted]'],
    ['a1 LOGIN alice@example.test hunter2', 'a1 LOGIN alice@example.test [redacted]'],
    ['PASS hunter2', 'PASS [redacted]'],
    ['USER alice@example.test', 'USER alice@example.test'],
    ['EHLO [127.0.0.1]', 'EHLO [127.0.0.1]'],
    ['AUTH PLAIN', 'AUTH PLAIN'],
  ])('%j → %j', (line, redacted) => {
    expect(redactCommand(line)).toBe(redacted)
  })
})

describe('Transcript', () => {
  it('redacts SASL continuation lines until the server stops asking', () => {
    const t = new Transcript()
    t.client('AUTH LOGIN')
    t.server('334 VXNlcm5hbWU6')
    t.client('YWxpY2U=')
    t.server('334 UGFzc3dvcmQ6')
    t.client('aHVudGVyMg==')
    t.server('235 2.7.0 Accepted')
    t.client('QUIT')
    expect(t.lines.map((l) => `${l.dir} ${l.text}`)).toEqual([
      'C AUTH LOGIN',
      'S 334 VXNlcm5hbWU6',
      'C [redacted]',
      'S 334 UGFzc3dvcmQ6',
      'C [redacted]',
      'S 235 2.7.0 Accepted',
      'C QUIT',
    ])
  })

  it('scrubs the protected secret and its encodings from server lines too', () => {
    const t = new Transcript()
    t.protect('s3cretPass', 'alice')
    t.server('-ERR bad password s3cretPass')
    t.server(`echo ${Buffer.from('\0alice\0s3cretPass').toString('base64')}`)
    t.note(`failed for ${encodeURIComponent('s3cretPass')}`)
    expect(t.toString()).not.toContain('s3cretPass')
    expect(t.toString()).not.toContain(Buffer.from('s3cretPass').toString('base64'))
    expect(t.toString().match(/\[redacted\]/g)).toHaveLength(3)
  })

  it('splits multi-line replies and bounds line length and count', () => {
    const t = new Transcript()
    t.server('250-one\n250 two')
    expect(t.lines.map((l) => l.text)).toEqual(['250-one', '250 two'])
    t.server('x'.repeat(5000))
    expect(t.lines.at(-1)?.text.length).toBe(2000)
    for (let i = 0; i < 600; i++) t.note(String(i))
    expect(t.lines.length).toBe(500)
  })

  it('does not scrub short or empty secrets into every line', () => {
    expect(secretForms('')).toEqual([])
    expect(scrub('a b c', secretForms('abc'))).toBe('a b c')
  })
})
