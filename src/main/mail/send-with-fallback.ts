import type { Diagnosis } from '../../shared/diagnosis.js'
import type { Server } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import type { SendAttempt } from '../../shared/report.js'
import { diagnoseFailure } from './diagnose-failure.js'
import { authKind, resolveLogin, type LoginSource } from './login.js'
import { factsFrom, ProbeCancelled } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import type { Redactor } from './redact.js'
import { sendMessage, type OutgoingMessage, type SentMessage } from './send-message.js'
import { connectionFor, type OfficeOptions } from './server-connection.js'

/** One outgoing server and the login it takes, in the order sending tries them. */
export interface OutgoingRoute {
  server: Server
  /** An OAuth login fetches its token first (a refused refresh is that server's failure, diagnosed). */
  login: LoginSource
}

export interface SentThrough extends SentMessage {
  /** The server that took the message. */
  server: Server
  /** The servers tried before it (empty: the first one worked), with why each failed. */
  failedBefore: SendAttempt[]
}

/** Every server failed: what each said, the first (the primary) first. */
export class SendingFailed extends Error {
  constructor(
    readonly attempts: { server: Server; diagnosis: Diagnosis }[],
    readonly primaryError: unknown,
  ) {
    super(attempts[0]?.diagnosis.title ?? 'Sending failed')
    this.name = 'SendingFailed'
  }
}

/**
 * A failure that leaves the message unsent, so the next server may take it. Anything from the DATA
 * phase on may have delivered it (a reply lost after the server queued the message), and sending it
 * again through another server would deliver it twice: those stop here.
 */
function safeToRetry(error: unknown): boolean {
  const e = (error ?? {}) as { command?: unknown; code?: unknown }
  if (e.command === 'DATA' || e.code === 'EMESSAGE' || e.code === 'ESTREAM') return false
  return true
}

export interface FallbackContext {
  base: ConnectionOptions
  office?: OfficeOptions | undefined
  providerId: ProviderId | null
  /** The logins came from the keychain. */
  savedSecret: boolean
  /** Every secret in play (a fetched token joins it): no diagnosis may quote one. */
  redactor: Redactor
}

/**
 * Sends one message through the first outgoing server that works: the primary, then each fallback in
 * order (a relay on 2525 when 465 and 587 are blocked from an office network). A server that cannot be
 * reached costs at most its connect timeout before the next is tried. Says which server took it and
 * why the ones before failed; throws SendingFailed with every server's diagnosis when none did, and
 * ProbeCancelled when `signal` aborts (no further server is tried then).
 */
export async function sendWithFallback(
  routes: readonly OutgoingRoute[],
  message: OutgoingMessage,
  ctx: FallbackContext,
  messageId?: string,
  signal: AbortSignal = new AbortController().signal,
): Promise<SentThrough> {
  const failed: { server: Server; diagnosis: Diagnosis }[] = []
  let first: unknown
  for (const route of routes) {
    const conn = connectionFor(ctx.base, ctx.office, route.server)
    try {
      const login = await resolveLogin(route.login, signal)
      ctx.redactor.protect(login)
      const sent = await sendMessage(route.server, login, message, conn, messageId, signal)
      return {
        ...sent,
        server: route.server,
        failedBefore: failed.map(({ server, diagnosis }) => ({
          host: server.host,
          port: server.port,
          security: server.security,
          cause: diagnosis.cause,
          title: diagnosis.title,
        })),
      }
    } catch (error) {
      if (error instanceof ProbeCancelled || signal.aborted) throw error
      first ??= error
      failed.push({
        server: route.server,
        diagnosis: diagnoseFailure(factsFrom(error), {
          protocol: 'smtp',
          server: route.server,
          providerId: ctx.providerId,
          savedSecret: ctx.savedSecret,
          redactor: ctx.redactor,
          auth: authKind(route.login),
          username: route.login.username,
          minTls: conn.trust.minVersion,
        }),
      })
      if (!safeToRetry(error)) break
    }
  }
  throw new SendingFailed(failed, first)
}
