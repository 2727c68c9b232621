import { ProbeFailure, type FailureFacts } from '../probe-failure.js'
import { proxyWords, type TunnelTarget } from './proxy-endpoint.js'
import type { ProxySetting } from '../../../shared/connection.js'

/**
 * Which part of going through a proxy failed, as the code of a failure (`proxy_failed` in the
 * diagnosis; the code tells the describer which one to say):
 * - EPROXY_CONNECT: the proxy itself could not be reached (refused, no answer, name unknown);
 * - EPROXY_AUTH: it refused the user name or password, or wants a sign-in Mailkey cannot do;
 * - EPROXY_TARGET: it refused, or could not make, the connection to the mail server;
 * - EPROXY: it answered something that is not its protocol.
 */
export type ProxyFailureCode = 'EPROXY_CONNECT' | 'EPROXY_AUTH' | 'EPROXY_TARGET' | 'EPROXY'

export function proxyFailure(
  code: ProxyFailureCode,
  message: string,
  extra: Pick<FailureFacts, 'serverText'> = {},
): ProbeFailure {
  return new ProbeFailure({ code, message, ...extra })
}

/** The proxy could not be reached: Node's own reason, in the words of a person. */
export function unreachable(proxy: ProxySetting, error: unknown): ProbeFailure {
  const e = (error ?? {}) as { code?: unknown; message?: unknown }
  const code = typeof e.code === 'string' ? e.code : ''
  const why =
    code === 'ECONNREFUSED'
      ? 'nothing accepts connections there'
      : code === 'ETIMEDOUT'
        ? 'it did not answer'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'its name could not be found'
          : typeof e.message === 'string'
            ? e.message
            : 'the connection failed'
  return proxyFailure(
    'EPROXY_CONNECT',
    `Mailkey could not reach ${proxyWords(proxy)}: ${why}${code ? ` (${code})` : ''}`,
  )
}

/** RFC 1928 §6 reply codes, as the socks package names them, in plain words. */
const SOCKS5_REPLIES: Record<string, string> = {
  Failure: 'reported a general failure',
  NotAllowed: 'does not allow this connection (its rules forbid it)',
  NetworkUnreachable: 'cannot reach that network',
  HostUnreachable: 'cannot reach that server',
  ConnectionRefused: 'was turned away by that server (the port is closed)',
  TTLExpired: 'got no answer from that server in time',
  CommandNotSupported: 'does not support connecting on a client’s behalf',
  AddressNotSupported: 'does not accept server names of this kind',
}

/**
 * A socks package error, phase by phase: `requested` says the proxy had accepted us and was asked
 * for the connection (so a timeout then is the mail server not answering the proxy).
 */
export function socksFailure(
  proxy: ProxySetting,
  target: TunnelTarget,
  error: unknown,
  requested: boolean,
): ProbeFailure {
  const message = error instanceof Error ? error.message : String(error)
  const where = `${target.host}:${target.port}`
  const rejected = /^Socks5 proxy rejected connection - (\w+)/.exec(message)
  if (rejected) {
    const reason = SOCKS5_REPLIES[rejected[1] ?? ''] ?? `refused it (${rejected[1]})`
    return proxyFailure('EPROXY_TARGET', `${capital(proxyWords(proxy))} ${reason}: ${where}`, { serverText: message })
  }
  if (/Socks5 Authentication failed/i.test(message)) {
    return proxyFailure('EPROXY_AUTH', `${capital(proxyWords(proxy))} refused the user name or password`, {
      serverText: message,
    })
  }
  if (/no accepted authentication type/i.test(message)) {
    return proxyFailure(
      'EPROXY_AUTH',
      proxy.username
        ? `${capital(proxyWords(proxy))} does not take a user name and password`
        : `${capital(proxyWords(proxy))} asks for a user name and password`,
      { serverText: message },
    )
  }
  if (/timed out/i.test(message)) {
    return requested
      ? proxyFailure('EPROXY_TARGET', `${capital(proxyWords(proxy))} got no answer from ${where}`)
      : proxyFailure('EPROXY_CONNECT', `${capital(proxyWords(proxy))} did not answer its handshake`)
  }
  if (/Socket closed/i.test(message)) {
    return proxyFailure(
      requested ? 'EPROXY_TARGET' : 'EPROXY',
      `${capital(proxyWords(proxy))} hung up${requested ? ` when asked for ${where}` : ''}`,
    )
  }
  return proxyFailure('EPROXY', `${capital(proxyWords(proxy))} failed: ${message}`)
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/**
 * imapflow's own proxy hook wraps what went wrong as "Failed to setup proxy connection" with the
 * cause in `_err` (a socks error, "Invalid response from proxy: 407", or a connect error to the
 * proxy). The same facts as Mailkey's own tunnel, so the diagnosis does not depend on who opened it.
 */
export function libraryProxyFailure(
  error: unknown,
  proxy: ProxySetting,
  target: TunnelTarget,
): ProbeFailure | undefined {
  const e = (error ?? {}) as { message?: unknown; _err?: unknown }
  if (typeof e.message !== 'string' || !/proxy/i.test(e.message)) return undefined
  const inner = (e._err ?? error) as { message?: unknown; code?: unknown }
  const text = typeof inner.message === 'string' ? inner.message : ''
  if (/^Socks/i.test(text) || /Proxy connection timed out|Socket closed/.test(text)) {
    return socksFailure(proxy, target, inner, /rejected connection/.test(text))
  }
  const status = /Invalid response from proxy: (\d{3})/.exec(text)?.[1]
  if (status === '407' || status === '401') {
    return proxyFailure('EPROXY_AUTH', `${capital(proxyWords(proxy))} refused the user name or password`, {
      serverText: text,
    })
  }
  if (status === '403') {
    return proxyFailure(
      'EPROXY_TARGET',
      `${capital(proxyWords(proxy))} does not allow connections to ${target.host}:${target.port}`,
      { serverText: text },
    )
  }
  if (status?.startsWith('5')) {
    return proxyFailure(
      'EPROXY_TARGET',
      `${capital(proxyWords(proxy))} could not connect to ${target.host}:${target.port}`,
      { serverText: text },
    )
  }
  if (
    typeof inner.code === 'string' &&
    /^E(CONNREFUSED|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN)$/.test(inner.code)
  ) {
    return unreachable(proxy, inner)
  }
  return proxyFailure('EPROXY', `${capital(proxyWords(proxy))} failed: ${text || String(e.message)}`)
}

/** A port tried through the proxy, as reachability reports ports: closed, silent, or something else. */
export function proxyPortResult(error: unknown): 'refused' | 'no-answer' | 'error' {
  const facts = error instanceof ProbeFailure ? error.facts : undefined
  if (facts?.code !== 'EPROXY_TARGET') return 'error'
  if (/turned away|port is closed|ConnectionRefused/i.test(`${facts.message} ${facts.serverText ?? ''}`))
    return 'refused'
  if (/no answer|TTLExpired|timed out/i.test(`${facts.message} ${facts.serverText ?? ''}`)) return 'no-answer'
  return 'error'
}
