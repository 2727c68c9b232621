/**
 * The two SASL mechanisms that carry an OAuth 2.0 bearer token to a mail server, shared by the SMTP
 * and POP3 probes (imapflow builds its own, the same way):
 * - XOAUTH2, Google's and Microsoft's: `user=<u>^Aauth=Bearer <t>^A^A`
 *   (https://developers.google.com/gmail/imap/xoauth2-protocol);
 * - OAUTHBEARER, RFC 7628 §3.1: a GS2 header `n,a=<u>,` then `host=`, `port=` and `auth=Bearer <t>`,
 *   each ended by ^A, and a final ^A.
 * A refused token comes back as a challenge holding base64 JSON (RFC 7628 §3.2.2); the client answers
 * it (XOAUTH2: an empty line, OAUTHBEARER: ^A) and the server then sends its final refusal.
 */

export type OAuthMechanism = 'XOAUTH2' | 'OAUTHBEARER'

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

export function xoauth2Response(user: string, token: string): string {
  return b64(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`)
}

export function oauthBearerResponse(user: string, token: string, host: string, port: number): string {
  // RFC 7628 §3.1 / RFC 5801 §4: "," and "=" in the authzid are escaped as =2C and =3D
  const authzid = user.replace(/=/g, '=3D').replace(/,/g, '=2C')
  return b64(`n,a=${authzid},\u0001host=${host}\u0001port=${port}\u0001auth=Bearer ${token}\u0001\u0001`)
}

export function initialResponse(
  mechanism: OAuthMechanism,
  user: string,
  token: string,
  host: string,
  port: number,
): string {
  return mechanism === 'XOAUTH2' ? xoauth2Response(user, token) : oauthBearerResponse(user, token, host, port)
}

/** What the client sends to a failure challenge to end the exchange (RFC 7628 §3.2.3: a lone ^A). */
export function challengeAnswer(mechanism: OAuthMechanism): string {
  return mechanism === 'XOAUTH2' ? '' : b64('\u0001')
}

/**
 * The mechanism to use among those the server offers: XOAUTH2 where offered (Gmail and Microsoft
 * document it), else OAUTHBEARER; undefined when it offers neither.
 */
export function pickOAuthMechanism(offered: readonly string[]): OAuthMechanism | undefined {
  const upper = offered.map((m) => m.toUpperCase())
  if (upper.includes('XOAUTH2')) return 'XOAUTH2'
  if (upper.includes('OAUTHBEARER')) return 'OAUTHBEARER'
  return undefined
}

/**
 * The error JSON of a failure challenge, RFC 7628 §3.2.2: `status` (OAUTHBEARER: "invalid_token",
 * "insufficient_scope"…; Google's XOAUTH2: "400"/"401"), the `scope` the server wants, the `schemes`.
 */
export interface OAuthChallenge {
  status: string
  scope?: string
  schemes?: string
}

const MAX_CHALLENGE = 4096

/** Decodes a base64 challenge into its error JSON; undefined when it is not one (bounded, never throws). */
export function decodeOAuthChallenge(challenge: string): OAuthChallenge | undefined {
  const text = challenge.trim()
  if (!text || text.length > MAX_CHALLENGE || !/^[A-Za-z0-9+/=]+$/.test(text)) return undefined
  try {
    return oauthChallengeFrom(JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as unknown)
  } catch {
    return undefined
  }
}

/** The challenge fields of an already parsed JSON (imapflow hands it over decoded), strings only. */
export function oauthChallengeFrom(value: unknown): OAuthChallenge | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  const field = (k: string): string | undefined =>
    typeof v[k] === 'string' || typeof v[k] === 'number' ? String(v[k]).slice(0, 512) : undefined
  const status = field('status')
  if (status === undefined) return undefined
  const scope = field('scope')
  const schemes = field('schemes')
  return { status, ...(scope !== undefined ? { scope } : {}), ...(schemes !== undefined ? { schemes } : {}) }
}
