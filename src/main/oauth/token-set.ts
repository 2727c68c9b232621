/** What a token endpoint hands out, in memory only: the refresh token goes to the keychain, nowhere else. */
export interface TokenSet {
  accessToken: string
  refreshToken: string
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number
  /** The scope granted. */
  scope: string
}

/** An access token with its expiry, as the in-memory cache keeps it. */
export interface AccessToken {
  accessToken: string
  expiresAt: number
  scope: string
}
