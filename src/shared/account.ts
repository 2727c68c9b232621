import type { IncomingServer, Server } from './mail.js'
import type { ProviderId } from './providers.js'

/**
 * A saved account as settings hold it and the renderer sees it. It never carries a secret: the
 * password lives in the OS keychain under the account's id.
 */
export interface Account {
  id: string
  email: string
  displayName: string
  /** Login name for both servers; usually the address itself. */
  username: string
  providerId: ProviderId | null
  incoming: IncomingServer
  outgoing: Server
  createdAt: string
  /** When both servers last accepted the saved secret (ISO time), or null if never proven. */
  lastVerifiedAt: string | null
}
