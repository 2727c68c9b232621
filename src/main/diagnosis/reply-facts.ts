import type { Protocol } from '../../shared/mail.js'
import type { DiagnosisInput } from './input.js'

/**
 * What a message no rule recognises still tells from its structure alone: the protocol it comes from
 * and the class of its code. Sources: RFC 5321 §4.2.1 (SMTP replies: 4yz transient, 5yz permanent),
 * RFC 3463 (enhanced status codes class.subject.detail), RFC 9051 §7.1 (IMAP tagged NO: refused, BAD:
 * not understood) with RFC 5530 (IMAP response codes), RFC 2449 §8 and RFC 3206 (POP3 -ERR codes).
 */
export interface ReplyFacts {
  /** Given with the input, or told by the reply's shape. */
  protocol?: Protocol
  /** Plain sentences, the protocol first, then what each code means. */
  sentences: string[]
}

const PROTOCOL_WORDS: Record<Protocol, string> = {
  smtp: 'It comes from sending mail (SMTP).',
  imap: 'It comes from receiving mail (IMAP).',
  pop3: 'It comes from receiving mail (POP3).',
}

/** RFC 3463 §3: the subject digit of an enhanced status code. */
const ENHANCED_SUBJECT: Record<string, string> = {
  '0': 'not further specified',
  '1': 'about an address',
  '2': 'about the mailbox',
  '3': 'about the receiving mail system',
  '4': 'about the network or routing',
  '5': 'about the mail protocol itself',
  '6': 'about the message’s content',
  '7': 'a security or policy refusal (sign-in, permissions, sender rules)',
}

/** RFC 5530 (and RFC 9051 for ALERT): what an IMAP response code says, in plain words. */
const IMAP_CODES: Record<string, string> = {
  ALERT: 'the server wants its words shown to you as they are',
  UNAVAILABLE: 'a temporary failure on the server’s side',
  AUTHENTICATIONFAILED: 'the sign-in was refused',
  AUTHORIZATIONFAILED: 'the sign-in worked but this account may not be used',
  EXPIRED: 'the password or sign-in has expired',
  PRIVACYREQUIRED: 'the server wants an encrypted connection first',
  CONTACTADMIN: 'the server asks you to contact its administrator',
  NOPERM: 'the account has no permission for this',
  INUSE: 'something is in use by another session',
  LIMIT: 'a server limit was reached',
  OVERQUOTA: 'the mailbox is over its storage quota',
  SERVERBUG: 'the server reports a fault of its own',
  CLIENTBUG: 'the server says the mail app sent something wrong',
  CANNOT: 'the server can never do this',
}

/** RFC 2449 §8 and RFC 3206: POP3's extended response codes. */
const POP3_CODES: Record<string, string> = {
  AUTH: 'the sign-in itself was refused',
  'SYS/TEMP': 'a temporary problem on the server’s side',
  'SYS/PERM': 'a lasting problem on the server’s side',
  'IN-USE': 'another mail app is using the mailbox right now',
  'LOGIN-DELAY': 'the mail app signed in again too soon',
}

/** A reply code at the start of a line or after "said:" / "responded:" / "Response:", never a port number in a sentence. */
const SMTP_CODE = /(?:^|:\s*)([45][0-5]\d)(?=[ -](?:[245]\.\d|[^\d\s]))/m
const ENHANCED = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/
const IMAP_REPLY = /(?:^|[\s:])(?:[A-Za-z0-9.]{1,20}\s+)?(NO|BAD)\s+(?:\[([A-Z][A-Z-]*)[^\]]*\])?/m
const POP3_REPLY = /-ERR\b(?:\s*\[([A-Z/-]+)\])?/
const OUTLOOK_NUMBER = /\b0x800CCC[0-9A-F]{2}\b/i

