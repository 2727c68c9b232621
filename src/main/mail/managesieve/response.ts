/**
 * ManageSieve (RFC 5804) server responses, parsed from bytes. A line is a list of tokens: atoms,
 * strings (quoted, with `\"` and `\\` escapes, or literals `{n}` CRLF n-octets, §4) and a
 * parenthesised response code. Pure: the session feeds it the bytes it has read.
 */
export type Token =
  { type: 'atom'; value: string } | { type: 'string'; value: string } | { type: 'code'; value: string }

export interface ParsedLine {
  tokens: Token[]
  /** Bytes used, including the final CRLF. */
  length: number
}

export class SieveProtocolError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SieveProtocolError'
  }
}

const SP = 0x20
const CR = 0x0d
const LF = 0x0a
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const OPEN_PAREN = 0x28
const CLOSE_PAREN = 0x29
/** A literal larger than this is refused: no reply of a small client's session is anywhere near it. */
const MAX_LITERAL = 256 * 1024

/**
 * Reads one complete response line from `buf` at `start`, or null when more bytes are needed. Throws
 * SieveProtocolError on bytes that cannot be a response.
 */
export function parseLine(buf: Buffer, start = 0): ParsedLine | null {
  const tokens: Token[] = []
  let i = start
  for (;;) {
    while (buf[i] === SP) i++
    if (i >= buf.length) return null
    const c = buf[i]
    if (c === CR || c === LF) {
      if (c === CR) {
        if (i + 1 >= buf.length) return null
        if (buf[i + 1] !== LF) throw new SieveProtocolError('A line break is not CRLF.')
        i++
      }
      return { tokens, length: i + 1 - start }
    }
    if (c === QUOTE) {
      const parsed = quoted(buf, i)
      if (!parsed) return null
      tokens.push({ type: 'string', value: parsed.value })
      i = parsed.end
    } else if (c === OPEN_BRACE) {
      const parsed = literal(buf, i)
      if (!parsed) return null
      tokens.push({ type: 'string', value: parsed.value })
      i = parsed.end
    } else if (c === OPEN_PAREN) {
      const parsed = code(buf, i)
      if (!parsed) return null
      tokens.push({ type: 'code', value: parsed.value })
      i = parsed.end
    } else {
      let end = i
      while (end < buf.length && ![SP, CR, LF, OPEN_PAREN, QUOTE].includes(buf[end] ?? SP)) end++
      if (end >= buf.length) return null
      tokens.push({ type: 'atom', value: buf.toString('utf8', i, end) })
      i = end
    }
  }
}

function quoted(buf: Buffer, at: number): { value: string; end: number } | null {
  const bytes: number[] = []
  for (let i = at + 1; i < buf.length; i++) {
    const b = buf[i] ?? 0
    if (b === BACKSLASH) {
      if (i + 1 >= buf.length) return null
      bytes.push(buf[++i] ?? 0)
    } else if (b === QUOTE) {
      return { value: Buffer.from(bytes).toString('utf8'), end: i + 1 }
    } else if (b === CR || b === LF) {
      throw new SieveProtocolError('A quoted string runs past the end of its line.')
    } else {
      bytes.push(b)
    }
  }
  return null
}

function literal(buf: Buffer, at: number): { value: string; end: number } | null {
  const close = buf.indexOf('}', at)
  if (close < 0) return buf.length - at > 20 ? bad('An unterminated literal length.') : null
  const m = /^\{(\d{1,9})\+?\}$/.exec(buf.toString('latin1', at, close + 1))
  if (!m) return bad('A malformed literal length.')
  const size = Number(m[1])
  if (size > MAX_LITERAL) return bad(`A ${size}-byte literal is larger than this client reads.`)
  if (close + 2 >= buf.length) return null
  if (buf[close + 1] !== CR || buf[close + 2] !== LF) return bad('A literal length is not followed by CRLF.')
  const from = close + 3
  if (from + size > buf.length) return null
  return { value: buf.toString('utf8', from, from + size), end: from + size }
}

function code(buf: Buffer, at: number): { value: string; end: number } | null {
  let inQuote = false
  for (let i = at + 1; i < buf.length; i++) {
    const b = buf[i]
    if (b === CR || b === LF) return bad('A response code runs past the end of its line.')
    if (inQuote && b === BACKSLASH) i++
    else if (b === QUOTE) inQuote = !inQuote
    else if (!inQuote && b === CLOSE_PAREN) return { value: buf.toString('utf8', at + 1, i), end: i + 1 }
  }
  return null
}

function bad(message: string): never {
  throw new SieveProtocolError(message)
}

/** A ManageSieve quoted string for a command argument (RFC 5804 §4: `"` and `\` escaped). */
export function sieveQuoted(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&')}"`
}

/** A client literal (`{n+}` CRLF octets: non-synchronising, the only kind a client sends, §4). */
export function sieveLiteral(value: string): string {
  return `{${Buffer.byteLength(value, 'utf8')}+}\r\n${value}`
}
