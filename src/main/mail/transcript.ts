import { REDACTED, Redactor } from './redact.js'

export { secretForms } from './redact.js'

/**
 * A redacted record of one probe's protocol exchange, for the user to copy for support (Mailspring's
 * "view log"). Credentials never enter it: AUTH/LOGIN/PASS arguments and SASL continuation lines are
 * replaced, and every line is scrubbed of the secret and its encodings (redact.ts) as a second guard.
 */
export type Direction = 'S' | 'C' | '*'

export interface TranscriptLine {
  ms: number
  dir: Direction
  text: string
}

const MAX_LINE = 2000
const MAX_LINES = 500

export function scrub(text: string, forms: readonly string[]): string {
  let out = text
  for (const f of forms) out = out.split(f).join(REDACTED)
  return out
}

/** Replaces the credential part of a client command; anything else passes unchanged. */
export function redactCommand(line: string): string {
  const auth = /^((?:\S+ )?AUTH(?:ENTICATE)?\s+\S+)\s+\S.*$/i.exec(line)
  if (auth) return `${auth[1]} ${REDACTED}`
  const login = /^((?:\S+ )?LOGIN\s+\S+)\s+\S.*$/i.exec(line)
  if (login) return `${login[1]} ${REDACTED}`
  if (/^PASS\s/i.test(line)) return `PASS ${REDACTED}`
  return line
}

export class Transcript {
  readonly lines: TranscriptLine[] = []
  private inSasl = false
  private redactor = new Redactor()
  private readonly t0: number

  constructor(private readonly now: () => number = () => performance.now()) {
    this.t0 = now()
  }

  /** Registers a secret (and login name) too, so their encodings are scrubbed from every line. */
  protect(secret: string, user?: string): void {
    this.redactor.protect({ username: user ?? '', password: secret })
  }

  /** Scrubs every line with `redactor` (all the secrets of a test, not only this probe's). */
  redactWith(redactor: Redactor): void {
    this.redactor = redactor
  }

  server(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      // a SASL exchange goes on while the server sends continuations (SMTP 334, IMAP/POP3 "+")
      if (this.inSasl && !/^(334[ -]|\+( |$))/.test(line)) this.inSasl = false
      this.push('S', line)
    }
  }

  client(text: string): void {
    for (const line of text.split(/\r?\n/)) {
      if (this.inSasl) {
        this.push('C', REDACTED)
        continue
      }
      if (/^(\S+ )?AUTH(ENTICATE)?\s/i.test(line)) this.inSasl = true
      this.push('C', redactCommand(line))
    }
  }

  note(text: string): void {
    this.push('*', text)
  }

  toString(): string {
    return this.lines.map((l) => `${String(l.ms).padStart(6)} ms ${l.dir}: ${l.text}`).join('\n')
  }

  private push(dir: Direction, text: string): void {
    if (this.lines.length >= MAX_LINES) return
    const clean = this.redactor.text(text).slice(0, MAX_LINE)
    this.lines.push({ ms: Math.round(this.now() - this.t0), dir, text: clean })
  }
}
