import type { IncomingServer, Server } from '../../shared/mail.js'
import type { Login, LoginSource } from './login.js'
import type { OfficeOptions } from './server-connection.js'
import type { SenderCheck } from './smtp-sender-check.js'

/** One server to test and the login to try on it, as a probe gets it. */
export interface ServerCheck<S extends Server = Server, L extends LoginSource = Login> {
  server: S
  login: L
}

/** The outgoing side may also ask whether MAIL FROM/RCPT TO would be accepted (nothing is sent). */
export interface OutgoingCheck<L extends LoginSource = Login> extends ServerCheck<Server, L> {
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
  /** An OAuth login may still need its access token: the test fetches it as its "authorizing" stage. */
  incoming?: ServerCheck<IncomingServer, LoginSource> | undefined
  outgoing?: OutgoingCheck<LoginSource> | undefined
  /** One cap for every network step, in ms (`--timeout-ms`); the defaults when unset. */
  timeoutMs?: number | undefined
  /** The logins came from the keychain: a refusal means the saved secret went stale. */
  savedSecret?: boolean | undefined
  /** The account's office options (proxy, TLS minimum per server, trusted keys, office CAs). */
  office?: OfficeOptions | undefined
  /** Outgoing servers sending falls back to, in order: each is tested too (issue 16). */
  outgoingFallbacks?: OutgoingCheck<LoginSource>[] | undefined
}

/** The same login on both servers: one app password serves IMAP/POP3 and SMTP. */
export function sameLogin(
  email: string,
  login: LoginSource,
  servers: { incoming?: IncomingServer | undefined; outgoing?: Server | undefined },
): Pick<TestRequest, 'email' | 'incoming' | 'outgoing'> {
  return {
    email,
    ...(servers.incoming ? { incoming: { server: servers.incoming, login } } : {}),
    ...(servers.outgoing ? { outgoing: { server: servers.outgoing, login } } : {}),
  }
}
