import type { IncomingServer, Server } from './mail.js'
import type { ProviderId } from './providers.js'

/** The rejections that make a saved secret stale (not network trouble). */
export type RejectionCause = 'invalid_credentials' | 'app_password_required' | 'oauth_token_invalid'

/** A saved secret the server now refuses, confirmed by a second attempt. */
export interface StaleCredential {
  since: string
  side: 'incoming' | 'outgoing' | 'both'
  cause: RejectionCause
  /** The likely reason, for this provider ("Google revokes app passwords when..."). */
  reason: string
}

/**
 * A saved account as settings hold it and the renderer sees it. It never carries a secret: those live
 * in the OS keychain under `<id>:incoming` (one app password serves both servers) and, only when the
 * user split them, `<id>:outgoing`.
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
  stale: StaleCredential | null
}

/** Which secrets the keychain holds for an account (never the secrets). */
export interface SecretPresence {
  incoming: boolean
  /** `shared`: sending uses the incoming secret; `own`: a separate secret; `missing`: split but absent. */
  outgoing: 'shared' | 'own' | 'missing'
}

/** An account as the account screen shows it. */
export interface AccountView extends Account {
  secrets: SecretPresence
}
