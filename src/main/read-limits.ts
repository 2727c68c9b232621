/**
 * Byte limits for everything Mailkey reads from a server: IMAP, POP3 and SMTP replies, the round
 * trip's search, and (later) discovery's HTTP/XML and OAuth responses. Far above what real servers
 * send (an IMAP CAPABILITY line is a few hundred bytes, an SMTP reply line at most 512 octets by
 * RFC 5321 §4.5.3.1.5, an autoconfig file a few KB) and far below harm: without them imapflow buffers
 * a line up to 1 GiB, and a 10 MB capability line injected before STARTTLS froze the process for
 * seconds at hundreds of MB (issue 12, fault 2).
 */
export const READ_LIMITS = {
  /** One protocol line, or one whole SMTP/POP3 reply. */
  lineBytes: 64 * 1024,
  /** One whole response: an IMAP response with its literals, an HTTP body. */
  responseBytes: 4 * 1024 * 1024,
} as const

/** The error code every reader uses when a server exceeded a limit. */
export const READ_LIMIT_CODE = 'EREADLIMIT'

/** The facts of a limit breach, in words a person can act on. */
export function readLimitFacts(what: 'line' | 'response', limit: number): { code: string; message: string } {
  return {
    code: READ_LIMIT_CODE,
    message: `The server sent a ${what} longer than ${Math.round(limit / 1024)} KB, far more than any mail server sends, so Mailkey stopped reading`,
  }
}

/** Library errors that mean a read limit was exceeded (imapflow's codes, nodemailer's message). */
export function isReadLimitError(code: string | undefined, message: string): 'line' | 'response' | undefined {
  if (code === READ_LIMIT_CODE) return /\bline\b/.test(message) ? 'line' : 'response'
  if (code === 'LineTooLarge') return 'line'
  if (code === 'LiteralTooLarge' || code === 'ResponseTooLarge') return 'response'
  if (/response exceeds maximum allowed size/i.test(message)) return 'line'
  return undefined
}
