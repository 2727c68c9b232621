import { AuthorizationResponseError, ResponseBodyError } from 'openid-client'
import { ProbeCancelled, ProbeFailure, type FailureFacts } from '../mail/probe-failure.js'
import { ListenerCancelled, ListenerTimeout } from './loopback-listener.js'

/** The host, port and TLS of an endpoint URL, as a failure names the server it was talking to. */
export function endpointOf(url: string): NonNullable<FailureFacts['endpoint']> {
  const u = new URL(url)
  const tls = u.protocol === 'https:'
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port) || (tls ? 443 : 80),
    security: tls ? 'tls' : 'none',
  }
}

interface ErrorWithCause {
  name?: unknown
  code?: unknown
  message?: unknown
  cause?: unknown
}

/** The system error under a fetch failure ("fetch failed" → cause.code ECONNREFUSED / ENOTFOUND …). */
function rootCause(e: unknown): { code?: string; message?: string } {
  let current = e as ErrorWithCause | undefined
  for (let i = 0; i < 5 && current; i++) {
    if (typeof current.code === 'string' && /^E[A-Z]+|^UND_ERR|^ERR_TLS|CERT|UNABLE_TO/.test(current.code)) {
      return { code: current.code, ...(typeof current.message === 'string' ? { message: current.message } : {}) }
    }
    current = current.cause as ErrorWithCause | undefined
  }
  return {}
}

/** A Response that is not the JSON error an OAuth endpoint should send (a proxy's 502, an outage's 503). */
function httpStatusOf(e: unknown): number | undefined {
  const cause = (e as ErrorWithCause | undefined)?.cause
  return cause instanceof Response ? cause.status : undefined
}

/**
 * Any failure of an OAuth request (the authorization response, the token endpoint, a refresh) as the
 * facts of a failed test, so one diagnosis explains it: the error code the provider sent
 * (`oauthError`, RFC 6749 §4.1.2.1/§5.2) with its own words, or the network's failure at the
 * endpoint (`endpoint` names the provider's server, not the mail server). Never includes a token or a
 * code: providers' error descriptions do not echo them, and nothing else of the request is quoted.
 */
export function oauthFailure(error: unknown, endpoint: string, clientId?: string): ProbeFailure | ProbeCancelled {
  if (error instanceof ProbeFailure || error instanceof ProbeCancelled) return error
  if (error instanceof ListenerCancelled) return new ProbeCancelled()
  const where = { endpoint: endpointOf(endpoint), ...(clientId ? { oauthClientId: clientId } : {}) }
  if (error instanceof ListenerTimeout) {
    return new ProbeFailure({ code: 'EOAUTHTIMEOUT', message: error.message })
  }
  if (error instanceof ResponseBodyError || error instanceof AuthorizationResponseError) {
    const description = error.error_description ? `: ${error.error_description}` : ''
    return new ProbeFailure({
      code: 'EOAUTH',
      oauthError: error.error,
      message: `The provider refused the sign-in (${error.error})`,
      serverText: `${error.error}${description}`.slice(0, 2000),
      ...(error instanceof ResponseBodyError ? { responseCode: error.status } : {}),
      ...where,
    })
  }
  const e = error as ErrorWithCause
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    const cancelled = e.name === 'AbortError'
    if (cancelled) return new ProbeCancelled()
    return new ProbeFailure({ code: 'ETIMEDOUT', message: `The sign-in server did not answer in time`, ...where })
  }
  const status = httpStatusOf(error)
  if (status !== undefined) {
    return new ProbeFailure({
      code: status >= 500 ? 'EOAUTHUNAVAILABLE' : 'EOAUTH',
      message:
        status >= 500
          ? `The sign-in server is temporarily unavailable (HTTP ${status})`
          : `The sign-in server answered HTTP ${status} without an OAuth error`,
      ...where,
    })
  }
  const root = rootCause(error)
  const message = typeof e?.message === 'string' ? e.message : String(error)
  return new ProbeFailure({
    message: root.message ? `${message} (${root.message})` : message,
    ...(root.code ? { code: root.code } : {}),
    ...where,
  })
}
