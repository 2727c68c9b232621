import type { Diagnosis } from '../../shared/diagnosis.js'
import type { Server } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import type { SendAttempt } from '../../shared/report.js'
import { diagnoseFailure } from './diagnose-failure.js'
import type { Login } from './login.js'
import { factsFrom } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import { sendMessage, type OutgoingMessage, type SentMessage } from './send-message.js'
import { connectionFor, type OfficeOptions } from './server-connection.js'

/** One outgoing server and the login it takes, in the order sending tries them. */
export interface OutgoingRoute {
  server: Server
  login: Login
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
}

/**
 * Sends one message through the first outgoing server that works: the primary, then each fallback in
 * order (a relay on 2525 when 465 and 587 are blocked from an office network). A server that cannot be
 * reached costs at most its connect timeout before the next is tried. Says which server took it and
 * why the ones before failed; throws SendingFailed with every server's diagnosis when none did.
 */
export async function sendWithFallback(
  routes: readonly OutgoingRoute[],
  message: OutgoingMessage,
  ctx: FallbackContext,
  messageId?: string,
): Promise<SentThrough> {
  const failed: { server: Server; diagnosis: Diagnosis }[] = []
  let first: unknown
  for (const route of routes) {
    const conn = connectionFor(ctx.base, ctx.office, route.server)
    try {
      const sent = await sendMessage(route.server, route.login, message, conn, messageId)
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
      first ??= error
      failed.push({
        server: route.server,
        diagnosis: diagnoseFailure(factsFrom(error), {
          protocol: 'smtp',
          server: route.server,
          providerId: ctx.providerId,
          savedSecret: ctx.savedSecret,
          minTls: conn.trust.minVersion,
        }),
      })
      if (!safeToRetry(error)) break
    }
  }
  throw new SendingFailed(failed, first)
}
