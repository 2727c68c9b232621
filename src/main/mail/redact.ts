import { isPendingLogin, loginSecret, type LoginSource } from './login.js'

/**
 * Removes every secret in play from text a server (or a library) sent back, before that text leaves a
 * probe: "Server said", the JSON `serverText`, transcripts, IPC results, support text and saved records
 * all take their words from here. Servers quote what the client sent (sendmail answers an AUTH it does
 * not know with `500 5.5.1 Command unrecognized: "AUTH PLAIN AGFsaWNl…"`), so the password can come
 * back in any encoding the client used:
 * - as typed, and escaped the ways a client quotes it (IMAP/JSON quoted strings, URL and form encoding);
 * - base64, alone (SASL LOGIN) or inside a SASL blob (PLAIN `authzid\0user\0pass`, RFC 4616; XOAUTH2
 *   `user=…\x01auth=Bearer …\x01\x01`): the secret's bytes are found inside any base64 text at each of
 *   the three byte alignments, in the standard and the URL-safe alphabet (RFC 4648 §4, §5);
 * - cut short: a prefix of any of those forms that ends in an ellipsis;
 * - and any argument of an AUTH/AUTHENTICATE command the server echoes, whatever it encodes.
 */
export const REDACTED = '[redacted]'

/** Shorter forms would blank out ordinary words; a secret this short is not worth hiding from itself. */
const MIN_FORM = 4

const b64 = (bytes: Buffer): string => bytes.toString('base64')
const b64url = (s: string): string => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/**
 * The part of base64 text that encodes `secret` whatever precedes it: for each alignment (0, 1 or 2
 * bytes before it within a 3-byte group), only the characters whose 6 bits all come from the secret.
 */
export function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const cores: string[] = []
  for (let pad = 0; pad < 3; pad++) {
    const text = b64(Buffer.concat([Buffer.alloc(pad), bytes])).replace(/=+$/, '')
    const first = Math.ceil((pad * 8) / 6)
    const end = Math.floor(((pad + bytes.length) * 8) / 6)
    cores.push(text.slice(first, end))
  }
  return cores
}

/** Every form `secret` can take on the wire or in a library's message (see the module comment). */
export function secretForms(secret: string, username?: string): string[] {
  if (secret.length < MIN_FORM) return []
  const quoted = secret.replace(/["\\]/g, (c) => `\\${c}`)
  const url = encodeURIComponent(secret)
  const blobs: string[] = []
  if (username !== undefined) {
    for (const raw of [
      `\u0000${username}\u0000${secret}`,
      `${username}\u0000${username}\u0000${secret}`,
      `user=${username}\u0001auth=Bearer ${secret}\u0001\u0001`,
    ]) {
      const encoded = b64(Buffer.from(raw, 'utf8'))
      blobs.push(encoded, b64url(encoded))
    }
  }
  const whole = b64(Buffer.from(secret, 'utf8'))
  const cores = base64Cores(secret)
  const forms = [
    ...blobs,
    whole,
    b64url(whole),
    secret,
    quoted,
    JSON.stringify(secret).slice(1, -1),
    url,
    url.replace(/%20/g, '+'),
    ...cores,
    ...cores.map(b64url),
  ]
  // longest first, so a whole blob is replaced before the core inside it
  return [...new Set(forms.filter((f) => f.length >= MIN_FORM))].sort((a, b) => b.length - a.length)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * An AUTH or AUTHENTICATE command quoted back: whatever follows the mechanism is a credential. A
 * mechanism-shaped word after it ("250-AUTH PLAIN LOGIN XOAUTH2", an EHLO line) is not one.
 */
const AUTH_ECHO = /\b(AUTH(?:ENTICATE)?[ \t]+[A-Za-z0-9_-]+)[ \t]+([A-Za-z0-9+/=_.-]+(?:…|\.\.\.)?)/gi
const MECHANISM = /^[A-Z0-9-]+$/

/** A cut-off form: a prefix of it and the ellipsis after it (both go: the cut is part of the echo). */
function truncatedPattern(forms: readonly string[]): RegExp | undefined {
  const alternatives = forms.flatMap((f) => {
    const out: string[] = []
    for (let n = f.length - 1; n >= MIN_FORM; n--) out.push(escapeRegExp(f.slice(0, n)))
    return out
  })
  if (alternatives.length === 0) return undefined
  return new RegExp(`(?:${alternatives.join('|')})(?:…|\\.\\.\\.)`, 'g')
}

/**
 * The secrets of one test (every login on both sides) and what removes them from text. A password or a
 * ready access token is known at once; a token still to be fetched (an OAuth login's "authorizing"
 * stage) is added with `protect` the moment it arrives, before any server sees it.
 */
export class Redactor {
  private forms: string[] = []
  private truncated: RegExp | undefined

  constructor(logins: readonly LoginSource[] = []) {
    for (const login of logins) this.protect(login)
  }

  /** Adds a login's secret: its password or access token (a pending token login has none yet). */
  protect(login: LoginSource): void {
    if (isPendingLogin(login)) return
    const added = secretForms(loginSecret(login), login.username)
    this.forms = [...new Set([...this.forms, ...added])].sort((a, b) => b.length - a.length)
    this.truncated = truncatedPattern(this.forms)
  }

  /** `text` with every form of every secret, and every echoed AUTH argument, replaced. */
  text(text: string): string {
    let out = text
    for (const form of this.forms) out = out.split(form).join(REDACTED)
    if (this.truncated) out = out.replace(this.truncated, REDACTED)
    return out.replace(AUTH_ECHO, (match, command: string, argument: string) =>
      MECHANISM.test(argument) ? match : `${command} ${REDACTED}`,
    )
  }

  /** The same for an optional field. */
  optional(text: string | undefined): string | undefined {
    return text === undefined ? undefined : this.text(text)
  }
}
