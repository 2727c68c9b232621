import type { Protocol, Security } from '../../shared/mail.js'
import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS, standardPort } from '../../shared/ports.js'

export interface Endpoint {
  port: number
  security: Security
}

/**
 * The setting to try when the TLS mode did not work on a port. A standard port used with the wrong mode
 * keeps the port and takes its mode; a standard port already used with its own mode (the server does not
 * speak it) moves to the protocol's other standard port; an unusual port keeps the port and flips the mode.
 */
export function otherMode(port: number | undefined, security: Security | undefined, protocol?: Protocol): Endpoint {
  if (port === undefined) {
    return security === 'tls'
      ? { port: standardPort(protocol, 'starttls'), security: 'starttls' }
      : { port: standardPort(protocol, 'tls'), security: 'tls' }
  }
  if (IMPLICIT_TLS_PORTS.has(port)) {
    return security === 'tls'
      ? { port: standardPort(protocol, 'starttls'), security: 'starttls' }
      : { port, security: 'tls' }
  }
  if (STARTTLS_PORTS.has(port)) {
    return security === 'tls'
      ? { port, security: 'starttls' }
      : { port: standardPort(protocol, 'tls'), security: 'tls' }
  }
  if (security !== undefined) return { port, security: security === 'tls' ? 'starttls' : 'tls' }
  return { port, security: 'tls' }
}

/**
 * The port a pasted error names ("connect ETIMEDOUT 52.96.184.50:465", "smtp.gmail.com:587",
 * "port: 587"), so the fix does not suggest the port that just failed.
 */
export function portInText(text: string): number | undefined {
  const m =
    /(?:\b(?:\d{1,3}\.){3}\d{1,3}|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}):(\d{2,5})\b|\bport:? (\d{2,5})\b/i.exec(
      text,
    )
  const n = Number(m?.[1] ?? m?.[2])
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined
}
