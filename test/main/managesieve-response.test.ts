import { describe, expect, it } from 'vitest'
import { parseLine, SieveProtocolError, sieveLiteral, sieveQuoted } from '../../src/main/mail/managesieve/response.js'

const line = (s: string) => parseLine(Buffer.from(s, 'utf8'))

describe('ManageSieve responses (RFC 5804 §4)', () => {
  it('capability lines: quoted strings', () => {
    expect(line('"SASL" "PLAIN LOGIN"\r\n')).toEqual({
      tokens: [
        { type: 'string', value: 'SASL' },
        { type: 'string', value: 'PLAIN LOGIN' },
      ],
      length: 22,
    })
    expect(line('"STARTTLS"\r\n')?.tokens).toEqual([{ type: 'string', value: 'STARTTLS' }])
  })

  it('OK/NO with a response code (even one holding a quoted ")") and escaped text', () => {
    expect(line('NO (QUOTA/MAXSIZE) "Script is \\"too\\" big \\\\ sorry"\r\n')?.tokens).toEqual([
      { type: 'atom', value: 'NO' },
      { type: 'code', value: 'QUOTA/MAXSIZE' },
      { type: 'string', value: 'Script is "too" big \\ sorry' },
    ])
    expect(line('OK (SASL "a)b") "Logged in."\r\n')?.tokens[1]).toEqual({ type: 'code', value: 'SASL "a)b"' })
  })

  it('a literal reply spanning lines, in UTF-8 bytes ({n} counts octets)', () => {
    const text = 'bad: line 1: error: unexpected ";" — ü\r\nparse failed.'
    const raw = Buffer.from(`NO {${Buffer.byteLength(text)}}\r\n${text}\r\n`, 'utf8')
    expect(parseLine(raw)).toEqual({
      tokens: [
        { type: 'atom', value: 'NO' },
        { type: 'string', value: text },
      ],
      length: raw.length,
    })
  })

  it('waits for more bytes rather than guessing', () => {
    for (const partial of ['OK', 'OK "half', 'NO {10}\r\nabc', 'NO {10', '"SASL" "PLAIN"\r']) {
      expect(line(partial), partial).toBeNull()
    }
  })

  it('refuses what cannot be a response', () => {
    expect(() => line('NO {99999999}\r\n')).toThrow(SieveProtocolError)
    expect(() => line('NO {12x}\r\n')).toThrow(SieveProtocolError)
    expect(() => line('NO "broken\r\n')).toThrow(SieveProtocolError)
    expect(() => line('OK\rX')).toThrow(SieveProtocolError)
  })

  it('commands quote names and send scripts as non-synchronising literals', () => {
    expect(sieveQuoted('my "script" \\ 1')).toBe('"my \\"script\\" \\\\ 1"')
    expect(sieveLiteral('größe;')).toBe('{8+}\r\ngröße;')
  })
})
