import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { OAuth2Issuer, OAuth2Service, type MutableRedirectUri, type MutableResponse } from 'oauth2-mock-server'

/**
 * The bed's authorization server: oauth2-mock-server 8.2.3 (9.x needs Node 22) with the parts a real
 * provider has and the mock lacks, so the mail servers can check tokens against it:
 * - registered clients (an unknown one gets `invalid_client`, a confidential one needs its secret);
 * - the scope asked for at /authorize is the scope granted (the mock alone grants "dummy");
 * - access tokens expire (`expires_in` per client) and are valid at /userinfo only until then, for
 *   the user named by `login_hint`, with their scope: Dovecot's oauth2 passdb and the SMTP server
 *   both introspect there (test-bed.md §4: a 200 with `active: false` for a bad token);
 * - refresh tokens are checked (the mock accepts any): unknown or revoked → `invalid_grant` with
 *   Google's words; RFC 7009 /revoke really revokes; refreshing rotates the refresh token, as
 *   Microsoft does (the old one stays valid until revoked).
 * `GET /bed/stats?client_id=` counts the grants a client made, so a test can prove a silent refresh.
 */

/** The scope the bed's mail servers require, Gmail's. */
export const BED_MAIL_SCOPE = 'https://mail.google.com/'

export interface BedOAuthClient {
  clientId: string
  secret?: string
  /** Access token lifetime in seconds (Google and Microsoft: 3600). */
  expiresIn: number
}

export const BED_OAUTH_CLIENTS = {
  /** A public desktop client (PKCE, no secret), like a Microsoft Entra public client. */
  desktop: { clientId: 'mailkey-desktop.bed.test', expiresIn: 3600 },
  /** A confidential client, like Google's "Desktop app" clients, which come with a secret. */
  confidential: { clientId: 'mailkey-confidential.bed.test', secret: 'bed-client-secret-Xk2', expiresIn: 3600 },
  /** Tokens that expire almost at once, for the silent-refresh tests. */
  shortLived: { clientId: 'mailkey-short.bed.test', expiresIn: 3 },
} as const satisfies Record<string, BedOAuthClient>

interface IssuedToken {
  email: string
  scope: string
  clientId: string
  expiresAt: number
}

interface RefreshGrant {
  email: string
  scope: string
  clientId: string
  revoked: boolean
}

export interface OAuthMock {
  url: string
  port: number
  stop(): Promise<void>
}

function form(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => {
      body += c
      if (body.length > 64 * 1024) req.destroy()
    })
    req.on('end', () => resolve(new URLSearchParams(body)))
    req.on('error', reject)
  })
}

export async function startOAuthMock(now: () => number = () => Date.now()): Promise<OAuthMock> {
  const issuer = new OAuth2Issuer()
  await issuer.keys.generate('RS256')
  const service = new OAuth2Service(issuer)
  const clients = new Map<string, BedOAuthClient>(Object.values(BED_OAUTH_CLIENTS).map((c) => [c.clientId, c]))
  const codes = new Map<string, { email: string; scope: string; clientId: string; redirectUri: string }>()
  const accessTokens = new Map<string, IssuedToken>()
  const refreshTokens = new Map<string, RefreshGrant>()
  const stats = new Map<string, Record<string, number>>()

  service.on('beforeAuthorizeRedirect', (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams
    const code = redirect.url.searchParams.get('code')
    if (code) {
      codes.set(code, {
        email: q.get('login_hint') ?? 'unknown@example.test',
        scope: q.get('scope') ?? '',
        clientId: q.get('client_id') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
      })
    }
  })

  service.on('beforeResponse', (res: MutableResponse, req: IncomingMessage & { body: Record<string, string> }) => {
    const body = req.body
    const clientId = body['client_id'] ?? ''
    const client = clients.get(clientId)
    const count = stats.get(clientId) ?? {}
    count[body['grant_type'] ?? '?'] = (count[body['grant_type'] ?? '?'] ?? 0) + 1
    stats.set(clientId, count)
    const refuse = (status: number, error: string, description: string): void => {
      res.statusCode = status
      res.body = { error, error_description: description }
    }
    if (!client) return refuse(401, 'invalid_client', 'The OAuth client was not found.')
    if (client.secret !== undefined && body['client_secret'] !== client.secret) {
      return refuse(401, 'invalid_client', 'Unauthorized')
    }
    let grant: { email: string; scope: string }
    if (body['grant_type'] === 'authorization_code') {
      const c = codes.get(body['code'] ?? '')
      codes.delete(body['code'] ?? '')
      if (!c || c.clientId !== clientId || c.redirectUri !== body['redirect_uri']) {
        return refuse(400, 'invalid_grant', 'Malformed auth code.')
      }
      grant = c
    } else if (body['grant_type'] === 'refresh_token') {
      const r = refreshTokens.get(body['refresh_token'] ?? '')
      if (!r || r.revoked || r.clientId !== clientId) {
        return refuse(400, 'invalid_grant', 'Token has been expired or revoked.')
      }
      grant = r
    } else {
      return refuse(400, 'unsupported_grant_type', 'Only the authorization code and refresh token grants.')
    }
    const accessToken = typeof res.body === 'object' ? String(res.body['access_token']) : ''
    accessTokens.set(accessToken, { ...grant, clientId, expiresAt: now() + client.expiresIn * 1000 })
    const refreshToken = randomUUID()
    refreshTokens.set(refreshToken, { ...grant, clientId, revoked: false })
    res.body = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: client.expiresIn,
      scope: grant.scope,
      refresh_token: refreshToken,
    }
  })

  service.on('beforeUserinfo', (res: MutableResponse, req: IncomingMessage) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '')
    const t = accessTokens.get(token)
    res.statusCode = 200
    res.body =
      t && t.expiresAt > now() ? { sub: t.email, email: t.email, scope: t.scope, active: true } : { active: false }
  })

  const revoke = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const token = (await form(req)).get('token') ?? ''
    const r = refreshTokens.get(token)
    if (r) {
      // RFC 7009 §2.1: revoking a refresh token ends the grant: its other refresh tokens and access tokens
      for (const other of refreshTokens.values()) {
        if (other.email === r.email && other.clientId === r.clientId) other.revoked = true
      }
      for (const [k, t] of accessTokens) if (t.email === r.email && t.clientId === r.clientId) accessTokens.delete(k)
    }
    accessTokens.delete(token)
    res.writeHead(200).end()
  }

  const handler = service.requestHandler
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (req.method === 'POST' && url.pathname === '/revoke') {
      revoke(req, res).catch(() => res.writeHead(500).end())
      return
    }
    if (req.method === 'GET' && url.pathname === '/bed/stats') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(stats.get(url.searchParams.get('client_id') ?? '') ?? {}))
      return
    }
    handler(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  issuer.url = `http://127.0.0.1:${port}`
  return {
    url: issuer.url,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
