import type { IncomingServer, Server } from '../../shared/mail.js'
import type { Login } from './login.js'
import type { OfficeOptions } from './server-connection.js'
import type { SenderCheck } from './smtp-sender-check.js'

/** One server to test and the login to try on it. */
export interface ServerCheck<S extends Server = Server> {
  server: S
  login: Login
}

/** The outgoing side may also ask whether MAIL FROM/RCPT TO would be accepted (nothing is sent). */
export interface OutgoingCheck extends ServerCheck {
  senderCheck?: SenderCheck | undefined
}

/**
 * One connection test, as every caller builds it (the wizard over IPC, account re-tests, alias checks,
 * the CLI): each side with its own login, so a relay that signs in as someone else needs no special
 * case. At least one side is set.
 */
export interface TestRequest {
  /** The account's address: names the provider and is the sender check's default recipient. */
  email: string
  incoming?: ServerCheck<IncomingServer> | undefined
  outgoing?: OutgoingCheck | undefined
  /** One cap for every network step, in ms (`--timeout-ms`); the defaults when unset. */
  timeoutMs?: number | undefined
  /** The logins came from the keychain: a refusal means the saved secret went stale. */
  savedSecret?: boolean | undefined
  /** The account's office options (proxy, TLS minimum per server, trusted keys, office CAs). */
  office?: OfficeOptions | undefined
  /** Outgoing servers sending falls back to, in order: each is tested too (issue 16). */
  outgoingFallbacks?: OutgoingCheck[] | undefined
}

/** The same login on both servers: one app password serves IMAP/POP3 and SMTP. */
export function sameLogin(
  email: string,
  login: Login,
  servers: { incoming?: IncomingServer | undefined; outgoing?: Server | undefined },
): Pick<TestRequest, 'email' | 'incoming' | 'outgoing'> {
  return {
    email,
    ...(servers.incoming ? { incoming: { server: servers.incoming, login } } : {}),
    ...(servers.outgoing ? { outgoing: { server: servers.outgoing, login } } : {}),
  }
}
