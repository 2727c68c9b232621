import type { Diagnosis } from '../../shared/diagnosis.js'
import type { TlsVersion } from '../../shared/connection.js'
import type { Protocol, Security, Stage } from '../../shared/mail.js'
import type { ProviderId } from '../../shared/providers.js'
import { diagnose } from '../diagnosis/index.js'
import type { FailureFacts } from './probe-failure.js'

/** Where a failure happened: what the diagnosis may use beyond the failure's own facts. */
export interface FailureContext {
  protocol: Protocol
  /** The server that failed, when one was being talked to. */
  server?: { host: string; port: number; security: Security } | undefined
  /** The stage that was running (a probe's clock); unset outside a probe. */
  stage?: Stage | undefined
  providerId: ProviderId | null
  /** The login came from the keychain: the fix is "replace the saved password", not "type it again". */
  savedSecret: boolean
  /** The lowest TLS version the server was allowed. */
  minTls?: TlsVersion | undefined
}

/**
 * The one way a failure of Mailkey's own mail traffic (a probe, a round trip, a test message) becomes a
 * diagnosis: every fact the failure carries is passed on, so the same server reply gets the same cause
 * wherever it happened. `serverText` is the server's own words or, when it said nothing, the system's
 * error message.
 */
export function diagnoseFailure(facts: FailureFacts, ctx: FailureContext): Diagnosis {
  const diagnosis = diagnose({
    text: facts.serverText ?? '',
    message: facts.message,
    ...(facts.code ? { code: facts.code } : {}),
    ...(facts.responseCode ? { responseCode: facts.responseCode } : {}),
    ...(facts.authFailed ? { authFailed: true } : {}),
    ...(facts.certificate ? { certificate: facts.certificate } : {}),
    ...(facts.serverTlsVersions ? { serverTls: facts.serverTlsVersions } : {}),
    ...(ctx.minTls ? { minTls: ctx.minTls } : {}),
    ...(ctx.stage ? { stage: ctx.stage } : {}),
    ...(ctx.server ? { host: ctx.server.host, port: ctx.server.port, security: ctx.server.security } : {}),
    protocol: ctx.protocol,
    providerId: ctx.providerId,
    hasSavedSecret: ctx.savedSecret,
  })
  return { ...diagnosis, serverText: diagnosis.serverText || facts.message }
}