function smtpFacts(text: string, responseCode: number | undefined): string[] {
  const found = responseCode ?? Number(SMTP_CODE.exec(text)?.[1] ?? NaN)
  const out: string[] = []
  if (found >= 400 && found < 600) {
    out.push(
      found < 500
        ? `${found} is a temporary refusal: the server asks to try again later.`
        : `${found} is a lasting refusal: the server will say no again until something changes.`,
    )
  }
  const enhanced = ENHANCED.exec(text)
  if (enhanced && enhanced[1] !== '2') {
    const [code, klass = '', subject = ''] = enhanced
    const kind = klass === '4' ? 'temporary' : 'lasting'
    out.push(`${code} is a ${kind} failure ${ENHANCED_SUBJECT[subject] ?? 'of an unlisted kind'}.`)
  }
  return out
}

function imapFacts(text: string): string[] {
  const m = IMAP_REPLY.exec(text)
  if (!m) return []
  const out = [
    m[1] === 'NO'
      ? 'The server understood the request and refused it (NO).'
      : 'The server did not understand what the mail app sent (BAD): a mail app or protocol problem.',
  ]
  const meaning = m[2] ? IMAP_CODES[m[2]] : undefined
  if (m[2] && meaning) out.push(`[${m[2]}] means ${meaning}.`)
  return out
}

function pop3Facts(text: string): string[] {
  const m = POP3_REPLY.exec(text)
  if (!m) return []
  const meaning = m[1] ? POP3_CODES[m[1]] : undefined
  return ['The server refused the request (-ERR).', ...(m[1] && meaning ? [`[${m[1]}] means ${meaning}.`] : [])]
}

/** A mail app's own sentence that names one protocol ("Your incoming (POP3) e-mail server…"). */
const NAMED: readonly (readonly [Protocol, RegExp])[] = [
  ['smtp', /\bSMTP\b/i],
  ['imap', /\bIMAP4?\b/i],
  ['pop3', /\bPOP3?\b/i],
]

/** Mail apps that name no protocol still say which way mail was going (iOS: "Cannot Get Mail"). */
const DIRECTION: readonly (readonly [string, RegExp])[] = [
  [
    'It is about receiving mail.',
    /\b(?:get|receiv\w*|incoming|fetch\w*|download\w*)\s+(?:new\s+)?(?:mail|e-?mail|messages?|server)\b/i,
  ],
  ['It is about sending mail.', /\b(?:send\w*|outgoing)\s+(?:mail|e-?mail|messages?|server)\b/i],
]

/** The protocol the input names, else the one its reply's shape gives away, else the one its words name. */
function protocolOf(input: DiagnosisInput, text: string): Protocol | undefined {
  if (input.protocol) return input.protocol
  if (input.responseCode !== undefined || SMTP_CODE.test(text)) return 'smtp'
  if (POP3_REPLY.test(text)) return 'pop3'
  if (IMAP_REPLY.test(text)) return 'imap'
  const named = NAMED.filter(([, re]) => re.test(text))
  return named.length === 1 ? named[0]?.[0] : undefined
}

/** What is known about a reply no rule recognised (see ReplyFacts). */
export function replyFacts(input: DiagnosisInput): ReplyFacts {
  const text = `${input.text}\n${input.message ?? ''}`
  const protocol = protocolOf(input, text)
  const direction = DIRECTION.filter(([, re]) => re.test(text))
  const sentences: string[] = protocol
    ? [PROTOCOL_WORDS[protocol]]
    : direction.length === 1 && direction[0]
      ? [direction[0][0]]
      : []
  if (protocol === 'smtp') sentences.push(...smtpFacts(text, input.responseCode))
  if (protocol === 'imap') sentences.push(...imapFacts(text))
  if (protocol === 'pop3') sentences.push(...pop3Facts(text))
  if (OUTLOOK_NUMBER.test(text)) {
    sentences.push('The 0x800CCC… number is Outlook’s own error number; it does not carry the server’s words.')
  }
  return { ...(protocol ? { protocol } : {}), sentences }
}
