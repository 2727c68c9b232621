import type { ConnectionSettings } from './connection.js'
import type { Cause } from './diagnosis.js'
import type { IncomingFilter } from './filters/filter.js'
import type { IncomingServer, Server } from './mail.js'
import type { OAuthSettings } from './oauth.js'
import type { ProviderId } from './providers.js'

/** The rejections that make a saved secret stale (not network trouble). */
export type RejectionCause = 'invalid_credentials' | 'app_password_required' | 'oauth_token_invalid'

const REJECTIONS: ReadonlySet<string> = new Set<RejectionCause>([
  'invalid_credentials',
  'app_password_required',
  'oauth_token_invalid',
])

/** Causes that mean the server refused the secret itself (not the network, not the settings). */
export function isRejection(cause: Cause | undefined): cause is RejectionCause {
  return cause !== undefined && REJECTIONS.has(cause)
}

/** A saved secret the server now refuses, confirmed by a second attempt. */
export interface StaleCredential {
  since: string
  side: 'incoming' | 'outgoing' | 'both'
  cause: RejectionCause
  /** The likely reason, for this provider ("Google revokes app passwords when..."). */
  reason: string
}

/** How one level of an alias check went. */
export interface CheckOutcome {
  ok: boolean
  /** Plain words: what was checked, or what went wrong. */
  title: string
  cause?: Cause
}

/** The last check of an alias, level by level (a level that did not run is absent). */
export interface AliasCheckRecord {
  at: string
  /** Level 1: the SMTP server accepts MAIL FROM:<alias> (nothing sent). */
  sender: CheckOutcome
  /** Level 2 (opt-in): a message from the alias arrived with the alias as its From. */
  roundTrip?: CheckOutcome & { rewritten?: boolean }
}

/**
 * A send-as identity of an account. It sends through the account's SMTP server and login unless it
 * has its own (an alias on another domain, or a relay such as SendGrid with user `apikey`), whose
 * secret is in the keychain under `<accountId>:alias:<aliasId>`.
 */
export interface Alias {
  id: string
  name: string
  address: string
  replyTo: string | null
  /** Gmail's "Treat as an alias" setting, recorded for the export. */
  treatAsAlias: boolean
  smtp: Server | null
  smtpUsername: string | null
  isDefault: boolean
  lastCheck: AliasCheckRecord | null
}

/**
 * A saved account as settings hold it and the renderer sees it. It never carries a secret: those live
 * in the OS keychain under `<id>:incoming` (one app password serves both servers) and, only when the
 * user split them, `<id>:outgoing`. An account that signs in with OAuth (`oauth` set) has its refresh
 * token under `<id>:oauth-refresh` and, for a confidential client, its client secret under
 * `<id>:oauth-client-secret`; its access token lives in memory only.
 */
export interface Account {
  id: string
  email: string
  displayName: string
  /** Login name for the incoming server, and for the outgoing one unless it has its own. */
  username: string
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  /** Set when sending signs in as someone else (an SMTP relay with its own user and secret). */
  outgoingUsername: string | null
  createdAt: string
  /** When both servers last accepted the saved secret (ISO time), or null if never proven. */
  lastVerifiedAt: string | null
  /** When the saved secret was last re-tested, whatever came of it (ISO time); absent in older settings. */
  lastCheckedAt?: string | null
  stale: StaleCredential | null
  aliases: Alias[]
  /** Allow / Ignore filter for incoming mail, made real on the server as a Sieve script; null: none. */
  filter: IncomingFilter | null
  /** Signs in with OAuth 2.0 (XOAUTH2) instead of a password: the client, never its secret. */
  oauth: OAuthSettings | null
  /** The group (shared/group.ts) this account belongs to; null or absent: none. */
  groupId?: string | null
  /** Reply-To of messages sent as the account's own address (its sender name is `displayName`). */
  replyTo: string | null
  /** Outgoing servers sending falls back to, in order, when `outgoing` does not work. */
  outgoingFallbacks: Server[]
  /**
   * Office connection options: the proxy every socket goes through (its password, if any, in the
   * keychain under `<id>:proxy`), the lowest TLS version per server, trusted keys and office CAs.
   */
  connection: ConnectionSettings
}

/**
 * An OAuth sign-in saved for an address without an account (`mailkey oauth authorize ADDR`), so that
 * `mailkey test --auth oauth2` can use it. Secrets as for an account: `<id>:oauth-refresh`,
 * `<id>:oauth-client-secret`.
 */
export interface SavedOAuthGrant {
  id: string
  email: string
  oauth: OAuthSettings
  createdAt: string
}

/** Which secrets the keychain holds for an account (never the secrets). */
export interface SecretPresence {
  incoming: boolean
  /** `shared`: sending uses the incoming secret; `own`: a separate secret; `missing`: split but absent. */
  outgoing: 'shared' | 'own' | 'missing'
  /** The proxy's password, when the account's proxy has a user name. */
  proxy?: 'saved' | 'missing'
}

/** An account as the account screen shows it. */
export interface AccountView extends Account {
  secrets: SecretPresence
}
