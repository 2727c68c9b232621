import type { AuthKind } from '../../shared/mail.js'
import type { OAuthProviderKind } from '../../shared/oauth.js'

/**
 * Who signs in to one server, and with what: a password (or app password), or an OAuth 2.0 access
 * token sent with SASL XOAUTH2 or OAUTHBEARER (RFC 7628). Main process only: built from the keychain,
 * from what the user typed or from a token endpoint, handed to a probe or a mail client, never stored,
 * logged or sent over IPC. Every probe and mail client gets this one type.
 */
export type Login = PasswordLogin | TokenLogin

export interface PasswordLogin {
  username: string
  password: string
}

export interface TokenLogin {
  username: string
  /** A bearer token for the mail servers, in memory only. */
  accessToken: string
  /** The scope the provider granted with it, when known (to tell a wrong scope from a dead token). */
  grantedScope?: string | undefined
  /** The OAuth client it was issued to (an admin needs it to approve or trust the app). */
  clientId?: string | undefined
  /** Whose sign-in it is (Google's and Microsoft's mail scopes are known). */
  provider?: OAuthProviderKind | undefined
}

/**
 * An OAuth login whose access token is fetched when the test runs, as its "authorizing" stage: from the
 * in-memory cache, or refreshed with the saved refresh token. `authorize` throws a ProbeFailure (the
 * token endpoint's refusal, or the network's) when no token can be had.
 */
export interface PendingTokenLogin {
  username: string
  authorize: (signal: AbortSignal) => Promise<string>
  /** Names the grant behind the token (not the token): what a passed test proved, for the save that follows. */
  grant: string
  grantedScope?: string | undefined
  clientId?: string | undefined
  provider?: OAuthProviderKind | undefined
}

/** A login as a test request carries it: ready, or a token still to be fetched. */
export type LoginSource = Login | PendingTokenLogin

export function isTokenLogin(login: Login): login is TokenLogin {
  return 'accessToken' in login
}

export function isPendingLogin(login: LoginSource): login is PendingTokenLogin {
  return 'authorize' in login
}

export function authKind(login: LoginSource): AuthKind {
  return 'password' in login ? 'password' : 'oauth2'
}

/** The secret a login sends (for scrubbing transcripts and errors). */
export function loginSecret(login: Login): string {
  return isTokenLogin(login) ? login.accessToken : login.password
}

/** What identifies a login for a test's proof (kept only as an HMAC): the password, or the OAuth grant. */
export function loginIdentity(login: LoginSource): string {
  if (isPendingLogin(login)) return `oauth:${login.grant}`
  return isTokenLogin(login) ? `token:${login.accessToken}` : `password:${login.password}`
}

/** A ready login: a pending token login fetches its token (throws what `authorize` throws). */
export async function resolveLogin(login: LoginSource, signal: AbortSignal): Promise<Login> {
  if (!isPendingLogin(login)) return login
  const accessToken = await login.authorize(signal)
  return {
    username: login.username,
    accessToken,
    grantedScope: login.grantedScope,
    clientId: login.clientId,
    provider: login.provider,
  }
}
