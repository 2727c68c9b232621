/**
 * The structure inside a failure text, read the way a mail client reads a reply rather than by its
 * wording: SMTP reply codes with their enhanced status codes, IMAP and POP3 response codes, and the
 * JSON a server sends to refuse an XOAUTH2 token. Pure text in, plain data out.
 */

/** One SMTP reply found in the text: `535 5.7.8 …`, `(535, b'5.7.8 …')`, `code "535"`. */
export interface SmtpReply {
  /** The basic reply code (RFC 5321 §4.2), e.g. 535. */
  basic?: number
  /** The enhanced status code (RFC 3463: class.subject.detail), e.g. "5.7.8". */
  enhanced?: string
}

/** An XOAUTH2 refusal (Google's and Microsoft's `{"status","schemes","scope"}`), decoded. */
export interface OAuthChallenge {
  status?: string
  scope?: string
  /** Where in the text the challenge starts. */
  index: number
}

export interface TextStructure {
  smtp: SmtpReply[]
  /** Enhanced codes alone, whether or not a basic code came with them. */
  enhanced: string[]
  /** IMAP response codes (RFC 3501 §7.1, RFC 5530), upper case: AUTHENTICATIONFAILED, ALERT… */
  imapCodes: string[]
  /** POP3 extended response codes (RFC 2449 §8, RFC 3206), upper case: AUTH, SYS/PERM, IN-USE… */
  pop3Codes: string[]
  oauth: OAuthChallenge[]
}

/** An enhanced status code: class 2, 4 or 5, then subject and detail (RFC 3463 §2). */
const ENHANCED = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/g

/**
 * A basic reply code where a reply starts: at a line start, after a separator or a quote, or as a
 * library prints it ("(535, b'…')", "421: 4.3.2", "code \"535\"", "code: 550", "SMTP code: 550").
 * Ports never look like one: 465 and 587 have a second digit above 5, the others start with 1 or 9.
 */
const BASIC =
  /(?:^|[\s:'"([<>=;,-])([2-5][0-5]\d)(?:[ -](?=\S)|:\s|,\s*b?['"]|['"]|\s*$|\))|code:?\s*"?([2-5][0-5]\d)\b/gm

/** Bracketed response codes; IMAP's are atoms, POP3's may hold a slash (SYS/PERM). */
const BRACKETED = /\[([A-Z][A-Z0-9-]*(?:\/[A-Z][A-Z0-9-]*)*)(?:[ \]])/g
const POP3_CODES = new Set(['AUTH', 'SYS/PERM', 'SYS/TEMP', 'IN-USE', 'LOGIN-DELAY', 'SYS', 'UTF8', 'RESP-CODES'])

/** Base64 that decodes to a JSON object starting `{"` (what every XOAUTH2 refusal looks like). */
const JSON_BASE64 = /eyJ[A-Za-z0-9+/=_-]{8,}/g

function smtpReplies(text: string): SmtpReply[] {
  const replies: SmtpReply[] = []
  for (const m of text.matchAll(BASIC)) {
    const basic = Number(m[1] ?? m[2] ?? m[3])
    // the enhanced code that follows this basic one on the same reply, if any
    const rest = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40)
    const enhanced = /^\s*b?['"]?\s*([245]\.\d{1,3}\.\d{1,3})\b/.exec(rest)?.[1]
    replies.push({ basic, ...(enhanced ? { enhanced } : {}) })
  }
  return replies
}

function decodeChallenge(token: string, index: number): OAuthChallenge | undefined {
  try {
    const json: unknown = JSON.parse(atob(token.replace(/-/g, '+').replace(/_/g, '/')))
    if (typeof json !== 'object' || json === null) return undefined
    const { status, scope } = json as Record<string, unknown>
    const code = typeof status === 'string' || typeof status === 'number' ? String(status) : undefined
    if (code === undefined && typeof scope !== 'string') return undefined
    return {
      ...(code !== undefined ? { status: code } : {}),
      ...(typeof scope === 'string' ? { scope } : {}),
      index,
    }
  } catch {
    return undefined
  }
}

export function structureOf(text: string): TextStructure {
  const bracketed = [...text.matchAll(BRACKETED)].map((m) => m[1] ?? '')
  return {
    smtp: smtpReplies(text),
    enhanced: [...text.matchAll(ENHANCED)].map((m) => `${m[1]}.${Number(m[2])}.${Number(m[3])}`),
    imapCodes: bracketed.filter((c) => !c.includes('/')),
    pop3Codes: bracketed.filter((c) => POP3_CODES.has(c)),
    oauth: [...text.matchAll(JSON_BASE64)].flatMap((m) => decodeChallenge(m[0], m.index ?? 0) ?? []),
  }
}
