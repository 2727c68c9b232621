import { ProbeFailure } from './probe-failure.js'

/** SASL mechanisms Mailkey can sign in with using a password (nodemailer's, minus XOAUTH2). */
const PASSWORD_MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5'] as const

/**
 * What the server said it offers in its last EHLO reply (RFC 5321 §4.1.1.1, AUTH per RFC 4954 §3),
 * read from the transaction log as the reply passes. A server answered with HELO offers nothing.
 */
export class EhloCapabilities {
  private lastCommand = ''
  private reply: string | undefined

  /** Feeds one logged line or reply: `client` commands and `server` replies, in order. */
  observe(from: 'client' | 'server', text: string): void {
    if (from === 'client') {
      this.lastCommand = text
      if (/^HELO\b/i.test(text)) this.reply = undefined
    } else if (/^EHLO\b/i.test(this.lastCommand)) {
      this.reply = text
    }
  }

  private lines(): string[] {
    return (this.reply ?? '').split(/\r?\n/).map((l) => l.replace(/^\d{3}[ -]/, '').trim())
  }

  has(keyword: string): boolean {
    return this.lines().some((l) => l.toUpperCase().split(/\s+/)[0] === keyword)
  }

  /** The AUTH mechanisms advertised (upper case), or undefined when the server advertised no AUTH. */
  authMechanisms(): string[] | undefined {
    const auth = this.lines().filter((l) => /^AUTH[\s=]/i.test(l))
    if (auth.length === 0) return undefined
    return auth
      .flatMap((l) =>
        l
          .slice(5)
          .trim()
          .toUpperCase()
          .split(/[\s=]+/),
      )
      .filter(Boolean)
  }
}

/**
 * RFC 4954 §4: a client must not send AUTH to a server that did not advertise it, nor a mechanism the
 * server did not list. Sending it anyway gets the password echoed back by some servers (sendmail's
 * `500 5.5.1 Command unrecognized: "AUTH PLAIN …"`), so the probe stops here with the reason:
 * - no AUTH on an unencrypted session that offers STARTTLS: AUTH is hidden until TLS is up;
 * - no AUTH otherwise: the server takes no sign-in on this port (a relay, or port 25);
 * - AUTH without a password mechanism (NTLM, GSSAPI, XOAUTH2 only): not one Mailkey can use.
 * Returns the mechanisms that may be used. With `token` (an OAuth login) any AUTH offer passes here: the
 * token's own mechanisms are picked, and their absence reported, when it signs in.
 */
export function requireAuthOffer(caps: EhloCapabilities, encrypted: boolean, token = false): string[] {
  const offered = caps.authMechanisms()
  if (offered === undefined) {
    if (!encrypted && caps.has('STARTTLS')) {
      throw new ProbeFailure({
        code: 'SMTP_AUTH_AFTER_STARTTLS',
        message: 'The server offers sign-in (AUTH) only after STARTTLS; no password was sent',
      })
    }
    throw new ProbeFailure({
      code: 'SMTP_NO_AUTH',
      message: 'The server offers no sign-in (no AUTH in its EHLO reply); no password was sent',
    })
  }
  // a token signs in with XOAUTH2 or OAUTHBEARER (RFC 7628); smtp-sasl.ts says so when neither is offered
  if (token) return offered
  const usable = PASSWORD_MECHANISMS.filter((m) => offered.includes(m))
  if (usable.length === 0) {
    throw new ProbeFailure({
      code: 'ENOAUTHMECH',
      message: `The server offers no password sign-in Mailkey can use (AUTH ${offered.join(' ')}); no password was sent`,
    })
  }
  return usable
}
